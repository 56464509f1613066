import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { groupDetailInput, lagHistoryInput, offsetResetInput } from '@sluice/validators';
import { z } from 'zod';
import { ErrorCode, errorCodes } from '@sluice/protocol';
import { recordAudit } from '../audit.ts';
import { authorizeUser } from '../cluster-source/principal-cluster-source.ts';
import { kafkaCall } from '../kafka-errors.ts';
import type { ClusterSource } from '../cluster-source/cluster-source.ts';
import { assessGroupLag, STATUS_WINDOW_ROUNDS, type GroupAssessment } from '../lag/assess-lag.ts';
import { computeGroupLag } from '../lag/compute-lag.ts';
import { readLagHistory, recentObservations } from '../lag/lag-store.ts';
import { mapConcurrently } from '../map-concurrently.ts';
import { clusterOperatorProcedure, clusterProcedure, viewerProcedure, type ApiContext } from '../trpc.ts';

/** Groups assessed at once for the list: each costs a few reads of the cluster and one of SQLite. */
const CONCURRENT_GROUPS = 8;

async function assess(
  db: ApiContext['db'],
  cluster: ClusterSource,
  groupId: string,
): Promise<GroupAssessment> {
  const [lag, windows] = await Promise.all([
    computeGroupLag(cluster, groupId),
    recentObservations(db, groupId, STATUS_WINDOW_ROUNDS),
  ]);
  return assessGroupLag(lag, windows);
}

export const groupsRouter = {
  /** Every group with its state, member count, total lag and status (Burrow's rules over recent samples). */
  list: clusterProcedure.query(async ({ ctx }) => {
    const groups = await ctx.cluster.listGroups();
    return mapConcurrently(groups, CONCURRENT_GROUPS, async ({ groupId, protocolType }) => {
      const { lag, status } = await assess(ctx.db, ctx.cluster, groupId);
      return {
        groupId,
        state: lag.group.state,
        protocolType,
        members: lag.group.members.length,
        totalLag: lag.totalLag,
        maxLagSeconds: lag.maxLagSeconds,
        status,
      };
    });
  }),

  /** One group: members and their assignments, and per partition the lag, its status and drain estimate. */
  detail: clusterProcedure.input(groupDetailInput).query(async ({ ctx, input }) => {
    const { lag, status, drain, partitions } = await assess(ctx.db, ctx.cluster, input.groupId);
    if (status === 'NOTFOUND') {
      throw new TRPCError({ code: 'NOT_FOUND', message: `group ${input.groupId} does not exist` });
    }
    return {
      groupId: lag.group.groupId,
      state: lag.group.state,
      protocolType: lag.group.protocolType,
      protocol: lag.group.protocol,
      readAt: new Date(lag.at),
      status,
      totalLag: lag.totalLag,
      maxLagSeconds: lag.maxLagSeconds,
      drain,
      members: lag.group.members,
      partitions: partitions.map((p) => ({
        ...p,
        commitTimestamp: p.commitTimestamp === null ? null : new Date(p.commitTimestamp),
      })),
    };
  }),

  /** The group's (or one partition's) lag per sample round from the console's database, for a chart. */
  lagHistory: viewerProcedure.input(lagHistoryInput).query(async ({ ctx, input }) => {
    await kafkaCall(() => authorizeUser(ctx.cluster, ctx.user, 'DESCRIBE', 'GROUP', input.groupId));
    return { points: await readLagHistory(ctx.db, input) };
  }),

  /**
   * An offset reset, as kafka-consumer-groups --reset-offsets: `execute: false` is the dry run that shows each
   * partition's current and new offset; `execute: true` commits it. Only an inactive group can be reset.
   */
  resetOffsets: clusterOperatorProcedure
    .input(offsetResetInput.extend({ execute: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const { execute, ...reset } = input;
      const plan = await kafkaCall(() => ctx.cluster.planOffsetReset(reset));
      if (execute) {
        await kafkaCall(() => ctx.cluster.executeOffsetReset(plan));
        await recordAudit(ctx.db, ctx.user.username, 'group.reset-offsets', input.groupId, {
          target: input.target,
          offsets: plan.rows.map((r) => ({
            topic: r.topic,
            partition: r.partition,
            from: r.currentOffset === null ? null : Number(r.currentOffset),
            to: Number(r.newOffset),
          })),
        });
      }
      return {
        executed: execute,
        groupState: plan.groupState,
        rows: plan.rows.map((r) => ({
          topic: r.topic,
          partition: r.partition,
          currentOffset: r.currentOffset === null ? null : Number(r.currentOffset),
          newOffset: Number(r.newOffset),
          logStartOffset: Number(r.logStartOffset),
          logEndOffset: Number(r.logEndOffset),
        })),
      };
    }),

  /** Deletes a group without members, with its committed offsets (DeleteGroups). */
  delete: clusterOperatorProcedure.input(groupDetailInput).mutation(async ({ ctx, input }) => {
    const errorCode = await kafkaCall(() => ctx.cluster.deleteGroup(input.groupId));
    if (errorCode !== ErrorCode.NONE) {
      const name = errorCodes.get(errorCode)?.name ?? `error ${errorCode}`;
      throw new TRPCError({
        code: errorCode === ErrorCode.GROUP_ID_NOT_FOUND ? 'NOT_FOUND' : 'PRECONDITION_FAILED',
        message: `${name}: group ${input.groupId} could not be deleted`,
      });
    }
    await recordAudit(ctx.db, ctx.user.username, 'group.delete', input.groupId);
    return { deleted: input.groupId };
  }),
} satisfies TRPCRouterRecord;
