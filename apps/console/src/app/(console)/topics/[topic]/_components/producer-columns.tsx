import { dataTableColumns } from '@sluice/ui';
import { formatCount } from '~/lib/format';
import { formatRecordTimestamp } from '~/lib/record-view';
import type { RouterOutputs } from '~/trpc/outputs';

export type ProducerRow = RouterOutputs['transactions']['producers'][number];

export const producerId = (p: ProducerRow) => String(p.producerId);

const column = dataTableColumns<ProducerRow>();

export const producerColumns = column.columns([
  column.accessor('producerId', { header: 'Producer id', meta: { align: 'end' } }),
  column.accessor('producerEpoch', { header: 'Epoch', meta: { align: 'end', width: '6rem' } }),
  column.accessor('lastSequence', { header: 'Last sequence', meta: { align: 'end', width: '8rem' } }),
  column.accessor('lastTimestamp', {
    header: 'Last write',
    cell: (info) => formatRecordTimestamp(info.getValue()),
    enableGlobalFilter: false,
  }),
  column.accessor((p) => p.coordinatorEpoch ?? undefined, {
    id: 'coordinatorEpoch',
    header: 'Coordinator epoch',
    sortUndefined: 'last',
    cell: (info) => info.getValue() ?? '—',
    enableGlobalFilter: false,
    meta: { align: 'end', width: '9rem' },
  }),
  column.accessor((p) => p.currentTransactionStartOffset ?? undefined, {
    id: 'currentTransactionStartOffset',
    header: 'Open transaction from',
    sortUndefined: 'last',
    cell: (info) => {
      const offset = info.getValue();
      return offset === undefined ? '—' : formatCount(offset);
    },
    enableGlobalFilter: false,
    meta: { align: 'end', width: '11rem' },
  }),
]);
