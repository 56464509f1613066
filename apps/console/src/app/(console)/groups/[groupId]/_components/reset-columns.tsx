import { dataTableColumns } from '@sluice/ui';
import { formatCount } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';

export type ResetRow = RouterOutputs['groups']['resetOffsets']['rows'][number];

/** "+3", "−5", "0": how far the committed offset moves; undefined when there is no committed offset to move. */
function offsetChange(row: ResetRow): number | undefined {
  return row.currentOffset === null ? undefined : row.newOffset - row.currentOffset;
}

const column = dataTableColumns<ResetRow>();

export const resetColumns = column.columns([
  column.accessor('topic', { header: 'Topic', sortFn: 'alphanumeric' }),
  column.accessor('partition', { header: 'Partition', meta: { align: 'end', width: '6rem' } }),
  column.accessor((row) => row.currentOffset ?? undefined, {
    id: 'currentOffset',
    header: 'Current offset',
    sortUndefined: 'last',
    cell: (info) => {
      const offset = info.getValue();
      return offset === undefined ? (
        <span title="The group has no commit for this partition">none</span>
      ) : (
        formatCount(offset)
      );
    },
    meta: { align: 'end', width: '8.5rem' },
  }),
  column.accessor('newOffset', {
    header: 'New offset',
    cell: (info) => <span className="font-semibold">{formatCount(info.getValue())}</span>,
    meta: { align: 'end', width: '8.5rem' },
  }),
  column.accessor((row) => offsetChange(row), {
    id: 'change',
    header: 'Change',
    sortUndefined: 'last',
    cell: (info) => {
      const change = info.getValue();
      if (change === undefined) return '—';
      return change > 0 ? `+${formatCount(change)}` : change < 0 ? `−${formatCount(-change)}` : '0';
    },
    enableGlobalFilter: false,
    meta: { align: 'end', width: '7rem' },
  }),
  column.accessor('logStartOffset', {
    header: 'Log start offset',
    cell: (info) => formatCount(info.getValue()),
    meta: { align: 'end', width: '8.5rem' },
  }),
  column.accessor('logEndOffset', {
    header: 'Log end offset',
    cell: (info) => formatCount(info.getValue()),
    meta: { align: 'end', width: '8.5rem' },
  }),
]);
