import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  metaHelper,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  type ColumnHelper,
  type RowData,
} from '@tanstack/react-table';

export interface DataTableColumnMeta {
  /** Numbers align at the end, so their digits line up. */
  align?: 'start' | 'end';
  /** A CSS width for the column (the table lays out fixed, so rows keep their widths while scrolling). */
  width?: string;
}

/**
 * What every DataTable can do: sort, filter by one text box across its columns. Defined once at module scope:
 * TanStack Table needs the feature set stable for a table's lifetime, and column helpers are typed against it.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, basic: sortFn_basic },
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { includesString: filterFn_includesString },
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

/** A DataTable's columns, as `dataTableColumns<TData>().columns([...])` returns them (each keeps its value type). */
export type DataTableColumns<TData extends RowData> = ReturnType<
  ColumnHelper<DataTableFeatures, TData>['columns']
>;

/** The column helper for a DataTable of `TData` rows: use it in a page's `columns.tsx`. */
export function dataTableColumns<TData extends RowData>(): ColumnHelper<DataTableFeatures, TData> {
  return createColumnHelper<DataTableFeatures, TData>();
}
