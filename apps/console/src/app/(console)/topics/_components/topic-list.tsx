'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { DataTable } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../_components/api-error';
import { topicColumns, type TopicRow } from './columns';

/** Records/s compares each listing with the one before, so the refresh interval is also the rate's window. */
const REFRESH_MS = 5_000;
const rowId = (topic: TopicRow) => topic.name;

export function TopicList() {
  const trpc = useTRPC();
  const topics = useQuery(
    trpc.topics.list.queryOptions(undefined, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );
  const [showInternal, setShowInternal] = useState(false);
  const internalId = useId();

  const all = topics.data;
  const internalCount = useMemo(() => all?.filter((t) => t.internal).length ?? 0, [all]);
  const shown = useMemo(
    () => (all === undefined || showInternal ? all : all.filter((t) => !t.internal)),
    [all, showInternal],
  );

  if (topics.isPending) {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading topics…
      </p>
    );
  }
  if (topics.isError && !topics.data) return <ApiError error={topics.error} what="the topics" />;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center gap-2 text-sm">
        <input
          id={internalId}
          type="checkbox"
          checked={showInternal}
          onChange={(event) => setShowInternal(event.target.checked)}
          className="size-4 rounded border-zinc-300 accent-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-zinc-600 dark:accent-sky-400"
        />
        <label htmlFor={internalId}>Show internal topics</label>
        <span className="text-zinc-600 dark:text-zinc-400">
          ({internalCount.toLocaleString('en-US')}, such as __consumer_offsets)
        </span>
      </div>
      <DataTable
        data={shown ?? []}
        columns={topicColumns}
        getRowId={rowId}
        label="Topics"
        filterLabel="Search topics"
        rowNoun={['topic', 'topics']}
        initialSorting={[{ id: 'name', desc: false }]}
        emptyMessage={
          internalCount > 0 && !showInternal ? (
            'No topics besides the internal ones.'
          ) : (
            <>
              No topics yet. Create one here, or with{' '}
              <code className="font-mono">sluice topics create --topic orders --partitions 3</code>.
            </>
          )
        }
      />
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {topics.isError
          ? `Refreshing failed (${topics.error.message}); showing the topics as of ${formatTime(new Date(topics.dataUpdatedAt))}.`
          : `As of ${formatTime(new Date(topics.dataUpdatedAt))}, refreshed every ${REFRESH_MS / 1000} s; records/s is the rate since the refresh before.`}
      </p>
    </div>
  );
}
