import Link from 'next/link';
import { dataTableColumns } from '@sluice/ui';
import { formatCount } from '~/lib/format';
import { formatBytes } from '../../topics/_components/topic-format';
import { topicHref } from '../../topics/_components/topic-links';
import { eligibilityLabel, formatLastPassTime, formatRatio, type CleanerOverviewRow } from './cleaner-format';

export const cleanerRowId = (row: { topic: string; partition: number }) => `${row.topic}-${row.partition}`;

const column = dataTableColumns<CleanerOverviewRow>();

export const cleanerColumns = column.columns([
  column.accessor('topic', {
    header: 'Topic',
    sortFn: 'alphanumeric',
    cell: (info) => (
      <Link
        href={topicHref(info.getValue())}
        prefetch={false}
        className="font-medium text-sky-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300"
      >
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor('partition', {
    header: 'Partition',
    enableGlobalFilter: false,
    meta: { align: 'end', width: '6rem' },
  }),
  column.accessor('brokerId', {
    header: 'Broker',
    enableGlobalFilter: false,
    meta: { align: 'end', width: '5rem' },
  }),
  column.accessor('dirtyRatio', {
    header: 'Dirty ratio',
    cell: (info) =>
      `${formatRatio(info.getValue())} of ${formatRatio(info.row.original.minCleanableDirtyRatio)}`,
    enableGlobalFilter: false,
    meta: { align: 'end', width: '9rem' },
  }),
  column.accessor('cleanableBytes', {
    header: 'Cleanable',
    cell: (info) => formatBytes(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '7rem' },
  }),
  column.accessor((row) => row.lastPass?.startedAt ?? undefined, {
    id: 'lastPass',
    header: 'Last cleaning',
    sortUndefined: 'last',
    cell: (info) => formatLastPassTime(info.row.original),
    enableGlobalFilter: false,
    meta: { width: '8rem' },
  }),
  column.accessor('recordsRemoved', {
    header: 'Records removed',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '8rem' },
  }),
  column.accessor((row) => eligibilityLabel(row), {
    id: 'eligibility',
    header: 'Next cleaning',
    meta: { width: '9rem' },
  }),
  column.accessor((row) => row.uncleanableReason ?? '', {
    id: 'uncleanableReason',
    header: 'Uncleanable',
    cell: (info) => info.getValue() || '—',
  }),
]);
