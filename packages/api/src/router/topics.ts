import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import {
  alterTopicConfigsInput,
  createTopicInput,
  createTopicInputFor,
  deleteRecordsInput,
  deleteTopicInput,
  topicInput,
} from '@sluice/validators';
import { recordAudit } from '../audit.ts';
import type { ClusterSource } from '../cluster-source/cluster-source.ts';
import { kafkaCall } from '../kafka-errors.ts';
import { mapConcurrently } from '../map-concurrently.ts';
import { clusterOperatorProcedure, clusterProcedure } from '../trpc.ts';

/** The previous reading of each topic's end offsets, per cluster source, to turn totals into rates. */
const previousEndOffsets = new WeakMap<ClusterSource, Map<string, { at: number; endOffsets: number }>>();

/** Groups whose commits or members touch `topic`, with their lag on it. */
async function consumersOf(cluster: ClusterSource, topic: string, highWatermarks: Map<number, number>) {
  const groups = await cluster.listGroups();
  const found = await mapConcurrently(groups, 8, async ({ groupId, state }) => {
    const commits = (await cluster.committedOffsets(groupId)).filter((c) => c.topic === topic);
    if (commits.length === 0) return null;
    const lag = commits.reduce(
      (sum, c) => sum + Math.max(0, (highWatermarks.get(c.partition) ?? 0) - c.offset),
      0,
    );
    return { groupId, state, partitions: commits.length, lag };
  });
  return found.filter((g) => g !== null);
}

export const topicsRouter = {
  /** Every topic with partitions, replication, size, records and records a second since the last listing. */
  list: clusterProcedure.query(async ({ ctx }) => {
    const topics = await kafkaCall(() => ctx.cluster.listTopics());
    const now = Date.now();
    let previous = previousEndOffsets.get(ctx.cluster);
    if (!previous) previousEndOffsets.set(ctx.cluster, (previous = new Map()));
    const listed = topics.map((t) => {
      const before = previous.get(t.name);
      const seconds = before ? (now - before.at) / 1000 : 0;
      previous.set(t.name, { at: now, endOffsets: t.endOffsets });
      return {
        ...t,
        recordsPerSecond:
          before && seconds > 0 ? Math.max(0, t.endOffsets - before.endOffsets) / seconds : null,
      };
    });
    const current = new Set(topics.map((t) => t.name));
    for (const name of previous.keys()) if (!current.has(name)) previous.delete(name);
    return listed;
  }),

  /** The configs a new topic can set, with their types, this cluster's defaults and allowed values. */
  configDefinitions: clusterProcedure.query(({ ctx }) =>
    kafkaCall(() => ctx.cluster.topicConfigDefinitions()),
  ),

  /** Partitions (leader, replicas, ISR, offsets, size), configs with their source and default, and consumers. */
  detail: clusterProcedure.input(topicInput).query(async ({ ctx, input }) => {
    const topic = await kafkaCall(() => ctx.cluster.describeTopic(input.topic));
    if (!topic) throw new TRPCError({ code: 'NOT_FOUND', message: `topic ${input.topic} does not exist` });
    const highWatermarks = new Map(topic.partitions.map((p) => [p.partition, p.highWatermark]));
    return { ...topic, consumers: await consumersOf(ctx.cluster, input.topic, highWatermarks) };
  }),

  /**
   * Creates a topic (or only validates it, validateOnly), with the shared schema's guardrails checked against
   * the live cluster, then the broker's own validation.
   */
  create: clusterOperatorProcedure.input(createTopicInput).mutation(async ({ ctx, input }) => {
    const overview = await kafkaCall(() => ctx.cluster.describeCluster());
    const checked = createTopicInputFor(overview.brokers.length).safeParse(input);
    if (!checked.success)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: checked.error.issues.map((i) => i.message).join('; '),
      });
    await kafkaCall(() => ctx.cluster.createTopic(checked.data));
    if (!input.validateOnly)
      await recordAudit(ctx.db, ctx.user.username, 'topic.create', input.name, {
        partitions: input.partitions,
        replicationFactor: input.replicationFactor,
        configs: input.configs,
      });
    return { name: input.name, validateOnly: input.validateOnly };
  }),

  delete: clusterOperatorProcedure.input(deleteTopicInput).mutation(async ({ ctx, input }) => {
    await kafkaCall(() => ctx.cluster.deleteTopic(input.topic));
    await recordAudit(ctx.db, ctx.user.username, 'topic.delete', input.topic);
    return { deleted: input.topic };
  }),

  alterConfigs: clusterOperatorProcedure.input(alterTopicConfigsInput).mutation(async ({ ctx, input }) => {
    await kafkaCall(() =>
      ctx.cluster.alterTopicConfigs(input.topic, input.set, input.remove, input.validateOnly),
    );
    if (!input.validateOnly)
      await recordAudit(ctx.db, ctx.user.username, 'topic.config', input.topic, {
        set: input.set,
        remove: input.remove,
      });
    return { topic: input.topic };
  }),

  /** Deletes a partition's records before an offset (DeleteRecords); resolves with the new log start offset. */
  deleteRecords: clusterOperatorProcedure.input(deleteRecordsInput).mutation(async ({ ctx, input }) => {
    const logStartOffset = await kafkaCall(() =>
      ctx.cluster.deleteRecords(input.topic, input.partition, input.beforeOffset),
    );
    await recordAudit(ctx.db, ctx.user.username, 'records.delete', `${input.topic}-${input.partition}`, {
      beforeOffset: input.beforeOffset,
      logStartOffset,
    });
    return { logStartOffset };
  }),
} satisfies TRPCRouterRecord;
