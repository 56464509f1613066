import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { drillInput, type DrillOp } from '@sluice/validators';
import { recordAudit } from '../audit.ts';
import { kafkaCall } from '../kafka-errors.ts';
import { adminProcedure, clusterProcedure, viewerProcedure } from '../trpc.ts';

/** What each drill does to the broker's process, as the audit log records it. */
const DRILL_ACTIONS: Record<DrillOp, string> = {
  stop: 'SIGTERM',
  kill: 'SIGKILL',
  pause: 'SIGSTOP',
  resume: 'SIGCONT',
  start: 'started with its command line',
};

export const brokersRouter = {
  /** Every broker (state, rack, partitions led and followed, disk use) and the metadata quorum. */
  list: clusterProcedure.query(({ ctx }) => kafkaCall(() => ctx.cluster.describeBrokers())),

  /** Whether drills are offered (a cluster started by `sluice cluster --console-port`) and each broker process. */
  drills: viewerProcedure.query(async ({ ctx }) => {
    if (!ctx.drills) return { available: false as const, processes: [] };
    return { available: true as const, processes: await ctx.drills.processes() };
  }),

  /** Stops, kills, pauses, resumes or starts a broker process. Admins only; audited. */
  drill: adminProcedure.input(drillInput).mutation(async ({ ctx, input }) => {
    if (!ctx.drills)
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: 'drills need a cluster started by sluice cluster --console-port',
      });
    let processes;
    try {
      processes = await ctx.drills.run(input.op, input.nodeId);
    } catch (error) {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: error instanceof Error ? error.message : String(error),
        cause: error,
      });
    }
    const after = processes.find((p) => p.nodeId === input.nodeId);
    await recordAudit(ctx.db, ctx.user.username, `broker.${input.op}`, `broker ${input.nodeId}`, {
      action: DRILL_ACTIONS[input.op],
      pid: after?.pid ?? null,
      state: after?.state ?? null,
    });
    return { processes };
  }),
} satisfies TRPCRouterRecord;
