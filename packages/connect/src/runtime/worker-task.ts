/**
 * What source and sink tasks share on a worker (WorkerTask): the task's run loop in the background, its
 * target state (started or paused), and status reports. A task reports RUNNING once started, PAUSED and
 * RUNNING as its target state changes, and FAILED with Java's trace when its loop throws; a failed task stays
 * down until restarted. A task stopped without having failed reports its shutdown (Kafka's onShutdown), which
 * the herder records as UNASSIGNED unless the task's next owner has written its status already.
 */
import type { ConnectorTaskId, State } from './herder.ts';
import { javaStackTrace } from './error-handling.ts';

export interface TaskStatusListener {
  onTaskState(id: ConnectorTaskId, state: State, trace?: string): void;
  onTaskShutdown(id: ConnectorTaskId): void;
  /** The task used `topic` (KIP-558 active topics). */
  onActiveTopic(id: ConnectorTaskId, topic: string): void;
}

export type Logger = (level: 'info' | 'warn' | 'error', message: string) => void;

export abstract class WorkerTask {
  protected stopping = false;
  protected paused: boolean;
  private resumeWaiters: (() => void)[] = [];
  private loop: Promise<void> | null = null;
  /** The loop threw: the task reported FAILED, and its shutdown is not reported over that. */
  private failed = false;

  constructor(
    readonly id: ConnectorTaskId,
    protected readonly listener: TaskStatusListener,
    protected readonly log: Logger,
    startPaused: boolean,
  ) {
    this.paused = startPaused;
  }

  get name(): string {
    return `${this.id.connector}-${this.id.task}`;
  }

  /** Starts the task's loop in the background. */
  run(): void {
    this.loop = this.execute().then(
      () => undefined,
      (error: unknown) => {
        if (this.stopping) return;
        this.failed = true;
        this.log(
          'error',
          `${this.name} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted. ${javaStackTrace(error)}`,
        );
        this.listener.onTaskState(this.id, 'FAILED', javaStackTrace(error));
      },
    );
  }

  /** Initializes and starts the connector's task, then runs until stopped; throws to fail the task. */
  protected abstract execute(): Promise<void>;

  /** Releases what the task holds after its loop ended (close clients, stop the connector's task). */
  protected abstract close(): Promise<void>;

  /** Wakes a loop that waits for new data, so it sees `stopping` promptly. */
  protected abstract wakeUp(): void;

  transitionTo(state: 'STARTED' | 'PAUSED'): void {
    const paused = state === 'PAUSED';
    if (paused === this.paused) return;
    this.paused = paused;
    this.listener.onTaskState(this.id, paused ? 'PAUSED' : 'RUNNING');
    if (!paused) this.releaseResumeWaiters();
    this.wakeUp();
  }

  protected awaitResume(): Promise<void> {
    if (!this.paused || this.stopping) return Promise.resolve();
    return new Promise((resolve) => this.resumeWaiters.push(resolve));
  }

  private releaseResumeWaiters(): void {
    for (const resolve of this.resumeWaiters.splice(0)) resolve();
  }

  /**
   * Stops the loop and waits up to `timeoutMs` (task.shutdown.graceful.timeout.ms) for it to end, then
   * closes what the task holds. Resolves false when the loop did not end in time.
   */
  async stop(timeoutMs: number): Promise<boolean> {
    this.stopping = true;
    this.releaseResumeWaiters();
    this.wakeUp();
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      (this.loop ?? Promise.resolve()).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (!ended) this.log('error', `Graceful stop of task ${this.name} failed.`);
    try {
      await this.close();
    } catch (error) {
      this.log('warn', `Could not close task ${this.name} cleanly: ${(error as Error).message}`);
    }
    if (!this.failed) this.listener.onTaskShutdown(this.id);
    return ended;
  }
}
