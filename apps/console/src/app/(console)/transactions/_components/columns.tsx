'use client';

import { dataTableColumns } from '@sluice/ui';
import { formatDuration } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';
import { AbortButton } from './abort-action';

export type TransactionRow = RouterOutputs['transactions']['list']['transactions'][number];

export const transactionRowId = (t: TransactionRow) => t.transactionalId;

export const partitionText = (p: { topic: string; partition: number }) => `${p.topic}-${p.partition}`;

/** Hanging said in words first; colour only underlines it. */
function AgeCell({ transaction }: { transaction: TransactionRow }) {
  if (transaction.ageMs === null) return <>—</>;
  const age = formatDuration(transaction.ageMs / 1000, 2);
  if (!transaction.hanging) return <>{age}</>;
  return (
    <span
      className="flex flex-wrap items-center justify-end gap-1.5"
      title={transaction.hangingReason ?? undefined}
    >
      {age}
      <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-semibold text-red-900 ring-1 ring-red-600/30 ring-inset dark:bg-red-950 dark:text-red-200">
        Hanging
      </span>
    </span>
  );
}

const column = dataTableColumns<TransactionRow>();

export const transactionColumns = column.columns([
  column.accessor('transactionalId', {
    header: 'Transactional id',
    sortFn: 'alphanumeric',
    cell: (info) => <span className="font-mono break-all whitespace-normal">{info.getValue()}</span>,
  }),
  column.accessor((t) => `${t.producerId}/${t.producerEpoch}`, {
    id: 'producer',
    header: 'Producer id/epoch',
    sortFn: 'alphanumeric',
    cell: (info) => <span className="font-mono">{info.getValue()}</span>,
    meta: { width: '7rem' },
  }),
  column.accessor((t) => t.partitions.map(partitionText).join(', '), {
    id: 'partitions',
    header: 'Partitions',
    sortFn: 'alphanumeric',
    cell: (info) => <span className="font-mono break-all whitespace-normal">{info.getValue() || '—'}</span>,
  }),
  column.accessor('state', { header: 'State', sortFn: 'text', meta: { width: '7.5rem' } }),
  column.accessor((t) => t.ageMs ?? undefined, {
    id: 'age',
    header: 'Age',
    sortUndefined: 'last',
    cell: (info) => <AgeCell transaction={info.row.original} />,
    enableGlobalFilter: false,
    meta: { align: 'end', width: '7.5rem' },
  }),
  column.accessor('transactionTimeoutMs', {
    header: 'Timeout',
    cell: (info) => formatDuration(info.getValue() / 1000, 2),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '6.5rem' },
  }),
  column.accessor('coordinatorId', {
    header: 'Coordinator',
    enableGlobalFilter: false,
    meta: { align: 'end', width: '7rem' },
  }),
  column.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => (
      <AbortButton
        target={info.row.original}
        label={`Abort transaction ${info.row.original.transactionalId}`}
      />
    ),
    meta: { width: '5rem' },
  }),
]);
