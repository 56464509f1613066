/**
 * Fault drills reach the broker processes through whoever started them. `sluice cluster --console-port` starts
 * the console's server with an IPC channel (and DRILLS_ENV set): IpcDrillController sends each request to that
 * parent, which signals its own child and answers with every broker process's state. Without such a parent
 * the server has no controller and the API says drills are unavailable.
 */
import {
  DRILLS_ENV,
  type BrokerProcess,
  type DrillOp,
  type DrillRequest,
  type DrillResponse,
} from '@sluice/validators';

export interface DrillController {
  processes(): Promise<BrokerProcess[]>;
  /** Resolves with every broker process after the operation; rejects with the parent's refusal. */
  run(op: DrillOp, nodeId: number): Promise<BrokerProcess[]>;
}

/** The parent answers at once (it only signals or spawns); longer means it is gone or stuck. */
const ANSWER_DEADLINE_MS = 5_000;

type Channel = Pick<NodeJS.Process, 'send' | 'on' | 'off' | 'connected'>;

export class IpcDrillController implements DrillController {
  private nextId = 1;
  private readonly waiting = new Map<number, (response: DrillResponse) => void>();

  /** The controller for this process when its parent offers drills, else null. */
  static fromParent(env: Record<string, string | undefined>): IpcDrillController | null {
    return env[DRILLS_ENV] === '1' && typeof process.send === 'function'
      ? new IpcDrillController(process)
      : null;
  }

  constructor(private readonly channel: Channel) {
    channel.on('message', (message: unknown) => {
      const response = message as Partial<DrillResponse> | null;
      if (response?.type !== 'sluice-drill' || typeof response.id !== 'number') return;
      this.waiting.get(response.id)?.(response as DrillResponse);
    });
  }

  processes(): Promise<BrokerProcess[]> {
    return this.ask({ type: 'sluice-drill', id: this.nextId++, op: 'list' });
  }

  run(op: DrillOp, nodeId: number): Promise<BrokerProcess[]> {
    return this.ask({ type: 'sluice-drill', id: this.nextId++, op, nodeId });
  }

  private ask(request: DrillRequest): Promise<BrokerProcess[]> {
    return new Promise((resolve, reject) => {
      if (!this.channel.connected || !this.channel.send) {
        reject(new Error('the process that started the cluster is gone'));
        return;
      }
      const timer = setTimeout(() => {
        this.waiting.delete(request.id);
        reject(new Error(`sluice cluster did not answer within ${ANSWER_DEADLINE_MS} ms`));
      }, ANSWER_DEADLINE_MS);
      this.waiting.set(request.id, (response) => {
        clearTimeout(timer);
        this.waiting.delete(request.id);
        if (response.ok) resolve(response.processes);
        else reject(new Error(response.error));
      });
      this.channel.send(request);
    });
  }
}
