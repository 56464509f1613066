import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { partitionInput, reassignPartitionInput, topicInput } from '@sluice/validators';
import { recordAudit } from '../audit.ts';
import { kafkaCall } from '../kafka-errors.ts';
import { reassignmentProgress } from '../reassignment/reassignment-progress.ts';
import { clearThrottlesWhenDone, stopWatching } from '../reassignment/throttle-cleanup.ts';
import { clusterAdminProcedure, clusterProcedure, type ApiContext } from '../trpc.ts';

async function currentReplicas(
  cluster: NonNullable<ApiContext['cluster']>,
  topic: string,
  partition: number,
) {
  const detail = await kafkaCall(() => cluster.describeTopic(topic));
  const found = detail?.partitions.find((p) => p.partition === partition);
  if (!found)
    throw new TRPCError({ code: 'NOT_FOUND', message: `topic ${topic} has no partition ${partition}` });
  return found;
}

export const reassignmentsRouter = {
  /**
   * The topic's ongoing reassignments (ListPartitionReassignments) with their progress: each replica's log size
   * (DescribeLogDirs), the bytes the replicas being added still have to copy from the leader, and the target
   * replicas whose broker is down (Metadata), which hold the reassignment up.
   */
  progress: clusterProcedure.input(topicInput).query(async ({ ctx, input }) => {
    const ongoing = await kafkaCall(() => ctx.cluster.listReassignments(input.topic));
    if (ongoing.length === 0) return { reassignments: [] };
    const detail = await kafkaCall(() => ctx.cluster.describeTopic(input.topic));
    const reassignments = await Promise.all(
      ongoing.map(async (o) => {
        const sizes = await kafkaCall(() => ctx.cluster.replicaLogSizes(o.topic, o.partition));
        const partition = detail?.partitions.find((p) => p.partition === o.partition);
        // A replica outside the ISR is named with whether its broker is live; one in the ISR is live.
        const down = new Set(
          partition?.laggingReplicas.filter((r) => !r.brokerLive).map((r) => r.nodeId) ?? [],
        );
        return reassignmentProgress(o, partition?.leader ?? -1, sizes, down);
      }),
    );
    return { reassignments: reassignments.sort((a, b) => a.partition - b.partition) };
  }),

  /**
   * Starts moving a partition to `replicas` (AlterPartitionReassignments), throttled when `throttle` is given;
   * the throttles are removed when it completes or is cancelled.
   */
  start: clusterAdminProcedure.input(reassignPartitionInput).mutation(async ({ ctx, input }) => {
    const before = await currentReplicas(ctx.cluster, input.topic, input.partition);
    await kafkaCall(() =>
      ctx.cluster.reassignPartition(input.topic, input.partition, input.replicas, input.throttle),
    );
    if (input.throttle !== null) clearThrottlesWhenDone(ctx.cluster, input.topic);
    await recordAudit(ctx.db, ctx.user.username, 'partition.reassign', `${input.topic}-${input.partition}`, {
      from: before.replicas,
      to: input.replicas,
      throttle: input.throttle,
    });
    return { from: before.replicas, to: input.replicas };
  }),

  /**
   * Cancels a partition's ongoing reassignment: Kafka puts the replica set back as it was, and the replication
   * throttles are removed (as kafka-reassign-partitions --cancel does).
   */
  cancel: clusterAdminProcedure.input(partitionInput).mutation(async ({ ctx, input }) => {
    await kafkaCall(() => ctx.cluster.reassignPartition(input.topic, input.partition, null));
    stopWatching(ctx.cluster, input.topic);
    await kafkaCall(() => ctx.cluster.clearReplicationThrottles(input.topic));
    await recordAudit(
      ctx.db,
      ctx.user.username,
      'partition.reassign-cancel',
      `${input.topic}-${input.partition}`,
    );
    return { cancelled: true };
  }),
} satisfies TRPCRouterRecord;
