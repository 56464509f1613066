import { setTimeout as sleep } from 'node:timers/promises';
import { TRPCError, tracked, type TRPCRouterRecord } from '@trpc/server';
import { browseMessagesInput, produceInput, tailInput, type MessagesFrom } from '@sluice/validators';
import { recordAudit } from '../audit.ts';
import type {
  ClusterSource,
  ConsoleEntry,
  IsolationLevelName,
  PartitionPositions,
} from '../cluster-source/cluster-source.ts';
import { kafkaCall } from '../kafka-errors.ts';
import { compileFilter, sampleEvenly } from '../messages/record-filter.ts';
import { clusterOperatorProcedure, clusterProcedure } from '../trpc.ts';

/** Records read per partition in one round of the live tail, and how long a round waits for new ones. */
const TAIL_READ_RECORDS = 2000;
const TAIL_WAIT_MS = 500;
const CAP_WINDOW_MS = 100;

async function partitionOffsets(cluster: ClusterSource, topic: string, only?: number[]) {
  const detail = await kafkaCall(() => cluster.describeTopic(topic));
  if (!detail) throw new TRPCError({ code: 'NOT_FOUND', message: `topic ${topic} does not exist` });
  const partitions = detail.partitions.filter((p) => only === undefined || only.includes(p.partition));
  const missing = only?.filter((p) => !detail.partitions.some((d) => d.partition === p)) ?? [];
  if (missing.length > 0)
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: `topic ${topic} has no partition ${missing.join(', ')}`,
    });
  return partitions;
}

interface PartitionBounds {
  partition: number;
  logStartOffset: number;
  highWatermark: number;
  lastStableOffset: number;
}

/** Where a reader of the isolation level stops: the high watermark, or the last stable offset. */
const readableEnd = (p: PartitionBounds, isolationLevel: IsolationLevelName) =>
  isolationLevel === 'read_committed' ? p.lastStableOffset : p.highWatermark;

/** Where each partition's read starts for `from`, clamped to [log start offset, readable end]. */
async function startPositions(
  cluster: ClusterSource,
  topic: string,
  partitions: PartitionBounds[],
  from: MessagesFrom,
  limit: number,
  isolationLevel: IsolationLevelName,
): Promise<PartitionPositions> {
  const clamp = (p: PartitionBounds, offset: number) =>
    Math.min(Math.max(offset, p.logStartOffset), readableEnd(p, isolationLevel));
  if (from.type === 'timestamp')
    return kafkaCall(() =>
      cluster.offsetsForTimestamp(
        topic,
        partitions.map((p) => p.partition),
        from.timestamp,
      ),
    );
  return new Map(
    partitions.map((p) => {
      switch (from.type) {
        case 'newest':
          return [p.partition, clamp(p, readableEnd(p, isolationLevel) - limit)];
        case 'oldest':
          return [p.partition, p.logStartOffset];
        case 'offset':
          return [p.partition, clamp(p, from.offset)];
        case 'positions':
          return [p.partition, clamp(p, from.positions[String(p.partition)] ?? p.logStartOffset)];
      }
    }),
  );
}

const byTime = (a: ConsoleEntry, b: ConsoleEntry) =>
  a.timestamp - b.timestamp || a.partition - b.partition || a.offset - b.offset;

export const messagesRouter = {
  /**
   * A page of records and transaction markers: from the newest (newest first), the oldest, an offset or a
   * timestamp (oldest first), over one partition or all, read as a consumer of the isolation level reads (under
   * read_committed: up to the last stable offsets, without the records of aborted transactions). `next`
   * continues an oldest-first page where it ended; null at the ends the isolation level reads to.
   */
  browse: clusterProcedure.input(browseMessagesInput).query(async ({ ctx, input }) => {
    const partitions = await partitionOffsets(
      ctx.cluster,
      input.topic,
      input.partition === undefined ? undefined : [input.partition],
    );
    const positions = await startPositions(
      ctx.cluster,
      input.topic,
      partitions,
      input.from,
      input.limit,
      input.isolationLevel,
    );
    const read = await kafkaCall(() =>
      ctx.cluster.readRecords(input.topic, positions, {
        maxRecords: input.limit,
        maxWaitMs: 0,
        isolationLevel: input.isolationLevel,
      }),
    );
    const entries = read.entries.sort(byTime);
    if (input.from.type === 'newest') return { records: entries.slice(-input.limit).reverse(), next: null };
    const page = entries.slice(0, input.limit);
    // A partition whose entries all made the page continues where its read ended (past what it skipped, such as
    // aborted records); one cut by the page continues after its last entry shown.
    const next = new Map(positions);
    const cut = new Set(entries.slice(input.limit).map((e) => e.partition));
    for (const p of positions.keys()) if (!cut.has(p)) next.set(p, read.next.get(p)!);
    for (const e of page)
      if (cut.has(e.partition)) next.set(e.partition, Math.max(next.get(e.partition)!, e.offset + 1));
    const more = partitions.some((p) => next.get(p.partition)! < readableEnd(p, input.isolationLevel));
    return {
      records: page,
      next: more ? Object.fromEntries([...next].map(([p, offset]) => [String(p), offset])) : null,
    };
  }),

  /** Produces a record `copies` times (acks=all) to a partition, the key's partition, or a random one. */
  produce: clusterOperatorProcedure.input(produceInput).mutation(async ({ ctx, input }) => {
    const written = await kafkaCall(() =>
      ctx.cluster.produce({
        topic: input.topic,
        partition: input.partition,
        key: input.key === null ? null : Buffer.from(input.key, 'utf8'),
        value: input.value === null ? null : Buffer.from(input.value, 'utf8'),
        headers: input.headers.map((h) => ({
          key: h.key,
          value: h.value === null ? null : Buffer.from(h.value, 'utf8'),
        })),
        copies: input.copies,
      }),
    );
    await recordAudit(ctx.db, ctx.user.username, 'records.produce', input.topic, {
      partition: written[0]!.partition,
      firstOffset: written[0]!.offset,
      copies: input.copies,
    });
    return { written };
  }),

  /**
   * A live tail over SSE. Each event carries the records that passed the filters, at most maxPerSecond a
   * second (sampled evenly when more arrive), and says how many were skipped by the cap and how many the
   * filters left out: nothing is dropped silently. Event ids carry the partitions' positions, so a reconnect
   * resumes where the last event ended.
   */
  tail: clusterProcedure.input(tailInput).subscription(async function* ({ ctx, input, signal }) {
    const partitions = await partitionOffsets(ctx.cluster, input.topic, input.partitions);
    let positions: PartitionPositions;
    if (input.lastEventId) {
      const resumed = JSON.parse(input.lastEventId) as Record<string, number>;
      positions = new Map(
        partitions.map((p) => [
          p.partition,
          resumed[String(p.partition)] ?? readableEnd(p, input.isolationLevel),
        ]),
      );
    } else {
      positions =
        input.from.type === 'newest'
          ? new Map(partitions.map((p) => [p.partition, readableEnd(p, input.isolationLevel)]))
          : await startPositions(ctx.cluster, input.topic, partitions, input.from, 0, input.isolationLevel);
    }
    // A first, empty event once the start positions are fixed: from here on nothing produced is missed, and the
    // page shows the tail as live only when it has this event.
    yield tracked(JSON.stringify(Object.fromEntries(positions)), { records: [], skipped: 0, filteredOut: 0 });
    const keep = compileFilter(input);
    // The cap applies per tenth of a second, so a busy topic reaches the browser as a steady stream of small
    // events rather than one burst a second.
    const perWindow = Math.max(1, Math.ceil((input.maxPerSecond * CAP_WINDOW_MS) / 1000));
    let windowStart = Date.now();
    let sentInWindow = 0;
    while (!signal?.aborted) {
      const roundStart = Date.now();
      const read = await kafkaCall(() =>
        ctx.cluster.readRecords(input.topic, positions, {
          maxRecords: TAIL_READ_RECORDS,
          maxWaitMs: TAIL_WAIT_MS,
          isolationLevel: input.isolationLevel,
        }),
      );
      for (const [p, offset] of read.next) positions.set(p, offset);
      const records = read.entries;
      if (records.length === 0) {
        // A round that found nothing to show waits its time out, even when the broker answered at once (with
        // only aborted records, or data past the last stable offset): never a busy loop against the cluster.
        try {
          await sleep(Math.max(0, TAIL_WAIT_MS - (Date.now() - roundStart)), undefined, { signal });
        } catch {
          return;
        }
        continue;
      }
      // The filters select records; transaction markers are not data and always pass.
      const matched = records.filter((e) => e.kind === 'marker' || keep(e)).sort(byTime);
      if (Date.now() - windowStart >= CAP_WINDOW_MS) {
        windowStart = Date.now();
        sentInWindow = 0;
      }
      const { kept, skipped } = sampleEvenly(matched, perWindow - sentInWindow);
      sentInWindow += kept.length;
      yield tracked(JSON.stringify(Object.fromEntries(positions)), {
        records: kept,
        skipped,
        filteredOut: records.length - matched.length,
      });
      // Over the cap for this window: rest until the next, rather than read what would only be skipped.
      if (sentInWindow >= perWindow) {
        try {
          await sleep(Math.max(0, CAP_WINDOW_MS - (Date.now() - windowStart)), undefined, { signal });
        } catch {
          return;
        }
      }
    }
  }),
} satisfies TRPCRouterRecord;
