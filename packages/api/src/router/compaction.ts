import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { topicInput, topicSizeHistoryInput } from '@sluice/validators';
import { authorizeUser } from '../cluster-source/principal-cluster-source.ts';
import { kafkaCall } from '../kafka-errors.ts';
import { buildSizeHistory } from '../size-history/size-history.ts';
import { readTopicSizes } from '../size-history/size-history-store.ts';
import { clusterProcedure, viewerProcedure } from '../trpc.ts';

/** Points per series at most: about one per pixel of a wide chart. */
const SIZE_HISTORY_MAX_POINTS = 500;

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

  /**
   * A topic's size on disk over the last `windowMinutes` from the console's database (what the size sampler
   * recorded), for the whole topic and per partition with the log start offset and high watermark.
   */
  sizeHistory: viewerProcedure.input(topicSizeHistoryInput).query(async ({ ctx, input }) => {
    await kafkaCall(() => authorizeUser(ctx.cluster, ctx.user, 'DESCRIBE', 'TOPIC', input.topic));
    const until = Date.now();
    const since = until - input.windowMinutes * 60_000;
    const records = await readTopicSizes(ctx.db, input.topic, since, until);
    return buildSizeHistory(records, since, until, SIZE_HISTORY_MAX_POINTS);
  }),

  /** Every compacted partition whose cleaner status can be read, most in need of cleaning first. */
  cleaner: clusterProcedure.query(({ ctx }) => kafkaCall(() => ctx.cluster.cleanerOverview())),
} satisfies TRPCRouterRecord;
