import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { topicInput } from '@sluice/validators';
import { kafkaCall } from '../kafka-errors.ts';
import { clusterProcedure } from '../trpc.ts';

export const compactionRouter = {
  /**
   * A topic's cleaning and retention per partition: the log cleaner's status where the cluster source can read
   * it (the embedded broker), otherwise the reason it cannot; sizes and configs from the wire either way.
   */
  topic: clusterProcedure.input(topicInput).query(async ({ ctx, input }) => {
    const compaction = await kafkaCall(() => ctx.cluster.topicCompaction(input.topic));
    if (!compaction) throw new TRPCError({ code: 'NOT_FOUND', message: `no topic ${input.topic}` });
    return compaction;
  }),

  /** Every compacted partition whose cleaner status can be read, most in need of cleaning first. */
  cleaner: clusterProcedure.query(({ ctx }) => kafkaCall(() => ctx.cluster.cleanerOverview())),
} satisfies TRPCRouterRecord;
