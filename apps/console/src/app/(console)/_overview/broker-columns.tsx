import { dataTableColumns } from '@sluice/ui';
import type { RouterOutputs } from '~/trpc/outputs';

export type BrokerRow = RouterOutputs['cluster']['overview']['brokers'][number] & { controller: boolean };

const column = dataTableColumns<BrokerRow>();

export const brokerColumns = column.columns([
  column.accessor('nodeId', { header: 'Node id', meta: { align: 'end', width: '7rem' } }),
  column.accessor('host', { header: 'Host', sortFn: 'alphanumeric' }),
  column.accessor('port', { header: 'Port', meta: { align: 'end', width: '6rem' } }),
  column.accessor((broker) => broker.rack ?? '', {
    id: 'rack',
    header: 'Rack',
    sortFn: 'text',
    cell: (info) => info.getValue() || <span className="text-zinc-500 dark:text-zinc-400">none</span>,
  }),
  column.accessor((broker) => (broker.controller ? 'controller' : ''), {
    id: 'role',
    header: 'Role',
    sortFn: 'text',
    cell: (info) =>
      info.getValue() && (
        <span className="rounded bg-sky-50 px-1.5 py-0.5 text-xs font-semibold text-sky-900 ring-1 ring-sky-600/30 ring-inset dark:bg-sky-950 dark:text-sky-200">
          controller
        </span>
      ),
    meta: { width: '9rem' },
  }),
]);
