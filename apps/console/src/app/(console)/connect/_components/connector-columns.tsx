import Link from 'next/link';
import { dataTableColumns } from '@sluice/ui';
import type { RouterOutputs } from '~/trpc/outputs';
import { connectorHref } from './connect-links';
import { ConnectorState } from './connector-state';

export type ConnectorRow = RouterOutputs['connect']['overview']['connectors'][number] & { cluster: string };
export type WorkerRow = RouterOutputs['connect']['overview']['workers'][number];

export const connectorRowId = (c: ConnectorRow) => c.name;
export const workerRowId = (w: WorkerRow) => w.workerId;

/** "2 of 3 running, 1 failed". */
export function taskSummary(tasks: ConnectorRow['tasks']): string {
  if (tasks.total === 0) return 'none';
  const failed = tasks.failed > 0 ? `, ${tasks.failed} failed` : '';
  return `${tasks.running} of ${tasks.total} running${failed}`;
}

const connector = dataTableColumns<ConnectorRow>();

export const connectorColumns = connector.columns([
  connector.accessor('name', {
    header: 'Connector',
    sortFn: 'alphanumeric',
    cell: (info) => (
      <Link
        href={connectorHref(info.row.original.cluster, info.getValue())}
        className="font-medium break-all whitespace-normal text-sky-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300"
      >
        {info.getValue()}
      </Link>
    ),
  }),
  connector.accessor('state', {
    header: 'State',
    sortFn: 'text',
    cell: (info) => <ConnectorState state={info.getValue()} />,
    meta: { width: '9rem' },
  }),
  connector.accessor('type', { header: 'Type', sortFn: 'text', meta: { width: '6rem' } }),
  connector.accessor((c) => c.connectorClass ?? '', {
    id: 'class',
    header: 'Class',
    sortFn: 'alphanumeric',
    cell: (info) => (
      <span className="font-mono text-xs break-all whitespace-normal">{info.getValue() || '—'}</span>
    ),
  }),
  connector.accessor((c) => c.tasks.total, {
    id: 'tasks',
    header: 'Tasks',
    cell: (info) => taskSummary(info.row.original.tasks),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '12rem' },
  }),
  connector.accessor((c) => c.workerId ?? '', {
    id: 'worker',
    header: 'Worker',
    sortFn: 'alphanumeric',
    cell: (info) => <span className="font-mono text-xs">{info.getValue() || '—'}</span>,
    meta: { width: '11rem' },
  }),
]);

const worker = dataTableColumns<WorkerRow>();

export const workerColumns = worker.columns([
  worker.accessor('workerId', {
    header: 'Worker',
    sortFn: 'alphanumeric',
    cell: (info) => <span className="font-mono">{info.getValue()}</span>,
  }),
  worker.accessor((w) => w.connectors.length, {
    id: 'connectors',
    header: 'Connectors',
    cell: (info) => info.row.original.connectors.join(', ') || '—',
    enableGlobalFilter: false,
  }),
  worker.accessor((w) => w.tasks.length, {
    id: 'tasks',
    header: 'Tasks',
    cell: (info) => info.row.original.tasks.join(', ') || '—',
    enableGlobalFilter: false,
  }),
]);
