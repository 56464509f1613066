import { compareLagStatus, dataTableColumns, StatusBadge, type LagStatus } from '@sluice/ui';
import { formatCount, formatLagSeconds } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';

export type PartitionRow = RouterOutputs['groups']['detail']['partitions'][number];

const column = dataTableColumns<PartitionRow>();

export const partitionColumns = column.columns([
  column.accessor('topic', { header: 'Topic', sortFn: 'alphanumeric' }),
  column.accessor('partition', { header: 'Partition', meta: { align: 'end', width: '6rem' } }),
  // Undefined sorts last: a partition the group never committed has no offset to order by.
  column.accessor((p) => p.committedOffset ?? undefined, {
    id: 'committedOffset',
    header: 'Committed offset',
    sortUndefined: 'last',
    cell: (info) => {
      const offset = info.getValue();
      return offset === undefined ? (
        <span title="No commit yet: lag counts from the log start offset">none</span>
      ) : (
        formatCount(offset)
      );
    },
    meta: { align: 'end', width: '8.5rem' },
  }),
  column.accessor('logEndOffset', {
    header: 'Log end offset',
    cell: (info) => formatCount(info.getValue()),
    meta: { align: 'end', width: '8.5rem' },
  }),
  column.accessor('lag', {
    header: 'Lag',
    cell: (info) => formatCount(info.getValue()),
    meta: { align: 'end', width: '6rem' },
  }),
  column.accessor((p) => p.lagSeconds ?? undefined, {
    id: 'lagSeconds',
    header: 'Lag (time)',
    sortUndefined: 'last',
    cell: (info) => formatLagSeconds(info.getValue() ?? null),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '8rem' },
  }),
  column.accessor('status', {
    header: 'Status',
    sortFn: (a, b, id) => compareLagStatus(a.getValue<LagStatus>(id), b.getValue<LagStatus>(id)),
    cell: (info) => <StatusBadge status={info.getValue()} />,
    meta: { width: '7rem' },
  }),
  // The member's client id; its host and member id are in the tooltip and the Members list.
  column.accessor((p) => p.owner?.clientId ?? '', {
    id: 'owner',
    header: 'Owner',
    sortFn: 'text',
    cell: (info) => {
      const { owner } = info.row.original;
      return owner ? (
        <span title={`${owner.clientId} on ${owner.host} (member ${owner.memberId})`}>{owner.clientId}</span>
      ) : (
        <span className="text-zinc-500 dark:text-zinc-400">unassigned</span>
      );
    },
  }),
]);
