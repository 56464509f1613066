'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card, DataTable, StatusBadge } from '@sluice/ui';
import { apiErrorCode, refreshEvery } from '~/lib/api-errors';
import {
  formatCount,
  formatDrainEstimate,
  formatDrainRates,
  formatLagSeconds,
  formatRecords,
  formatTime,
} from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../../_components/api-error';
import { useRoleAccess } from '../../../../_components/role-access';
import { DeleteGroup } from './delete-group';
import { LagHistory } from './lag-history';
import { Members } from './members';
import { partitionColumns, type PartitionRow } from './partition-columns';
import { ResetOffsets } from './reset-offsets';

const REFRESH_MS = 5_000;
const rowId = (p: PartitionRow) => `${p.topic}/${p.partition}`;

function Tile({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums">{children}</dd>
    </div>
  );
}

export function GroupDetail({ groupId }: { groupId: string }) {
  const trpc = useTRPC();
  // Operators and admins change the group; viewers are not offered what the server would refuse them.
  const access = useRoleAccess('operator');
  const detail = useQuery(
    trpc.groups.detail.queryOptions({ groupId }, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );

  if (detail.isPending) {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading the group…
      </p>
    );
  }
  if (detail.isError && !detail.data) {
    if (apiErrorCode(detail.error) === 'NOT_FOUND') {
      return (
        <div role="alert" className="max-w-2xl text-sm">
          <p className="font-semibold">The cluster does not know this group.</p>
          <p className="mt-1 text-zinc-700 dark:text-zinc-300">
            It may have been deleted, or its committed offsets expired with no members left.{' '}
            <Link href="/groups" className="font-medium text-sky-800 underline dark:text-sky-300">
              All consumer groups
            </Link>
          </p>
        </div>
      );
    }
    return <ApiError error={detail.error} what="the group" />;
  }

  const group = detail.data;
  const rates = formatDrainRates(group.drain);
  return (
    <div className="flex flex-col gap-6">
      <section aria-label="Summary">
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <Tile label="State">{group.state}</Tile>
          <Tile label="Status">
            <StatusBadge status={group.status} />
          </Tile>
          <Tile label="Total lag">{formatRecords(group.totalLag)}</Tile>
          <Tile label="Max lag (time)">
            {group.maxLagSeconds === null ? '—' : formatLagSeconds(group.maxLagSeconds)}
          </Tile>
          <Tile label="Drain estimate">
            {formatDrainEstimate(group.drain)}
            {rates && (
              <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">{rates}</span>
            )}
          </Tile>
          <Tile label="Members">{formatCount(group.members.length)}</Tile>
        </dl>
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          {group.protocolType || 'unknown'} protocol,{' '}
          {group.protocol ? `${group.protocol} assignor` : 'no assignor chosen'}
          {' · '}
          {detail.isError
            ? `refreshing failed (${detail.error.message}); showing the group as read at ${formatTime(group.readAt)}`
            : `read at ${formatTime(group.readAt)}, refreshed every ${REFRESH_MS / 1000} s`}
        </p>
      </section>

      <Card title="Members">
        <Members members={group.members} state={group.state} />
      </Card>

      <Card title="Partitions">
        <DataTable
          data={group.partitions}
          columns={partitionColumns}
          getRowId={rowId}
          label="Partitions"
          filterLabel="Filter partitions"
          rowNoun={['partition', 'partitions']}
          scrollAreaClassName="max-h-[60vh]"
          emptyMessage="The group has no partitions: no member subscribes to a topic and it has committed no offsets."
        />
      </Card>

      <LagHistory groupId={groupId} partitions={group.partitions} />

      {access.status === 'allowed' && (
        <>
          <Card title="Reset offsets">
            <ResetOffsets
              groupId={groupId}
              state={group.state}
              memberCount={group.members.length}
              topics={[...new Set(group.partitions.map((p) => p.topic))]}
            />
          </Card>
          <Card title="Delete group">
            <DeleteGroup groupId={groupId} />
          </Card>
        </>
      )}
    </div>
  );
}
