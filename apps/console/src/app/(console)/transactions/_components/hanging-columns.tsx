'use client';

import { dataTableColumns } from '@sluice/ui';
import { formatCount, formatDuration } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';
import { AbortButton, type AbortTarget } from './abort-action';
import { partitionText } from './columns';

export type HangingRow = RouterOutputs['transactions']['hanging']['transactions'][number];

export const hangingRowId = (h: HangingRow) => `${partitionText(h)}:${h.producerId}`;

/** The abort of a hanging transaction: its producer's on the one partition. */
export const abortTargetOf = (h: HangingRow): AbortTarget => ({
  transactionalId: null,
  producerId: h.producerId,
  producerEpoch: h.producerEpoch,
  partitions: [{ topic: h.topic, partition: h.partition }],
});

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
    cell: (info) => (
      <AbortButton
        target={abortTargetOf(info.row.original)}
        label={`Abort the hanging transaction of producer ${info.row.original.producerId} on ${partitionText(info.row.original)}`}
      />
    ),
    meta: { width: '5rem' },
  }),
]);
