'use client';

import { createContext, useContext } from 'react';
import { dataTableColumns } from '@sluice/ui';
import { formatRecordTimestamp, previewBytes } from '~/lib/record-view';
import { formatBytes } from '../../../_components/topic-format';
import type { ConsoleEntry, ConsoleMarker, ConsoleRecord } from './record-detail';
import { MARKER_BADGE, NULL_TEXT } from './record-styles';

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

/**
 * "CreateTime" is the producer's clock, "LogAppendTime" the broker's (message.timestamp.type); a marker's time
 * is when its transaction ended.
 */
export function TimestampText({ entry }: { entry: ConsoleEntry }) {
  return (
    <span
      className="tabular-nums"
      title={entry.timestamp >= 0 ? new Date(entry.timestamp).toISOString() : undefined}
    >
      {formatRecordTimestamp(entry.timestamp)}{' '}
      <span className="text-xs text-zinc-600 dark:text-zinc-400">
        {entry.kind === 'record' ? entry.timestampType : 'marker'}
      </span>
    </span>
  );
}

/** "COMMIT marker" or "ABORT marker": a transaction's end on this partition, never shown as a key or value. */
export function MarkerBadge({ marker }: { marker: ConsoleMarker }) {
  return <span className={MARKER_BADGE[marker.marker]}>{marker.marker} marker</span>;
}

/** Whose transaction a marker ends. */
export const markerText = (marker: ConsoleMarker) =>
  `producer ${marker.producerId} (epoch ${marker.producerEpoch})`;

/** What a key or value column shows of an entry: the bytes of a record, the marker's words for a marker. */
export function KeyCell({ entry, width }: { entry: ConsoleEntry; width?: number }) {
  if (entry.kind === 'marker') return <MarkerBadge marker={entry} />;
  return <PreviewText base64={entry.key} text={previewBytes(entry.key, width) ?? ''} />;
}

export function ValueCell({ entry }: { entry: ConsoleEntry }) {
  if (entry.kind === 'marker')
    return (
      <span
        className="text-xs text-zinc-600 italic dark:text-zinc-400"
        title={`written by the transaction coordinator of epoch ${entry.coordinatorEpoch}`}
      >
        {markerText(entry)}
      </span>
    );
  return <PreviewText base64={entry.value} text={previewBytes(entry.value) ?? ''} />;
}

/** A key's or value's one-line preview, null shown as such rather than as the text "null". */
export function PreviewText({ base64, text }: { base64: string | null; text: string }) {
  return base64 === null ? (
    <span className={NULL_TEXT}>null</span>
  ) : (
    <span className="font-mono text-xs">{text}</span>
  );
}

const column = dataTableColumns<ConsoleEntry>();

export const recordColumns = column.columns([
  column.accessor('partition', { header: 'Partition', meta: { align: 'end', width: '5.5rem' } }),
  column.accessor('offset', {
    header: 'Offset',
    cell: (info) => {
      const entry = info.row.original;
      return entry.kind === 'record' ? (
        <OpenRecordButton record={entry} />
      ) : (
        <span className="px-1 font-mono tabular-nums">{entry.offset}</span>
      );
    },
    meta: { align: 'end', width: '6rem' },
  }),
  column.accessor('timestamp', {
    header: 'Timestamp',
    cell: (info) => <TimestampText entry={info.row.original} />,
    enableGlobalFilter: false,
    meta: { width: '17.5rem' },
  }),
  column.accessor(
    (entry) => (entry.kind === 'record' ? (previewBytes(entry.key, 100) ?? '') : `${entry.marker} marker`),
    {
      id: 'key',
      header: 'Key',
      sortFn: 'alphanumeric',
      cell: (info) => <KeyCell entry={info.row.original} width={100} />,
      meta: { width: '9rem' },
    },
  ),
  column.accessor(
    (entry) => (entry.kind === 'record' ? (previewBytes(entry.value) ?? '') : markerText(entry)),
    {
      id: 'value',
      header: 'Value',
      sortFn: 'alphanumeric',
      cell: (info) => <ValueCell entry={info.row.original} />,
    },
  ),
  column.accessor((entry) => (entry.kind === 'record' ? entry.size : undefined), {
    id: 'size',
    header: 'Size',
    sortUndefined: 'last',
    cell: (info) => {
      const size = info.getValue();
      return size === undefined ? '—' : formatBytes(size);
    },
    enableGlobalFilter: false,
    meta: { align: 'end', width: '5.5rem' },
  }),
]);
