'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Card } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { formatTime } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../../_components/api-error';
import { epochLabels } from './epoch-labels';
import { INPUT } from '../../../../_components/form-styles';

type Timeline = RouterOutputs['isr']['timeline'];
type PartitionTimeline = Timeline['partitions'][number];
type PartitionEvent = PartitionTimeline['events'][number];
type ReplicaStatus = PartitionTimeline['lanes'][number]['spans'][number]['status'];

const REFRESH_MS = 5_000;

const STATUS_STYLE: Record<ReplicaStatus, string> = {
  leader: 'bg-sky-700 dark:bg-sky-500',
  'in-isr': 'bg-emerald-600 dark:bg-emerald-500',
  // Stripes, so out of the ISR reads without colour too.
  'out-of-isr': 'bg-[repeating-linear-gradient(45deg,#dc2626_0,#dc2626_4px,#fecaca_4px,#fecaca_8px)]',
  'not-replica': 'bg-transparent',
};

const STATUS_TEXT: Record<ReplicaStatus, string> = {
  leader: 'leader',
  'in-isr': 'in the ISR',
  'out-of-isr': 'out of the ISR',
  'not-replica': 'not a replica',
};

const list = (ids: number[]) => (ids.length === 0 ? 'none' : ids.join(', '));

export function describeEvent(event: PartitionEvent): string {
  switch (event.kind) {
    case 'first-seen':
      return `First seen: leader ${event.leader} (epoch ${event.leaderEpoch}), replicas ${list(event.replicas)}, ISR ${list(event.isr)}`;
    case 'isr-join':
      return `Replica ${event.replica} joined the ISR`;
    case 'isr-leave':
      return `Replica ${event.replica} left the ISR`;
    case 'replica-added':
      return `Replica ${event.replica} added to the replicas`;
    case 'replica-removed':
      return `Replica ${event.replica} removed from the replicas`;
    case 'leader-change':
      return event.to < 0
        ? `Leader ${event.from} lost leadership: no leader (epoch ${event.leaderEpoch})`
        : `Leader changed from ${event.from < 0 ? 'none' : event.from} to ${event.to} (epoch ${event.leaderEpoch})`;
    case 'leader-epoch':
      return `Leader epoch ${event.leaderEpoch}, leader ${event.leader} unchanged`;
    case 'replicas-reordered':
      return `Replicas reordered to ${list(event.replicas)} (preferred leader ${event.replicas[0] ?? 'none'})`;
    case 'topic-deleted':
      return 'Topic deleted';
  }
}

/**
 * The lanes' axis runs from the window's start, or from when the console first saw the partition when that is
 * later (a console started a minute ago has nothing to draw before), to now.
 */
function Lanes({
  timeline,
  since: windowStart,
  until,
}: {
  timeline: PartitionTimeline;
  since: number;
  until: number;
}) {
  const firstSeen = Math.min(...timeline.lanes.map((lane) => lane.spans[0]?.from ?? until));
  const since = Math.min(Math.max(windowStart, firstSeen), until - 1);
  const share = (time: number) => (time - since) / (until - since);
  const position = (time: number) => `${(share(time) * 100).toFixed(3)}%`;
  const width = (from: number, to: number) => `${(((to - from) / (until - since)) * 100).toFixed(3)}%`;
  const leaderChanges = timeline.events.filter(
    (e) => e.kind === 'leader-change' || e.kind === 'leader-epoch',
  );
  return (
    <div className="flex flex-col gap-1.5">
      {timeline.lanes.map((lane) => (
        <div key={lane.replica} className="flex items-center gap-2">
          <span className="w-20 shrink-0 text-xs font-medium tabular-nums">Broker {lane.replica}</span>
          <div
            role="img"
            aria-label={`Broker ${lane.replica}: ${lane.spans
              .map((s) => `${STATUS_TEXT[s.status]} from ${formatTime(new Date(s.from))}`)
              .join(', ')}`}
            className="relative h-4 flex-1 overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800"
          >
            {lane.spans.map((span) => (
              <div
                key={span.from}
                title={`${STATUS_TEXT[span.status]}, ${formatTime(new Date(span.from))}–${formatTime(new Date(span.to))}`}
                className={`absolute inset-y-0 ${STATUS_STYLE[span.status]}`}
                style={{ left: position(span.from), width: width(span.from, span.to) }}
              />
            ))}
            {leaderChanges.map((event) => (
              <div
                key={`${event.at}-${event.kind}`}
                className="absolute inset-y-0 w-0.5 bg-zinc-950 dark:bg-white"
                style={{ left: position(event.at) }}
              />
            ))}
          </div>
        </div>
      ))}
      {leaderChanges.length > 0 && (
        <div className="relative ml-22 h-5 text-[11px] text-zinc-600 dark:text-zinc-400" aria-hidden="true">
          {epochLabels(leaderChanges, share).map((label) => (
            <span
              key={label.at}
              className={`absolute whitespace-nowrap tabular-nums ${
                label.share > 0.9 ? '-translate-x-full' : label.share < 0.05 ? '' : '-translate-x-1/2'
              }`}
              style={{ left: position(label.at) }}
            >
              {label.text}
            </span>
          ))}
        </div>
      )}
      <div className="ml-22 flex justify-between text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        <span>
          {since > windowStart ? 'first sampled ' : ''}
          {formatTime(new Date(since))}
        </span>
        <span>now, {formatTime(new Date(until))}</span>
      </div>
    </div>
  );
}

function Legend() {
  return (
    <ul
      className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-700 dark:text-zinc-300"
      aria-label="Legend"
    >
      {(['leader', 'in-isr', 'out-of-isr'] as const).map((status) => (
        <li key={status} className="flex items-center gap-1.5">
          <span className={`inline-block h-3 w-5 rounded-sm ${STATUS_STYLE[status]}`} aria-hidden="true" />
          {STATUS_TEXT[status]}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span className="inline-block h-3 w-0.5 bg-zinc-950 dark:bg-white" aria-hidden="true" />
        leader change (with its leader epoch)
      </li>
    </ul>
  );
}

/**
 * The ISR timeline of a topic: per partition, each replica's lane over the last hour (leading, in the ISR, out
 * of it), leader changes with their epochs, and the same events as a list. Built from the console's own samples
 * of Metadata (every 5 s), so a change that came and went between two samples is not shown.
 */
export function IsrTimeline({ topic }: { topic: string }) {
  const trpc = useTRPC();
  const id = useId();
  const timeline = useQuery(
    trpc.isr.timeline.queryOptions(
      { topic, windowMinutes: 60 },
      { refetchInterval: refreshEvery(REFRESH_MS) },
    ),
  );
  const [chosen, setChosen] = useState<number | null>(null);

  let body;
  if (timeline.isPending) body = <p role="status">Loading the ISR timeline…</p>;
  else if (timeline.isError && !timeline.data)
    body = <ApiError error={timeline.error} what="the ISR timeline" />;
  else {
    const { partitions, since, until } = timeline.data;
    if (partitions.length === 0) {
      body = (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The console has not sampled this topic yet; its first sample comes within seconds.
        </p>
      );
    } else {
      // By default the partition with the most recent event, since that is what someone opening this looks for.
      const busiest = [...partitions].sort(
        (a, b) => (b.events.at(-1)?.at ?? 0) - (a.events.at(-1)?.at ?? 0),
      )[0]!;
      const shown = partitions.find((p) => p.partition === chosen) ?? busiest;
      body = (
        <div className="flex flex-col gap-4">
          <div className="flex flex-wrap items-end gap-4">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-partition`} className="text-sm font-medium">
                Partition
              </label>
              <select
                id={`${id}-partition`}
                value={String(shown.partition)}
                onChange={(event) => setChosen(Number(event.target.value))}
                className={`${INPUT} w-auto`}
              >
                {partitions.map((p) => (
                  <option key={p.partition} value={String(p.partition)}>
                    {p.partition} ({p.events.length} event{p.events.length === 1 ? '' : 's'})
                  </option>
                ))}
              </select>
            </div>
            <Legend />
          </div>
          <Lanes timeline={shown} since={since} until={until} />
          <div>
            <h3 id={`${id}-events`} className="mb-2 text-sm font-semibold">
              Events of partition {shown.partition} in the last hour
            </h3>
            {shown.events.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                No change in the last hour: leader {shown.current?.leader ?? 'none'} (epoch{' '}
                {shown.current?.leaderEpoch ?? '—'}), ISR {list(shown.current?.isr ?? [])}.
              </p>
            ) : (
              <ol
                aria-labelledby={`${id}-events`}
                className="flex max-h-72 flex-col gap-1 overflow-y-auto text-sm"
              >
                {[...shown.events].reverse().map((event, i) => (
                  <li key={`${event.at}-${i}`} className="flex gap-3">
                    <time
                      dateTime={new Date(event.at).toISOString()}
                      className="shrink-0 tabular-nums text-zinc-600 dark:text-zinc-400"
                    >
                      {formatTime(new Date(event.at))}
                    </time>
                    <span>{describeEvent(event)}</span>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
      );
    }
  }
  return <Card title="ISR timeline">{body}</Card>;
}
