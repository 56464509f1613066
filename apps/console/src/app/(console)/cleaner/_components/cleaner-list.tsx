'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Card, DataTable } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../_components/api-error';
import { topicHref } from '../../topics/_components/topic-links';
import { cleanerColumns, cleanerRowId } from './cleaner-columns';

const REFRESH_MS = 3_000;

/**
 * The compacted partitions of the cluster, each as the broker that reported it (its leader, or the console's own
 * broker), most in need of cleaning first (as the API orders them: uncleanable, then dirty ratio, then cleanable
 * bytes); uncleanable ones also above the table, with the reason; those whose status could not be read listed
 * with why.
 */
export function CleanerList() {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.compaction.cleaner.queryOptions(undefined, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );
  if (query.isError && !query.data) return <ApiError error={query.error} what="the log cleaner's status" />;
  const data = query.data;
  if (data?.unavailableReason)
    return (
      <p
        role="status"
        className="max-w-3xl rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
      >
        <span className="font-semibold">Log cleaner status unavailable.</span> {data.unavailableReason}. A
        topic&apos;s page still shows its cleanup configs and partition sizes.
      </p>
    );
  const uncleanable = data?.partitions.filter((p) => p.uncleanableReason !== null) ?? [];
  return (
    <div className="flex flex-col gap-4">
      {uncleanable.length > 0 && (
        <section
          role="alert"
          aria-label="Uncleanable partitions"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
        >
          <h2 className="font-semibold">
            {uncleanable.length} uncleanable partition{uncleanable.length === 1 ? '' : 's'}: the cleaner skips
            {uncleanable.length === 1 ? ' it' : ' them'} until the broker restarts
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {uncleanable.map((p) => (
              <li key={cleanerRowId(p)}>
                <Link href={topicHref(p.topic)} prefetch={false} className="font-medium underline">
                  {p.topic}-{p.partition}
                </Link>
                : {p.uncleanableReason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Card title="Compacted partitions">
        <div className="flex flex-col gap-3">
          {data && data.unread.length > 0 && (
            <section aria-label="Partitions without a cleaner status" className="text-sm">
              <h2 className="text-zinc-700 dark:text-zinc-300">
                {data.unread.length} more compacted partition{data.unread.length === 1 ? ' has' : 's have'} no
                cleaner status:
              </h2>
              <ul className="mt-1 list-disc pl-5 text-zinc-700 dark:text-zinc-300">
                {data.unread.map((p) => (
                  <li key={cleanerRowId(p)}>
                    <Link href={topicHref(p.topic)} prefetch={false} className="font-medium underline">
                      {p.topic}-{p.partition}
                    </Link>
                    : {p.reason}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <DataTable
            data={data?.partitions ?? []}
            columns={cleanerColumns}
            getRowId={cleanerRowId}
            label="Compacted partitions, most in need of cleaning first"
            filterLabel="Filter by topic"
            rowNoun={['partition', 'partitions']}
            scrollAreaClassName="max-h-[70vh]"
            emptyMessage={
              query.isPending ? 'Reading…' : 'No compacted partition with a readable cleaner status.'
            }
          />
        </div>
      </Card>
    </div>
  );
}
