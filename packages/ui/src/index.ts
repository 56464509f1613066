export { Card } from './card.tsx';
export { Metric } from './metric.tsx';
export { Stat, StatList } from './stat-list.tsx';
export { StatusIndicator, type StatusTone } from './status-indicator.tsx';
