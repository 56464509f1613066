import type { TRPCRouterRecord } from '@trpc/server';
import { isrTimelineInput } from '@sluice/validators';
import { buildTimeline } from '../isr/partition-history.ts';
import { authorizeUser } from '../cluster-source/principal-cluster-source.ts';
import { readTopicStates } from '../isr/partition-history-store.ts';
import { kafkaCall } from '../kafka-errors.ts';
import { viewerProcedure } from '../trpc.ts';

export const isrRouter = {
  /**
   * A topic's ISR timeline from the console's database: per partition, each replica's spans (leader, in the
   * ISR, out of it) and the events (ISR shrinks and expansions, leader changes with their epochs, replicas
   * added and removed) over the last `windowMinutes`.
   */
  timeline: viewerProcedure.input(isrTimelineInput).query(async ({ ctx, input }) => {
    await kafkaCall(() => authorizeUser(ctx.cluster, ctx.user, 'DESCRIBE', 'TOPIC', input.topic));
    const until = Date.now();
    const since = until - input.windowMinutes * 60_000;
    const states = await readTopicStates(ctx.db, input.topic, since);
    return {
      since,
      until,
      partitions: [...states]
        .sort(([a], [b]) => a - b)
        .map(([partition, list]) => buildTimeline(partition, list, since, until))
        .filter((timeline) => timeline.current !== null),
    };
  }),
} satisfies TRPCRouterRecord;
