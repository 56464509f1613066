'use client';

import { useTable, type RowData, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useId, useRef, useState, type ReactNode } from 'react';
import { dataTableFeatures, type DataTableColumns } from './data-table-features.ts';

/** Rows rendered beyond the visible ones on each side, so a fast scroll does not show blank space. */
const OVERSCAN = 12;
/**
 * The viewport the first render assumes, before the browser can measure one (and on the server): enough rows
 * for a screenful, so the page does not paint an empty table first.
 */
const INITIAL_VIEWPORT_HEIGHT = 720;

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export interface DataTableProps<TData extends RowData> {
  data: TData[];
  /** From `dataTableColumns<TData>().columns([...])`, at module scope (a new array would rebuild the table). */
  columns: DataTableColumns<TData>;
  getRowId: (row: TData) => string;
  /** Names the table for assistive technology, e.g. "Consumer groups". */
  label: string;
  /** Labels the filter box, e.g. "Filter groups". */
  filterLabel: string;
  initialSorting?: SortingState;
  /** Shown instead of rows when there is no data at all (a filter that matches nothing says so itself). */
  emptyMessage: ReactNode;
  /** What one row is called in the row count: ["group", "groups"]. */
  rowNoun?: [singular: string, plural: string];
  /** Estimated height of a row in px; rows are measured once rendered. */
  rowHeight?: number;
  /** Tailwind classes bounding the scroll area; the table scrolls inside it, with its header kept in view. */
  scrollAreaClassName?: string;
}

/**
 * A sortable, filterable table that renders only the rows in view (TanStack Table for the row model, TanStack
 * Virtual for the window), so 10,000 rows scroll as smoothly as 10. Rows stay real table rows: spacer rows
 * above and below the window stand in for the ones not rendered, and aria-rowcount / aria-rowindex tell
 * assistive technology how many there are and where each rendered one sits.
 */
export function DataTable<TData extends RowData>({
  data,
  columns,
  getRowId,
  label,
  filterLabel,
  initialSorting = [],
  emptyMessage,
  rowNoun = ['row', 'rows'],
  rowHeight = 41,
  scrollAreaClassName = 'max-h-[70vh]',
}: DataTableProps<TData>) {
  const [filter, setFilter] = useState('');
  // Typing stays responsive while a large table refilters: React renders the input first, the rows after.
  const deferredFilter = useDeferredValue(filter);
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    state: { sorting, globalFilter: deferredFilter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    globalFilterFn: 'includesString',
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const { rows } = table.getRowModel();
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]!.id,
    overscan: OVERSCAN,
    initialRect: { width: 0, height: INITIAL_VIEWPORT_HEIGHT },
    // React 19 warns about flushSync inside a render; the frame of delay it saves is not visible here.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const spaceAbove = items[0]?.start ?? 0;
  const spaceBelow = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  const filterId = useId();
  const countId = useId();
  const leafColumns = table.getAllLeafColumns();
  const [singular, plural] = rowNoun;
  const noun = (n: number) => (n === 1 ? singular : plural);
  const count =
    rows.length === data.length
      ? `${data.length.toLocaleString('en-US')} ${noun(data.length)}`
      : `${rows.length.toLocaleString('en-US')} of ${data.length.toLocaleString('en-US')} ${noun(data.length)}`;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label htmlFor={filterId} className="sr-only">
          {filterLabel}
        </label>
        <input
          id={filterId}
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder={`${filterLabel}…`}
          aria-describedby={countId}
          autoComplete="off"
          spellCheck={false}
          className="w-full max-w-xs rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm text-zinc-900 placeholder:text-zinc-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400"
        />
        <p id={countId} role="status" className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
          {count}
        </p>
      </div>
      <div
        ref={scrollRef}
        // Keyboard users scroll the table with the arrow keys once it has focus.
        tabIndex={0}
        role="region"
        aria-label={label}
        className={`${scrollAreaClassName} overflow-auto rounded-lg border border-zinc-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-zinc-800`}
      >
        <table
          aria-label={label}
          aria-rowcount={rows.length + 1}
          className="w-full table-fixed border-collapse text-sm"
        >
          <colgroup>
            {leafColumns.map((column) => (
              <col key={column.id} style={{ width: column.columnDef.meta?.width }} />
            ))}
          </colgroup>
          <thead className="sticky top-0 z-10 bg-zinc-100 dark:bg-zinc-800">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const end = header.column.columnDef.meta?.align === 'end';
                  const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                      }
                      className={`px-3 py-2 align-middle font-semibold text-zinc-700 dark:text-zinc-200 ${end ? 'text-right' : 'text-left'}`}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className={`inline-flex items-center gap-1 rounded align-middle focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${end ? 'flex-row-reverse' : ''}`}
                        >
                          {content}
                          <span aria-hidden="true" className="w-3 text-xs text-zinc-500 dark:text-zinc-400">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                          </span>
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td
                  colSpan={leafColumns.length}
                  className="px-3 py-6 text-center text-zinc-600 dark:text-zinc-400"
                >
                  {data.length === 0 ? emptyMessage : `Nothing matches “${deferredFilter}”.`}
                </td>
              </tr>
            )}
            {spaceAbove > 0 && (
              <tr aria-hidden="true">
                <td colSpan={leafColumns.length} style={{ height: spaceAbove, padding: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <tr
                  key={row.id}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  aria-rowindex={item.index + 2}
                  className="border-t border-zinc-200 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-800/50"
                >
                  {row.getAllCells().map((cell) => (
                    <td
                      key={cell.id}
                      // Cells cut long text short; the whole of it shows on hover.
                      title={textOf(cell.getValue())}
                      className={`truncate px-3 py-2 ${cell.column.columnDef.meta?.align === 'end' ? 'text-right tabular-nums' : ''}`}
                    >
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
            {spaceBelow > 0 && (
              <tr aria-hidden="true">
                <td colSpan={leafColumns.length} style={{ height: spaceBelow, padding: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
