import Link from 'next/link';
import { compareLagStatus, dataTableColumns, StatusBadge, type LagStatus } from '@sluice/ui';
import { formatCount, formatLagSeconds } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';

export type GroupRow = RouterOutputs['groups']['list'][number];

export function groupHref(groupId: string): string {
  return `/groups/${encodeURIComponent(groupId)}`;
}

/** A group's name as a link to its page, in the tables that list groups. */
export function GroupLink({ groupId }: { groupId: string }) {
  return (
    // No prefetch as rows scroll into view: with thousands of groups that is a request per row passing by.
    <Link
      href={groupHref(groupId)}
      prefetch={false}
      className="font-medium text-sky-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300"
    >
      {groupId}
    </Link>
  );
}

const column = dataTableColumns<GroupRow>();

export const groupColumns = column.columns([
  column.accessor('groupId', {
    header: 'Group',
    sortFn: 'alphanumeric',
    cell: (info) => <GroupLink groupId={info.getValue()} />,
  }),
  column.accessor('state', { header: 'State', sortFn: 'text', meta: { width: '11rem' } }),
  column.accessor('members', { header: 'Members', meta: { align: 'end', width: '7rem' } }),
  column.accessor('totalLag', {
    header: 'Total lag',
    cell: (info) => formatCount(info.getValue()),
    meta: { align: 'end', width: '9rem' },
  }),
  // Undefined sorts last either way: a group with nothing to measure is not the most (or least) behind.
  column.accessor((group) => group.maxLagSeconds ?? undefined, {
    id: 'maxLagSeconds',
    header: 'Max lag (time)',
    sortUndefined: 'last',
    cell: (info) => {
      const seconds = info.getValue();
      return seconds === undefined ? '—' : formatLagSeconds(seconds);
    },
    enableGlobalFilter: false,
    meta: { align: 'end', width: '10rem' },
  }),
  column.accessor('status', {
    header: 'Status',
    sortFn: (a, b, id) => compareLagStatus(a.getValue<LagStatus>(id), b.getValue<LagStatus>(id)),
    cell: (info) => <StatusBadge status={info.getValue()} />,
    meta: { width: '8rem' },
  }),
]);
