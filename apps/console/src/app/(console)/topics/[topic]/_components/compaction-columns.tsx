import { dataTableColumns } from '@sluice/ui';
import { formatCount } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';
import {
  eligibilityLabel,
  formatLastPassTime,
  formatPassDuration,
  formatRatio,
  type CleanerStatusRow,
} from '../../../cleaner/_components/cleaner-format';
import { formatBytes } from '../../_components/topic-format';

export type CompactionRow = RouterOutputs['compaction']['topic']['partitions'][number] & {
  cleaner: CleanerStatusRow;
};

export const compactionRowId = (row: CompactionRow) => String(row.partition);

const column = dataTableColumns<CompactionRow>();

const UNCLEANABLE = 'font-semibold text-red-800 dark:text-red-300';

/** A compacted topic's partitions with a readable cleaner status, one row each. */
export const compactionColumns = column.columns([
  column.accessor('partition', { header: 'Partition', meta: { align: 'end', width: '6rem' } }),
  column.accessor((row) => row.cleaner.dirtyRatio, {
    id: 'dirtyRatio',
    header: 'Dirty ratio',
    cell: (info) => formatRatio(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '7rem' },
  }),
  column.accessor((row) => row.cleaner.cleanableBytes, {
    id: 'cleanableBytes',
    header: 'Cleanable',
    cell: (info) => formatBytes(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '7rem' },
  }),
  column.accessor((row) => row.cleaner.firstDirtyOffset, {
    id: 'firstDirtyOffset',
    header: 'First dirty offset',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '9rem' },
  }),
  column.accessor((row) => row.cleaner.lastPass?.startedAt ?? undefined, {
    id: 'lastPass',
    header: 'Last cleaning',
    sortUndefined: 'last',
    cell: (info) => formatLastPassTime(info.row.original.cleaner),
    enableGlobalFilter: false,
    meta: { width: '8rem' },
  }),
  column.accessor((row) => row.cleaner.lastPass?.durationMs ?? undefined, {
    id: 'duration',
    header: 'Took',
    sortUndefined: 'last',
    cell: (info) => formatPassDuration(info.row.original.cleaner),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '6rem' },
  }),
  column.accessor((row) => row.cleaner.bytesRemoved, {
    id: 'bytesRemoved',
    header: 'Bytes removed',
    cell: (info) => formatBytes(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '8rem' },
  }),
  column.accessor((row) => row.cleaner.recordsRemoved, {
    id: 'recordsRemoved',
    header: 'Records removed',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '8rem' },
  }),
  column.accessor((row) => eligibilityLabel(row.cleaner), {
    id: 'eligibility',
    header: 'Next cleaning',
    meta: { width: '9rem' },
  }),
  column.accessor((row) => row.cleaner.uncleanableReason ?? '', {
    id: 'uncleanableReason',
    header: 'Uncleanable',
    cell: (info) => (info.getValue() === '' ? '—' : <span className={UNCLEANABLE}>{info.getValue()}</span>),
  }),
]);
