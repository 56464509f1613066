'use client';

import { createContext, useContext } from 'react';
import { dataTableColumns } from '@sluice/ui';
import { formatCount, formatDuration } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';
import { SMALL_BUTTON } from '../../../_components/form-styles';
import { partitionText } from './columns';

export type HangingRow = RouterOutputs['transactions']['hanging']['transactions'][number];

export const hangingRowId = (h: HangingRow) => `${partitionText(h)}:${h.producerId}`;

/** What a row's Abort button does, as TransactionActionsContext for the open transactions. */
export const HangingActionsContext = createContext<{
  abort: ((hanging: HangingRow) => void) | null;
  refusal: string | null;
}>({ abort: null, refusal: null });

function AbortButton({ hanging }: { hanging: HangingRow }) {
  const { abort, refusal } = useContext(HangingActionsContext);
  return (
    <button
      type="button"
      onClick={() => abort?.(hanging)}
      disabled={!abort}
      title={refusal ?? undefined}
      aria-label={`Abort the hanging transaction of producer ${hanging.producerId} on ${partitionText(hanging)}`}
      className={SMALL_BUTTON}
    >
      Abort
    </button>
  );
}

const column = dataTableColumns<HangingRow>();

export const hangingColumns = column.columns([
  column.accessor((h) => partitionText(h), {
    id: 'partition',
    header: 'Partition',
    sortFn: 'alphanumeric',
    cell: (info) => <span className="font-mono break-all whitespace-normal">{info.getValue()}</span>,
  }),
  column.accessor((h) => `${h.producerId}/${h.producerEpoch}`, {
    id: 'producer',
    header: 'Producer id/epoch',
    sortFn: 'alphanumeric',
    cell: (info) => <span className="font-mono">{info.getValue()}</span>,
    meta: { width: '9rem' },
  }),
  column.accessor('startOffset', {
    header: 'Start offset',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '7rem' },
  }),
  column.accessor('lastTimestamp', {
    // Sorted by the last write: ascending puts the longest idle first.
    header: 'Idle for',
    cell: (info) => formatDuration((Date.now() - info.getValue()) / 1000, 2),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '8rem' },
  }),
  column.accessor((h) => h.coordinatorEpoch ?? undefined, {
    id: 'coordinatorEpoch',
    header: 'Coordinator epoch',
    sortUndefined: 'last',
    cell: (info) => info.getValue() ?? '—',
    enableGlobalFilter: false,
    meta: { align: 'end', width: '8.5rem' },
  }),
  column.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <AbortButton hanging={info.row.original} />,
    meta: { width: '5rem' },
  }),
]);
