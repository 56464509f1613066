/**
 * Fault drills on the brokers of a cluster started by `sluice cluster --console-port`: the console's server
 * asks its parent (`sluice cluster`, over the IPC channel it was started with) to signal a broker process, and
 * the parent answers with the process's state. These are the operations and the messages of that channel.
 */
import { z } from 'zod';

/** stop: SIGTERM (controlled shutdown); kill: SIGKILL; pause: SIGSTOP; resume: SIGCONT; start: its command line again. */
export const DRILL_OPS = ['stop', 'kill', 'pause', 'resume', 'start'] as const;
export type DrillOp = (typeof DRILL_OPS)[number];

export const drillInput = z.object({
  op: z.enum(DRILL_OPS),
  nodeId: z.number().int().min(0),
});
export type DrillInput = z.infer<typeof drillInput>;

/** Set in the console server's environment by `sluice cluster` when it may be asked for drills over IPC. */
export const DRILLS_ENV = 'SLUICE_CLUSTER_DRILLS';

/** running; paused (SIGSTOPped); stopping (signalled, not exited yet); exited. */
export type BrokerProcessState = 'running' | 'paused' | 'stopping' | 'exited';

export interface BrokerProcess {
  nodeId: number;
  pid: number | null;
  state: BrokerProcessState;
  /** How it last ended ("SIGKILL", "code 0"), null while it has not. */
  lastExit: string | null;
  /** `sluice broker ...`: the line that starts it. */
  commandLine: string;
}

export type DrillRequest =
  | { type: 'sluice-drill'; id: number; op: 'list' }
  | { type: 'sluice-drill'; id: number; op: DrillOp; nodeId: number };

export type DrillResponse =
  | { type: 'sluice-drill'; id: number; ok: true; processes: BrokerProcess[] }
  | { type: 'sluice-drill'; id: number; ok: false; error: string };
