import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { abortTransactionInput, findHangingInput, partitionInput } from '@sluice/validators';
import { recordAudit } from '../audit.ts';
import { kafkaCall } from '../kafka-errors.ts';
import { transactionAge } from '../transactions/transaction-age.ts';
import { clusterOperatorProcedure, clusterProcedure } from '../trpc.ts';

/** kafka-transactions.sh find-hanging's default --max-transaction-timeout (15 minutes, Kafka's default max). */
const DEFAULT_HANGING_SEARCH_MS = 15 * 60_000;

export const transactionsRouter = {
  /**
   * The open transactions at every coordinator (ListTransactions, DescribeTransactions) with their age, each
   * flagged when it is hanging (open longer than its timeout or the cluster's transaction.max.timeout.ms).
   */
  list: clusterProcedure.query(async ({ ctx }) => {
    const [open, maxTimeoutMs] = await Promise.all([
      kafkaCall(() => ctx.cluster.transactions.listOpen()),
      kafkaCall(() => ctx.cluster.transactions.maxTimeoutMs()),
    ]);
    const now = Date.now();
    return {
      maxTimeoutMs,
      transactions: open.map((t) => ({ ...t, ...transactionAge(t, maxTimeoutMs, now) })),
    };
  }),

  /**
   * The hanging transactions of every partition (kafka-transactions.sh find-hanging): open there, idle longer
   * than `maxTransactionTimeoutMs` (by default the cluster's transaction.max.timeout.ms, or 15 minutes when it
   * will not say, as the tool's default), and never to be ended
   * there by their coordinator, which does not know them.
   */
  hanging: clusterProcedure.input(findHangingInput).query(async ({ ctx, input }) => {
    const maxTransactionTimeoutMs =
      input.maxTransactionTimeoutMs ??
      (await kafkaCall(() => ctx.cluster.transactions.maxTimeoutMs())) ??
      DEFAULT_HANGING_SEARCH_MS;
    return {
      maxTransactionTimeoutMs,
      transactions: await kafkaCall(() => ctx.cluster.transactions.findHanging(maxTransactionTimeoutMs)),
    };
  }),

  /** The producers a partition keeps state for, with where each one's open transaction started. */
  producers: clusterProcedure
    .input(partitionInput)
    .query(({ ctx, input }) => kafkaCall(() => ctx.cluster.transactions.producers(input))),

  /**
   * Aborts a producer's open transaction on the given partitions with ABORT markers, as kafka-transactions.sh
   * abort does; audited. PRECONDITION_FAILED when the producer has no open transaction on any of them.
   */
  abort: clusterOperatorProcedure.input(abortTransactionInput).mutation(async ({ ctx, input }) => {
    const results = await kafkaCall(() => ctx.cluster.transactions.abort(input.producerId, input.partitions));
    const aborted = results.filter((r) => r.startOffset !== null);
    if (aborted.length === 0)
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: `producer ${input.producerId} has no open transaction on ${input.partitions
          .map((p) => `${p.topic}-${p.partition}`)
          .join(', ')}`,
      });
    await recordAudit(
      ctx.db,
      ctx.user.username,
      'transaction.abort',
      input.transactionalId ?? `producer ${input.producerId}`,
      { producerId: input.producerId, partitions: results },
    );
    return { partitions: results };
  }),
} satisfies TRPCRouterRecord;
