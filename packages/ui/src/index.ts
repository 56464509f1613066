export { Card } from './card.tsx';
export { DataTable, type DataTableProps } from './data-table/data-table.tsx';
export {
  dataTableColumns,
  type DataTableColumnMeta,
  type DataTableColumns,
  type DataTableFeatures,
} from './data-table/data-table-features.ts';
export { Metric } from './metric.tsx';
export { Sparkline, type SparklineProps } from './sparkline.tsx';
export { Stat, StatList } from './stat-list.tsx';
export { compareLagStatus, LAG_STATUS_DESCRIPTIONS, StatusBadge, type LagStatus } from './status-badge.tsx';
export { StatusIndicator, type StatusTone } from './status-indicator.tsx';
export { TimeSeriesChart, type TimeSeriesChartProps, type TimeSeriesPoint } from './time-series-chart.tsx';
