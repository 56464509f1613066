'use client';

import { useQuery } from '@tanstack/react-query';
import { Card, DataTable } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { formatRecordTimestamp } from '~/lib/record-view';
import type { RouterOutputs } from '~/trpc/outputs';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../../_components/api-error';
import { formatBytes } from '../../_components/topic-format';
import { compactionColumns, compactionRowId, type CompactionRow } from './compaction-columns';
import { DirtyRatioBars } from './dirty-ratio-bars';
import { SizeHistory } from './size-history';

type CompactionData = RouterOutputs['compaction']['topic'];
type PartitionCompaction = CompactionData['partitions'][number];

const REFRESH_MS = 3_000;

function Configs({ configs }: { configs: CompactionData['configs'] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr_max-content_1fr]">
      {configs.map((c) => (
        <div key={c.name} className="contents">
          <dt className="font-mono text-zinc-600 dark:text-zinc-400">{c.name}</dt>
          <dd className="font-mono text-zinc-900 dark:text-zinc-100">{c.value ?? 'not described'}</dd>
        </div>
      ))}
    </dl>
  );
}

function Unavailable({ reason }: { reason: string }) {
  return (
    <p
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <span className="font-semibold">Log cleaner status unavailable.</span> {reason}. Sizes and configs below
      are what the cluster reports over the wire.
    </p>
  );
}

function describeRetention(p: PartitionCompaction): string {
  const r = p.retention;
  if (!r) return 'Not readable from a remote cluster';
  if (r.blocked)
    return 'Nothing yet: only the active segment is left, and it is never deleted until it rolls';
  const parts: string[] = [];
  if (r.deleteByTimeAt !== null)
    parts.push(
      r.deleteByTimeAt <= Date.now()
        ? 'by retention.ms at the next retention check'
        : `by retention.ms at ${formatRecordTimestamp(r.deleteByTimeAt)}`,
    );
  if (r.bytesUntilDeleteBySize !== null)
    parts.push(
      r.bytesUntilDeleteBySize === 0
        ? 'by retention.bytes at the next retention check'
        : `by retention.bytes after ${formatBytes(r.bytesUntilDeleteBySize)} more`,
    );
  if (parts.length === 0) return 'Never: retention.ms and retention.bytes are both -1';
  return `Segment at offset ${r.oldestSegmentBaseOffset} (${formatBytes(r.oldestSegmentBytes)}) ${parts.join(', or ')}`;
}

/** retention.bytes when it limits the size (not -1) and could be described, else null. */
function retentionBytesLimit(configs: CompactionData['configs']): number | null {
  const value = configs.find((c) => c.name === 'retention.bytes')?.value;
  const bytes = value === null || value === undefined ? NaN : Number(value);
  return Number.isFinite(bytes) && bytes >= 0 ? bytes : null;
}

function Retention({ data }: { data: CompactionData }) {
  return (
    <Card title="Retention">
      <div className="flex flex-col gap-4">
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Each partition&apos;s size on disk (DescribeLogDirs) over time, as the console recorded it, and when
          retention next deletes its oldest segment.
        </p>
        <SizeHistory
          topic={data.topic}
          partitions={data.partitions.map((p) => p.partition)}
          retentionBytes={retentionBytesLimit(data.configs)}
        />
        <ul aria-label="Retention per partition" className="flex flex-col gap-3">
          {data.partitions.map((p) => {
            const size = p.sizeBytes === null ? 'unknown' : formatBytes(p.sizeBytes);
            return (
              <li key={p.partition} className="grid gap-2 text-sm sm:grid-cols-[7rem_1fr] sm:items-center">
                <span className="text-zinc-700 dark:text-zinc-300">Partition {p.partition}</span>
                <span className="text-zinc-900 dark:text-zinc-100">
                  <span className="tabular-nums">{size}</span>. Next deletion: {describeRetention(p)}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </Card>
  );
}

/**
 * A topic's cleaning and retention, refreshed every few seconds: for a compacted topic the dirty ratio of each
 * partition against min.cleanable.dirty.ratio and the cleaner's passes; for a delete topic sizes and when
 * retention deletes next. Where the cleaner cannot be read (an Apache Kafka broker, a Sluice broker with its HTTP
 * listener off, a leader that does not answer) the page says so and why, and shows no number for it.
 */
export function TopicCompaction({ topic }: { topic: string }) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.compaction.topic.queryOptions({ topic }, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );
  if (query.isError && !query.data)
    return (
      <Card title="Compaction">
        <ApiError error={query.error} what="the topic's compaction status" />
      </Card>
    );
  const data = query.data;
  if (!data) return null;
  const rows = data.partitions.filter((p): p is CompactionRow => p.cleaner !== null);
  // When no partition was read, the topic's own reason says why, above; otherwise each unread one says its own.
  const unread = data.partitions.filter((p) => p.cleaner === null && data.cleanerUnavailableReason === null);
  return (
    <>
      {data.compacted ? (
        <Card title="Compaction">
          <div className="flex flex-col gap-4">
            {data.cleanerUnavailableReason !== null && <Unavailable reason={data.cleanerUnavailableReason} />}
            {rows.length > 0 && <DirtyRatioBars statuses={rows.map((r) => r.cleaner)} />}
            {unread.length > 0 && (
              <section aria-label="Partitions without a cleaner status" className="text-sm">
                <h3 className="text-zinc-700 dark:text-zinc-300">
                  No cleaner status for partition{unread.length === 1 ? '' : 's'}{' '}
                  {unread.map((p) => p.partition).join(', ')}:
                </h3>
                <ul className="mt-1 list-disc pl-5 text-zinc-700 dark:text-zinc-300">
                  {unread.map((p) => (
                    <li key={p.partition}>
                      Partition {p.partition}: {p.cleanerUnavailableReason}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {data.cleanerUnavailableReason === null && (
              <DataTable
                data={rows}
                columns={compactionColumns}
                getRowId={compactionRowId}
                label="Compaction per partition"
                filterLabel="Filter partitions"
                rowNoun={['partition', 'partitions']}
                scrollAreaClassName="max-h-[50vh]"
                emptyMessage="No partition's cleaner status could be read."
              />
            )}
            <Configs configs={data.configs} />
          </div>
        </Card>
      ) : null}
      {data.deletes ? <Retention data={data} /> : null}
      {!data.compacted && !data.deletes ? (
        <Card title="Cleaning and retention">
          <Configs configs={data.configs} />
        </Card>
      ) : null}
    </>
  );
}
