import { dataTableColumns } from '@sluice/ui';
import { formatTimestamp } from '~/lib/format-timestamp';
import type { RouterOutputs } from '~/trpc/outputs';

export type AuditEntry = RouterOutputs['audit']['list']['entries'][number];

/** The details on one line, for the collapsed cell, the tooltip and the filter box. */
function compactDetails(entry: AuditEntry): string {
  return entry.details === null ? '' : JSON.stringify(entry.details);
}

const column = dataTableColumns<AuditEntry>();

export const auditColumns = column.columns([
  column.accessor((entry) => entry.at.getTime(), {
    id: 'at',
    header: 'Time',
    sortFn: 'basic',
    cell: (info) => (
      <time dateTime={info.row.original.at.toISOString()}>{formatTimestamp(info.row.original.at)}</time>
    ),
    enableGlobalFilter: false,
    meta: { width: '11.5rem' },
  }),
  column.accessor('actor', { header: 'Actor', sortFn: 'alphanumeric', meta: { width: '10rem' } }),
  column.accessor('action', {
    header: 'Action',
    sortFn: 'text',
    cell: (info) => <span className="font-mono text-xs">{info.getValue()}</span>,
    meta: { width: '12rem' },
  }),
  column.accessor('target', { header: 'Target', sortFn: 'alphanumeric', meta: { width: '14rem' } }),
  // Text, never markup: React escapes it, whatever a user or topic name holds.
  column.accessor((entry) => compactDetails(entry), {
    id: 'details',
    header: 'Details',
    enableSorting: false,
    cell: (info) => {
      const { details } = info.row.original;
      if (details === null) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
      return (
        <details>
          <summary className="cursor-pointer truncate font-mono text-xs">{info.getValue()}</summary>
          <pre className="mt-1 max-h-80 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs break-all whitespace-pre-wrap dark:bg-zinc-800">
            {JSON.stringify(details, null, 2)}
          </pre>
        </details>
      );
    },
  }),
]);
