import { dataTableColumns } from '@sluice/ui';
import { formatCount } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';
import { formatBytes } from '../../_components/topic-format';
import { UnderReplicatedBadge } from '../../_components/under-replicated-badge';

export type PartitionRow = RouterOutputs['topics']['detail']['partitions'][number];

/** "broker 3: 1,234 behind", "broker 3: not in ISR" (when its lag is unknown, or it is down). */
export function describeLaggingReplica(replica: PartitionRow['laggingReplicas'][number]): string {
  if (replica.offsetLag !== null && replica.offsetLag > 0)
    return `broker ${replica.nodeId}: ${formatCount(replica.offsetLag)} behind`;
  return `broker ${replica.nodeId}: not in ISR${replica.brokerLive ? '' : ' (broker down)'}`;
}

/** In sync, or under-replicated (or offline) with the replicas that are behind, each named. */
function ReplicationCell({ partition }: { partition: PartitionRow }) {
  if (!partition.underReplicated && !partition.offline)
    return <span className="text-zinc-600 dark:text-zinc-400">in sync</span>;
  return (
    // The cell truncates by default; the replicas named here wrap instead, so none is cut off.
    <span className="flex flex-col items-start gap-0.5 whitespace-normal">
      {partition.offline ? (
        <span
          data-warning="offline"
          className="inline-flex items-center gap-1 rounded-md bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-900 ring-1 ring-red-600/40 ring-inset dark:bg-red-950 dark:text-red-300"
        >
          <span aria-hidden="true" className="text-[0.6rem]">
            ■
          </span>
          offline
        </span>
      ) : (
        <UnderReplicatedBadge count={1} label="under-replicated" />
      )}
      {partition.laggingReplicas.map((replica) => (
        <span key={replica.nodeId} className="text-xs">
          {describeLaggingReplica(replica)}
        </span>
      ))}
    </span>
  );
}

const column = dataTableColumns<PartitionRow>();
const brokers = (ids: number[]) => (ids.length === 0 ? 'none' : ids.join(', '));

export const partitionColumns = column.columns([
  column.accessor('partition', { header: 'Partition', meta: { align: 'end', width: '5.5rem' } }),
  column.accessor('leader', {
    header: 'Leader',
    // Kafka answers -1 when no replica leads: the partition is offline.
    cell: (info) => (info.getValue() < 0 ? 'none' : info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '4.5rem' },
  }),
  column.accessor('leaderEpoch', {
    header: 'Leader epoch',
    enableGlobalFilter: false,
    meta: { align: 'end', width: '5rem' },
  }),
  column.accessor((p) => brokers(p.replicas), {
    id: 'replicas',
    header: 'Replicas',
    sortFn: 'alphanumeric',
    enableGlobalFilter: false,
    meta: { width: '6.5rem' },
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
    meta: { width: '6rem' },
  }),
  column.accessor('logStartOffset', {
    header: 'Log start offset',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '6rem' },
  }),
  column.accessor('highWatermark', {
    header: 'High watermark',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '6rem' },
  }),
  // Below the high watermark while a transaction is open: read_committed consumers wait at the LSO.
  column.accessor('lastStableOffset', {
    header: 'LSO',
    cell: (info) => {
      const { lastStableOffset, highWatermark } = info.row.original;
      return (
        <span
          title={
            lastStableOffset < highWatermark
              ? `${formatCount(highWatermark - lastStableOffset)} offsets held back by an open transaction`
              : undefined
          }
          className={
            lastStableOffset < highWatermark ? 'font-semibold text-amber-800 dark:text-amber-300' : undefined
          }
        >
          {formatCount(lastStableOffset)}
        </span>
      );
    },
    enableGlobalFilter: false,
    meta: { align: 'end', width: '4.5rem' },
  }),
  column.accessor((p) => p.highWatermark - p.logStartOffset, {
    id: 'records',
    header: 'Records',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '5.5rem' },
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
    meta: { align: 'end', width: '5.5rem' },
  }),
  column.accessor((p) => (p.offline ? 2 : p.underReplicated ? 1 : 0), {
    id: 'underReplicated',
    header: 'Replication',
    cell: (info) => <ReplicationCell partition={info.row.original} />,
    enableGlobalFilter: false,
    meta: { width: '7.5rem' },
  }),
]);
