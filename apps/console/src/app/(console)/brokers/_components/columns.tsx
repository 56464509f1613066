import { dataTableColumns } from '@sluice/ui';
import { formatCount } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';
import { formatBytes } from '../../topics/_components/topic-format';

type Broker = RouterOutputs['brokers']['list']['brokers'][number];
/** A broker with its process, when the console can see the processes (a cluster started by sluice cluster). */
export type BrokerRow = Broker & { process: string | null };

const column = dataTableColumns<BrokerRow>();
const MUTED = 'text-zinc-600 dark:text-zinc-400';

const BADGE =
  'mr-1 inline-block rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset bg-sky-50 text-sky-900 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200';

function StateCell({ broker }: { broker: BrokerRow }) {
  const alive = broker.state === 'alive';
  return (
    <span className="flex flex-col">
      <span
        data-state={alive ? 'alive' : 'down'}
        className={
          alive
            ? 'font-medium text-emerald-800 dark:text-emerald-300'
            : 'font-semibold text-red-800 dark:text-red-300'
        }
      >
        <span aria-hidden="true" className="mr-1 text-[0.6rem]">
          {alive ? '●' : '■'}
        </span>
        {broker.state}
      </span>
      {broker.process && <span className={`text-xs ${MUTED}`}>process {broker.process}</span>}
    </span>
  );
}

const count = (warn: boolean) => (value: number) =>
  value > 0 && warn ? (
    <span className="font-semibold text-amber-800 dark:text-amber-300">
      <span aria-hidden="true" className="mr-1 text-[0.6rem]">
        ▲
      </span>
      {formatCount(value)}
    </span>
  ) : (
    formatCount(value)
  );

export const brokerColumns = column.columns([
  column.accessor('nodeId', { header: 'Node id', meta: { align: 'end', width: '5.5rem' } }),
  column.accessor('state', {
    header: 'State',
    sortFn: 'text',
    cell: (info) => <StateCell broker={info.row.original} />,
    meta: { width: '13rem' },
  }),
  column.accessor((b) => (b.host === null ? '' : `${b.host}:${b.port}`), {
    id: 'address',
    header: 'Address',
    sortFn: 'alphanumeric',
    cell: (info) => info.getValue() || <span className={MUTED}>unknown</span>,
  }),
  column.accessor((b) => b.rack ?? '', {
    id: 'rack',
    header: 'Rack',
    sortFn: 'text',
    cell: (info) => info.getValue() || <span className={MUTED}>none</span>,
    meta: { width: '6rem' },
  }),
  column.accessor((b) => [b.controller ? 'controller' : '', b.quorumRole ?? ''].filter(Boolean).join(' '), {
    id: 'roles',
    header: 'Roles',
    sortFn: 'text',
    cell: (info) => {
      const { controller, quorumRole } = info.row.original;
      return (
        <>
          {controller && <span className={BADGE}>controller</span>}
          {quorumRole && <span className={MUTED}>{quorumRole}</span>}
        </>
      );
    },
    meta: { width: '10rem' },
  }),
  column.accessor('partitionsLed', {
    header: 'Leader of',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '6rem' },
  }),
  column.accessor('partitionsFollowed', {
    header: 'Follower of',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '6rem' },
  }),
  column.accessor('underReplicatedLed', {
    header: 'Under-replicated (led)',
    cell: (info) => count(true)(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '8rem' },
  }),
  column.accessor('outOfIsr', {
    header: 'Outside the ISR',
    cell: (info) => count(true)(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '7rem' },
  }),
  column.accessor((b) => b.logBytes ?? undefined, {
    id: 'logBytes',
    header: 'Log size',
    sortUndefined: 'last',
    cell: (info) => {
      const bytes = info.getValue();
      const { logDirsError } = info.row.original;
      return bytes === undefined ? <span title={logDirsError ?? undefined}>—</span> : formatBytes(bytes);
    },
    enableGlobalFilter: false,
    meta: { align: 'end', width: '6.5rem' },
  }),
  column.accessor((b) => b.volumeUsableBytes ?? undefined, {
    id: 'volumeUsableBytes',
    header: 'Disk free',
    sortUndefined: 'last',
    cell: (info) => {
      const usable = info.getValue();
      const total = info.row.original.volumeTotalBytes;
      if (usable === undefined) return '—';
      return total ? `${formatBytes(usable)} of ${formatBytes(total)}` : formatBytes(usable);
    },
    enableGlobalFilter: false,
    meta: { align: 'end', width: '10rem' },
  }),
]);
