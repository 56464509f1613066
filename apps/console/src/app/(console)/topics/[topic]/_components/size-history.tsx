'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { TimeSeriesChart } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { formatDateTime, formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../../_components/api-error';
import { formatBytes } from '../../_components/topic-format';

/** The sampler records a round every 30 s by default; polling twice as often shows a change soon after. */
const REFRESH_MS = 15_000;
const DAY_MINUTES = 24 * 60;
const WINDOWS = [
  { minutes: 60, label: 'Last hour' },
  { minutes: DAY_MINUTES, label: 'Last day' },
  { minutes: 7 * DAY_MINUTES, label: 'Last 7 days' },
  { minutes: 30 * DAY_MINUTES, label: 'Last 30 days' },
] as const;
const WHOLE_TOPIC = '';

const selectClassName =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

/**
 * A topic's size on disk over time from the console's history (what the size sampler recorded), for the whole
 * topic or one partition, with retention.bytes drawn as a limit when set. retention.bytes bounds each partition,
 * so the whole topic's limit is it times the partition count.
 */
export function SizeHistory({
  topic,
  partitions,
  retentionBytes,
}: {
  topic: string;
  partitions: number[];
  /** Null when retention.bytes is -1 (no limit) or not described. */
  retentionBytes: number | null;
}) {
  const trpc = useTRPC();
  const windowId = useId();
  const subjectId = useId();
  const [windowMinutes, setWindowMinutes] = useState<number>(WINDOWS[0].minutes);
  const [selected, setSelected] = useState(WHOLE_TOPIC);
  const history = useQuery(
    trpc.compaction.sizeHistory.queryOptions(
      { topic, windowMinutes },
      // The previous window stays on screen while a longer one loads, instead of an empty box.
      { refetchInterval: refreshEvery(REFRESH_MS), placeholderData: keepPreviousData },
    ),
  );
  const partition = selected === WHOLE_TOPIC ? null : Number(selected);
  const data = history.data;
  const series =
    partition === null ? data?.total : data?.partitions.find((p) => p.partition === partition)?.points;
  const points = (series ?? []).map((p) => ({ at: new Date(p.at), value: p.sizeBytes }));
  const subject = partition === null ? topic : `${topic} partition ${partition}`;
  const limit =
    retentionBytes === null
      ? undefined
      : partition === null && partitions.length > 1
        ? {
            value: retentionBytes * partitions.length,
            label: `retention.bytes × ${partitions.length} partitions`,
          }
        : { value: retentionBytes, label: 'retention.bytes' };
  const windowLabel = WINDOWS.find((w) => w.minutes === windowMinutes)?.label.toLowerCase() ?? '';

  return (
    <section aria-labelledby={`${subjectId}-heading`} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${subjectId}-heading`} className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          Size over time
        </h3>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor={subjectId} className="text-zinc-600 dark:text-zinc-400">
            Show
          </label>
          <select
            id={subjectId}
            value={selected}
            onChange={(event) => setSelected(event.target.value)}
            className={selectClassName}
          >
            <option value={WHOLE_TOPIC}>Whole topic</option>
            {partitions.map((p) => (
              <option key={p} value={String(p)}>
                Partition {p}
              </option>
            ))}
          </select>
          <label htmlFor={windowId} className="text-zinc-600 dark:text-zinc-400">
            over the
          </label>
          <select
            id={windowId}
            value={windowMinutes}
            onChange={(event) => setWindowMinutes(Number(event.target.value))}
            className={selectClassName}
          >
            {WINDOWS.map((w) => (
              <option key={w.minutes} value={w.minutes}>
                {w.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {history.isPending ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Loading the size history…
        </p>
      ) : history.isError && !data ? (
        <ApiError error={history.error} what="the size history" />
      ) : (
        <div aria-busy={history.isPlaceholderData} className={history.isPlaceholderData ? 'opacity-60' : ''}>
          <TimeSeriesChart
            points={points}
            label={`Size of ${subject} over the ${windowLabel}`}
            valueLabel="Size"
            formatValue={formatBytes}
            formatTime={windowMinutes >= DAY_MINUTES ? formatDateTime : formatTime}
            interpolation="step"
            limit={limit}
            height={200}
            emptyMessage={`No size recorded for ${subject} in the ${windowLabel}: the console records every partition's size when a sample round (every 30 s by default) sees it change.`}
          />
          {data && data.bucketMs > 0 && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              One point per {Math.round(data.bucketMs / 60_000)} min at most: the last value of each.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
