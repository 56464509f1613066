'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Card, TimeSeriesChart } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { formatCount, formatDateTime, formatRecords, formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../../_components/api-error';

/** The sampler writes a round every 30 s by default; polling twice as often shows a new round soon after. */
const REFRESH_MS = 15_000;
/** A chart spanning more than this labels its times with the date too. */
const DAY_MS = 86_400_000;
const WHOLE_GROUP = '';

interface TopicPartition {
  topic: string;
  partition: number;
}

const optionValue = ({ topic, partition }: TopicPartition) => JSON.stringify([topic, partition]);

/** The group's lag per sample round from the console's history, for the whole group or one partition. */
export function LagHistory({ groupId, partitions }: { groupId: string; partitions: TopicPartition[] }) {
  const trpc = useTRPC();
  const selectId = useId();
  const [selected, setSelected] = useState(WHOLE_GROUP);
  const target = selected === WHOLE_GROUP ? null : (JSON.parse(selected) as [string, number]);
  const history = useQuery(
    trpc.groups.lagHistory.queryOptions(
      target ? { groupId, topic: target[0], partition: target[1] } : { groupId },
      // The previous series stays on screen while another partition's loads, instead of an empty box.
      { refetchInterval: refreshEvery(REFRESH_MS), placeholderData: keepPreviousData },
    ),
  );
  // A partition chosen before it left the group (its topic deleted) stays choosable, so the choice holds.
  const options =
    target && !partitions.some((p) => optionValue(p) === selected)
      ? [...partitions, { topic: target[0], partition: target[1] }]
      : partitions;

  const points = (history.data?.points ?? []).map((p) => ({ at: p.at, value: p.lag }));
  const spansDays = points.length > 1 && points.at(-1)!.at.getTime() - points[0]!.at.getTime() > DAY_MS;
  const subject = target ? `${target[0]} partition ${target[1]}` : 'the whole group';

  return (
    <Card
      title="Lag history"
      aside={
        <div className="flex items-center gap-2 text-sm">
          <label htmlFor={selectId} className="text-zinc-600 dark:text-zinc-400">
            Show
          </label>
          <select
            id={selectId}
            value={selected}
            onChange={(event) => setSelected(event.target.value)}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          >
            <option value={WHOLE_GROUP}>Whole group</option>
            {options.map((p) => (
              <option key={optionValue(p)} value={optionValue(p)}>
                {p.topic} partition {p.partition}
              </option>
            ))}
          </select>
        </div>
      }
    >
      {history.isPending ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Loading the lag history…
        </p>
      ) : history.isError && !history.data ? (
        <ApiError error={history.error} what="the lag history" />
      ) : (
        <div aria-busy={history.isPlaceholderData} className={history.isPlaceholderData ? 'opacity-60' : ''}>
          <TimeSeriesChart
            points={points}
            label={`Lag of ${subject}`}
            valueLabel="Lag"
            formatValue={formatRecords}
            formatAxisValue={formatCount}
            formatTime={spansDays ? formatDateTime : formatTime}
            emptyMessage={`No samples of ${subject} yet: the console records every group's lag once a sample round (every 30 s by default) sees it.`}
          />
        </div>
      )}
    </Card>
  );
}
