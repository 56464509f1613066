'use client';

import { createContext, useContext } from 'react';
import { dataTableColumns } from '@sluice/ui';
import { formatRecordTimestamp, previewBytes } from '~/lib/record-view';
import { formatBytes } from '../../../_components/topic-format';
import type { ConsoleRecord } from './record-detail';
import { NULL_TEXT } from './record-styles';

export const recordId = (record: { partition: number; offset: number }) =>
  `${record.partition}:${record.offset}`;

/**
 * Which record the detail panel shows, and how a row's button opens one. Passed by context, since the columns
 * live at module scope (a new column array would rebuild the table).
 */
export const RecordSelectionContext = createContext<{
  selectedId: string | null;
  select: (record: ConsoleRecord) => void;
}>({ selectedId: null, select: () => undefined });

function OpenRecordButton({ record }: { record: ConsoleRecord }) {
  const { selectedId, select } = useContext(RecordSelectionContext);
  const selected = selectedId === recordId(record);
  return (
    <button
      type="button"
      onClick={() => select(record)}
      aria-label={`Record at partition ${record.partition}, offset ${record.offset}`}
      aria-pressed={selected}
      className={`rounded px-1 font-mono tabular-nums underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${selected ? 'bg-sky-700 text-white' : 'text-sky-800 dark:text-sky-300'}`}
    >
      {record.offset}
    </button>
  );
}

/** "CreateTime" is the producer's clock, "LogAppendTime" the broker's (message.timestamp.type). */
export function TimestampText({ record }: { record: Pick<ConsoleRecord, 'timestamp' | 'timestampType'> }) {
  return (
    <span
      className="tabular-nums"
      title={record.timestamp >= 0 ? new Date(record.timestamp).toISOString() : undefined}
    >
      {formatRecordTimestamp(record.timestamp)}{' '}
      <span className="text-xs text-zinc-600 dark:text-zinc-400">{record.timestampType}</span>
    </span>
  );
}

/** A key's or value's one-line preview, null shown as such rather than as the text "null". */
export function PreviewText({ base64, text }: { base64: string | null; text: string }) {
  return base64 === null ? (
    <span className={NULL_TEXT}>null</span>
  ) : (
    <span className="font-mono text-xs">{text}</span>
  );
}

const column = dataTableColumns<ConsoleRecord>();

export const recordColumns = column.columns([
  column.accessor('partition', { header: 'Partition', meta: { align: 'end', width: '5.5rem' } }),
  column.accessor('offset', {
    header: 'Offset',
    cell: (info) => <OpenRecordButton record={info.row.original} />,
    meta: { align: 'end', width: '6rem' },
  }),
  column.accessor('timestamp', {
    header: 'Timestamp',
    cell: (info) => <TimestampText record={info.row.original} />,
    enableGlobalFilter: false,
    meta: { width: '17.5rem' },
  }),
  column.accessor((record) => previewBytes(record.key, 100) ?? '', {
    id: 'key',
    header: 'Key',
    sortFn: 'alphanumeric',
    cell: (info) => <PreviewText base64={info.row.original.key} text={info.getValue()} />,
    meta: { width: '9rem' },
  }),
  column.accessor((record) => previewBytes(record.value) ?? '', {
    id: 'value',
    header: 'Value',
    sortFn: 'alphanumeric',
    cell: (info) => <PreviewText base64={info.row.original.value} text={info.getValue()} />,
  }),
  column.accessor('size', {
    header: 'Size',
    cell: (info) => formatBytes(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '5.5rem' },
  }),
]);
