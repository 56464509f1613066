import { dataTableColumns } from '@sluice/ui';
import { formatCount } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';
import { formatBytes } from '../../topics/_components/topic-format';
import { processParts } from './broker-format';

type Broker = RouterOutputs['brokers']['list']['brokers'][number];
type BrokerProcess = RouterOutputs['brokers']['drills']['processes'][number];
/** A broker with its process, when the console can see the processes (a cluster started by sluice cluster). */
export type BrokerRow = Broker & { process: BrokerProcess | null };

const column = dataTableColumns<BrokerRow>();
const MUTED = 'text-zinc-600 dark:text-zinc-400';

const BADGE =
  'inline-block rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset bg-sky-50 text-sky-900 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200';

/**
 * Cells cut their text short by default; the ones here hold a few short lines and wrap instead, breaking only
 * between whole phrases, so nothing is cut off at any column width.
 */
const WRAPPING = 'flex flex-col whitespace-normal';

function StateCell({ broker }: { broker: BrokerRow }) {
  const alive = broker.state === 'alive';
  const process = broker.process && processParts(broker.process);
  return (
    <span className={WRAPPING}>
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
      {process && (
        <span className={`text-xs ${MUTED}`}>
          <span className="whitespace-nowrap">process {process.state}</span>
          {process.detail && (
            <>
              {' '}
              <span className="whitespace-nowrap">({process.detail})</span>
            </>
          )}
        </span>
      )}
    </span>
  );
}

/** A count of partitions in trouble: marked with an icon and colour when above zero. */
const count = (value: number) =>
  value > 0 ? (
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
  column.accessor('nodeId', { header: 'Node id', meta: { align: 'end', width: '4rem' } }),
  column.accessor('state', {
    header: 'State',
    sortFn: 'text',
    cell: (info) => <StateCell broker={info.row.original} />,
    meta: { width: '11rem' },
  }),
  column.accessor((b) => (b.host === null ? '' : `${b.host}:${b.port}`), {
    id: 'address',
    header: 'Address and rack',
    sortFn: 'alphanumeric',
    cell: (info) => (
      <span className={WRAPPING}>
        <span className="break-all">{info.getValue() || <span className={MUTED}>unknown</span>}</span>
        <span className={`text-xs ${MUTED}`}>rack {info.row.original.rack ?? 'none'}</span>
      </span>
    ),
    meta: { width: '9.5rem' },
  }),
  column.accessor((b) => [b.controller ? 'controller' : '', b.quorumRole ?? ''].filter(Boolean).join(' '), {
    id: 'roles',
    header: 'Roles',
    sortFn: 'text',
    cell: (info) => {
      const { controller, quorumRole } = info.row.original;
      return (
        <span className="flex flex-wrap items-center gap-x-1.5 gap-y-1 whitespace-normal">
          {controller && <span className={BADGE}>controller</span>}
          {quorumRole && <span className={MUTED}>{quorumRole}</span>}
        </span>
      );
    },
    meta: { width: '6.5rem' },
  }),
  column.accessor('partitionsLed', {
    header: 'Leader of',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '4.5rem' },
  }),
  column.accessor('partitionsFollowed', {
    header: 'Follower of',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '5rem' },
  }),
  column.accessor('underReplicatedLed', {
    header: 'Under-replicated (led)',
    cell: (info) => count(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '6.5rem' },
  }),
  column.accessor('outOfIsr', {
    header: 'Outside the ISR',
    cell: (info) => count(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '5.5rem' },
  }),
  column.accessor((b) => b.logBytes ?? undefined, {
    id: 'logBytes',
    header: 'Disk use',
    sortUndefined: 'last',
    cell: (info) => {
      const bytes = info.getValue();
      const { logDirsError, volumeUsableBytes, volumeTotalBytes } = info.row.original;
      if (bytes === undefined) return <span title={logDirsError ?? undefined}>—</span>;
      return (
        <span className={`${WRAPPING} items-end`}>
          <span>{formatBytes(bytes)}</span>
          {volumeUsableBytes !== null && (
            <span className={`text-xs ${MUTED}`}>
              <span className="whitespace-nowrap">{formatBytes(volumeUsableBytes)} free</span>
              {volumeTotalBytes ? (
                <>
                  {' '}
                  <span className="whitespace-nowrap">of {formatBytes(volumeTotalBytes)}</span>
                </>
              ) : null}
            </span>
          )}
        </span>
      );
    },
    enableGlobalFilter: false,
    meta: { align: 'end' },
  }),
]);
