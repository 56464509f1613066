'use client';

import { createContext, useContext } from 'react';
import { CLIENT_QUOTA_KEYS, type ClientQuotaKey } from '@sluice/validators';
import { dataTableColumns } from '@sluice/ui';
import type { RouterOutputs } from '~/trpc/outputs';
import { SMALL_BUTTON } from '../../../_components/form-styles';
import { formatByteRate, formatQuota, formatThrottle } from './format-quota';

export type QuotaRow = RouterOutputs['quotas']['list']['entries'][number];
type Usage = NonNullable<
  (RouterOutputs['quotas']['usage'] extends AsyncIterable<infer P> ? P : never)['usage']
>;
export type Observed = Usage['entities'][string];

/**
 * The live measures (null until the first arrives, or when the source cannot observe) and what a row's button
 * does (operators only). By context: the columns live at module scope, and rebuilding them would rebuild the
 * table every second.
 */
export const QuotaRowContext = createContext<{
  observable: boolean;
  usage: Usage | null;
  edit: ((key: string) => void) | null;
}>({ observable: false, usage: null, edit: null });

/** One direction's measure: the rate, and the throttle time under it. */
function ObservedCell({ row, direction }: { row: QuotaRow; direction: 'produce' | 'fetch' }) {
  const { observable, usage } = useContext(QuotaRowContext);
  if (!observable)
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="sr-only">not available from a remote cluster</span>
      </>
    );
  if (!usage) return <span className="text-zinc-600 dark:text-zinc-400">…</span>;
  const observed = usage.entities[row.key];
  if (!observed) return <span className="text-zinc-600 dark:text-zinc-400">no clients</span>;
  const rate = direction === 'produce' ? observed.produceByteRate : observed.fetchByteRate;
  const throttle = direction === 'produce' ? observed.produceThrottleTimeMs : observed.fetchThrottleTimeMs;
  return (
    <span className="flex flex-col tabular-nums">
      <span>{formatByteRate(rate)}</span>
      <span
        className={`text-xs ${throttle > 0 ? 'font-medium text-amber-800 dark:text-amber-300' : 'text-zinc-600 dark:text-zinc-400'}`}
      >
        {formatThrottle(throttle)}
      </span>
    </span>
  );
}

function EditButton({ row }: { row: QuotaRow }) {
  const { edit } = useContext(QuotaRowContext);
  if (!edit) return null;
  return (
    <button
      type="button"
      onClick={() => edit(row.key)}
      aria-label={`Edit ${row.label}`}
      className={SMALL_BUTTON}
    >
      Edit
    </button>
  );
}

const column = dataTableColumns<QuotaRow>();

/** The entity's quotas, one a line in Kafka's order; the filter box finds them by key. */
function QuotaList({ quotas }: { quotas: QuotaRow['quotas'] }) {
  const keys = CLIENT_QUOTA_KEYS.filter((key) => quotas[key] !== undefined);
  return (
    <ul className="flex flex-col gap-0.5 whitespace-normal">
      {keys.map((key: ClientQuotaKey) => (
        <li key={key} className="break-words">
          <span className="font-mono text-xs">{key}</span> {formatQuota(key, quotas[key]!)}
        </li>
      ))}
    </ul>
  );
}

export const quotaColumns = column.columns([
  column.accessor('label', {
    header: 'Entity',
    sortFn: 'alphanumeric',
    cell: (info) => (
      <span className="font-mono font-medium break-all whitespace-normal">{info.getValue()}</span>
    ),
  }),
  column.accessor((row) => CLIENT_QUOTA_KEYS.filter((key) => row.quotas[key] !== undefined).join(' '), {
    id: 'quotas',
    header: 'Quotas',
    enableSorting: false,
    cell: (info) => <QuotaList quotas={info.row.original.quotas} />,
    meta: { width: '22rem' },
  }),
  column.display({
    id: 'observedProduce',
    header: 'Produce (observed)',
    cell: (info) => <ObservedCell row={info.row.original} direction="produce" />,
    meta: { width: '10rem' },
  }),
  column.display({
    id: 'observedFetch',
    header: 'Fetch (observed)',
    cell: (info) => <ObservedCell row={info.row.original} direction="fetch" />,
    meta: { width: '10rem' },
  }),
  column.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <EditButton row={info.row.original} />,
    meta: { width: '5rem' },
  }),
]);
