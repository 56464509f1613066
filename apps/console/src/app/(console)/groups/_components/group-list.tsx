'use client';

import { useQuery } from '@tanstack/react-query';
import { DataTable } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../_components/api-error';
import { groupColumns, type GroupRow } from './columns';

const REFRESH_MS = 5_000;
const rowId = (group: GroupRow) => group.groupId;

export function GroupList() {
  const trpc = useTRPC();
  const groups = useQuery(
    trpc.groups.list.queryOptions(undefined, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );

  if (groups.isPending) {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading consumer groups…
      </p>
    );
  }
  if (groups.isError && !groups.data) return <ApiError error={groups.error} what="the consumer groups" />;

  return (
    <div className="flex flex-col gap-3">
      <DataTable
        data={groups.data}
        columns={groupColumns}
        getRowId={rowId}
        label="Consumer groups"
        filterLabel="Filter groups"
        rowNoun={['group', 'groups']}
        initialSorting={[{ id: 'groupId', desc: false }]}
        emptyMessage={
          <>
            No consumer groups yet. A group appears once a consumer joins it or commits offsets, e.g.{' '}
            <code className="font-mono">kcat -b 127.0.0.1:9092 -G my-group my-topic</code>.
          </>
        }
      />
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {groups.isError
          ? `Refreshing failed (${groups.error.message}); showing the groups as of ${formatTime(new Date(groups.dataUpdatedAt))}.`
          : `As of ${formatTime(new Date(groups.dataUpdatedAt))}, refreshed every ${REFRESH_MS / 1000} s.`}
      </p>
    </div>
  );
}
