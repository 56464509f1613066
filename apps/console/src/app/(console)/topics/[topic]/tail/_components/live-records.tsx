'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef } from 'react';
import { KeyCell, TimestampText, ValueCell } from '../../messages/_components/record-columns';
import type { ConsoleEntry } from '../../messages/_components/record-detail';
import { formatBytes } from '../../../_components/topic-format';

/**
 * A record or transaction marker as the tail holds it: `seq` numbers arrivals, so a row keeps its identity as the
 * list moves.
 */
export interface LiveRecord {
  seq: number;
  record: ConsoleEntry;
}

/** One line per record, so every row is this tall and the window is arithmetic, never measured. */
const ROW_HEIGHT = 32;
const OVERSCAN = 10;
const COLUMNS = 'grid grid-cols-[4.5rem_6.5rem_17rem_10rem_minmax(0,1fr)_5.5rem] items-center gap-3 px-3';

/** A row's content depends only on its record: rows already on screen do not render again as others arrive. */
const LiveRow = memo(function LiveRow({
  item,
  selected,
  onSelect,
}: {
  item: LiveRecord;
  selected: boolean;
  onSelect: (item: LiveRecord) => void;
}) {
  const { record } = item;
  return (
    <>
      <span role="cell" className="text-right tabular-nums">
        {record.partition}
      </span>
      <span role="cell" className="text-right">
        {record.kind === 'record' ? (
          <button
            type="button"
            onClick={() => onSelect(item)}
            aria-label={`Record at partition ${record.partition}, offset ${record.offset}`}
            aria-pressed={selected}
            className={`rounded px-1 font-mono tabular-nums underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${selected ? 'bg-sky-700 text-white' : 'text-sky-800 dark:text-sky-300'}`}
          >
            {record.offset}
          </button>
        ) : (
          <span className="px-1 font-mono tabular-nums">{record.offset}</span>
        )}
      </span>
      <span role="cell" className="truncate">
        <TimestampText entry={record} />
      </span>
      <span role="cell" className="truncate">
        <KeyCell entry={record} width={60} />
      </span>
      <span role="cell" className="truncate">
        <ValueCell entry={record} />
      </span>
      <span role="cell" className="text-right tabular-nums">
        {record.kind === 'record' ? formatBytes(record.size) : '—'}
      </span>
    </>
  );
});

/**
 * The tail's records, newest first, rendering only the rows in view (TanStack Virtual). Scrolled away from the
 * top, the rows in view stay where they are as newer ones arrive above them; at the top, the newest show.
 */
export function LiveRecords({
  rows,
  selectedSeq,
  onSelect,
  emptyMessage,
}: {
  rows: LiveRecord[];
  selectedSeq: number | null;
  onSelect: (item: LiveRecord) => void;
  emptyMessage: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: { width: 0, height: 480 },
    // React 19 warns about flushSync inside a render; the frame of delay it saves is not visible here.
    useFlushSync: false,
  });

  // The scroll position as the last scroll event left it: reading scrollTop after each commit would make the
  // browser lay the page out on the spot, an extra layout every frame the list changes.
  const scrollTop = useRef(0);
  const newestSeq = useRef<number | null>(null);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    const newest = rows[0]?.seq ?? null;
    const previous = newestSeq.current;
    newestSeq.current = newest;
    if (!element || newest === null || previous === null || scrollTop.current === 0) return;
    const added = Math.min(newest - previous, rows.length);
    if (added > 0) element.scrollTop = scrollTop.current += added * ROW_HEIGHT;
  }, [rows]);

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      onScroll={(event) => {
        scrollTop.current = event.currentTarget.scrollTop;
      }}
      tabIndex={0}
      role="region"
      aria-label="Live records"
      className="h-[60vh] min-h-64 overflow-auto rounded-lg border border-zinc-200 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-zinc-800"
    >
      <div role="table" aria-label="Live records" aria-rowcount={rows.length + 1} className="min-w-[56rem]">
        <div
          role="rowgroup"
          className="sticky top-0 z-10 bg-zinc-100 font-semibold text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200"
        >
          <div role="row" aria-rowindex={1} className={`${COLUMNS} h-9`}>
            <span role="columnheader" className="text-right">
              Partition
            </span>
            <span role="columnheader" className="text-right">
              Offset
            </span>
            <span role="columnheader">Timestamp</span>
            <span role="columnheader">Key</span>
            <span role="columnheader">Value</span>
            <span role="columnheader" className="text-right">
              Size
            </span>
          </div>
        </div>
        {rows.length === 0 && (
          <div role="rowgroup">
            <div role="row">
              <span role="cell" className="block px-3 py-6 text-center text-zinc-600 dark:text-zinc-400">
                {emptyMessage}
              </span>
            </div>
          </div>
        )}
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((virtualRow) => {
            const item = rows[virtualRow.index]!;
            return (
              <div
                key={item.seq}
                role="row"
                aria-rowindex={virtualRow.index + 2}
                className={`${COLUMNS} absolute inset-x-0 top-0 border-t border-zinc-200 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-800/50`}
                style={{ height: ROW_HEIGHT, transform: `translateY(${virtualRow.start}px)` }}
              >
                <LiveRow item={item} selected={item.seq === selectedSeq} onSelect={onSelect} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
