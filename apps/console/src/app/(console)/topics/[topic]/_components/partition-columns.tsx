import { dataTableColumns } from '@sluice/ui';
import { formatCount } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';
import { formatBytes } from '../../_components/topic-format';
import { UnderReplicatedBadge } from '../../_components/under-replicated-badge';

export type PartitionRow = RouterOutputs['topics']['detail']['partitions'][number];

const column = dataTableColumns<PartitionRow>();
const brokers = (ids: number[]) => (ids.length === 0 ? 'none' : ids.join(', '));

export const partitionColumns = column.columns([
  column.accessor('partition', { header: 'Partition', meta: { align: 'end', width: '5.5rem' } }),
  column.accessor('leader', {
    header: 'Leader',
    // Kafka answers -1 when no replica leads: the partition is offline.
    cell: (info) => (info.getValue() < 0 ? 'none' : info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '5rem' },
  }),
  column.accessor('leaderEpoch', {
    header: 'Leader epoch',
    enableGlobalFilter: false,
    meta: { align: 'end', width: '5.5rem' },
  }),
  column.accessor((p) => brokers(p.replicas), {
    id: 'replicas',
    header: 'Replicas',
    sortFn: 'alphanumeric',
    enableGlobalFilter: false,
  }),
  column.accessor((p) => brokers(p.isr), {
    id: 'isr',
    header: 'ISR',
    sortFn: 'alphanumeric',
    cell: (info) => {
      const { offlineReplicas } = info.row.original;
      return offlineReplicas.length === 0
        ? info.getValue()
        : `${info.getValue()} (offline: ${offlineReplicas.join(', ')})`;
    },
    enableGlobalFilter: false,
  }),
  column.accessor('logStartOffset', {
    header: 'Log start offset',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '7rem' },
  }),
  column.accessor('highWatermark', {
    header: 'High watermark',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '7rem' },
  }),
  column.accessor((p) => p.highWatermark - p.logStartOffset, {
    id: 'records',
    header: 'Records',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '6rem' },
  }),
  column.accessor((p) => p.sizeBytes ?? undefined, {
    id: 'sizeBytes',
    header: 'Size',
    sortUndefined: 'last',
    cell: (info) => {
      const bytes = info.getValue();
      return bytes === undefined ? '—' : formatBytes(bytes);
    },
    enableGlobalFilter: false,
    meta: { align: 'end', width: '6rem' },
  }),
  column.accessor((p) => (p.underReplicated ? 1 : 0), {
    id: 'underReplicated',
    header: 'Replication',
    cell: (info) =>
      info.getValue() === 1 ? (
        <UnderReplicatedBadge count={1} label="under-replicated" />
      ) : (
        <span className="text-zinc-600 dark:text-zinc-400">in sync</span>
      ),
    enableGlobalFilter: false,
    meta: { width: '8rem' },
  }),
]);
