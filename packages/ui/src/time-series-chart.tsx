'use client';

import { useId, type ReactNode } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';

export interface TimeSeriesPoint {
  at: Date;
  value: number;
}

export interface TimeSeriesChartProps {
  /** Oldest first. */
  points: TimeSeriesPoint[];
  /** Names the chart, e.g. "Lag of orders-app"; also its accessible name. */
  label: string;
  /** What a value is, e.g. "Lag"; the tooltip and the summary use it. */
  valueLabel: string;
  /** For the tooltip and the summary, e.g. "1,204 records". */
  formatValue: (value: number) => string;
  /** For the value axis, where space is short, e.g. "1,204"; formatValue when not given. */
  formatAxisValue?: (value: number) => string;
  formatTime: (at: Date) => string;
  /** Shown instead of the chart when there are no points. */
  emptyMessage: ReactNode;
  height?: number;
  /**
   * "step" for a series recorded on change: each value holds until the next point, and the summary counts
   * points rather than samples. "linear" (the default) joins samples with straight lines.
   */
  interpolation?: 'linear' | 'step';
  /** A limit drawn as a dashed horizontal line and named in the summary, e.g. "retention.bytes". */
  limit?: { value: number; label: string } | undefined;
}

/**
 * One series over time as a line chart (Recharts). The chart sizes itself to its container in the browser;
 * the server renders the figure and its text summary, which is also what assistive technology reads first
 * (the chart itself can be explored with the arrow keys once focused, through Recharts' accessibility layer).
 * Colours come from CSS variables the wrapper sets per theme, so the chart follows light and dark.
 */
export function TimeSeriesChart({
  points,
  label,
  valueLabel,
  formatValue,
  formatAxisValue = formatValue,
  formatTime,
  emptyMessage,
  height = 240,
  interpolation = 'linear',
  limit,
}: TimeSeriesChartProps) {
  const summaryId = useId();
  if (points.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">{emptyMessage}</p>;
  }
  const data = points.map((p) => ({ t: p.at.getTime(), value: p.value }));
  const latest = points.at(-1)!;
  const highest = points.reduce((max, p) => (p.value > max.value ? p : max));
  const [one, many] = interpolation === 'step' ? ['point', 'points'] : ['sample', 'samples'];
  const summary =
    `${valueLabel} now ${formatValue(latest.value)} (at ${formatTime(latest.at)}), ` +
    `highest ${formatValue(highest.value)} (at ${formatTime(highest.at)}), ` +
    `${points.length} ${points.length === 1 ? one : many} since ${formatTime(points[0]!.at)}` +
    (limit ? `; ${limit.label} ${formatValue(limit.value)}` : '');

  return (
    <figure
      aria-label={label}
      className="flex flex-col gap-2 [--chart-grid:var(--color-zinc-200)] [--chart-limit:var(--color-amber-700)] [--chart-line:var(--color-sky-700)] [--chart-surface:var(--color-white)] [--chart-text:var(--color-zinc-600)] dark:[--chart-grid:var(--color-zinc-700)] dark:[--chart-limit:var(--color-amber-400)] dark:[--chart-line:var(--color-sky-400)] dark:[--chart-surface:var(--color-zinc-900)] dark:[--chart-text:var(--color-zinc-400)]"
    >
      <div style={{ height }} className="w-full">
        <LineChart
          responsive
          width="100%"
          height={height}
          data={data}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          title={label}
          desc={summary}
          aria-describedby={summaryId}
        >
          <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(t: number) => formatTime(new Date(t))}
            tick={{ fill: 'var(--chart-text)', fontSize: 12 }}
            stroke="var(--chart-grid)"
            minTickGap={48}
          />
          <YAxis
            allowDecimals={false}
            tickFormatter={(v: number) => formatAxisValue(v)}
            tick={{ fill: 'var(--chart-text)', fontSize: 12 }}
            stroke="var(--chart-grid)"
            width={72}
          />
          <Tooltip
            labelFormatter={(t) => formatTime(new Date(Number(t)))}
            formatter={(value) => [formatValue(Number(value)), valueLabel]}
            contentStyle={{
              background: 'var(--chart-surface)',
              borderColor: 'var(--chart-grid)',
              color: 'var(--chart-text)',
              borderRadius: 6,
            }}
          />
          {limit && (
            <ReferenceLine
              y={limit.value}
              stroke="var(--chart-limit)"
              strokeDasharray="6 4"
              strokeWidth={1.5}
              ifOverflow="extendDomain"
              label={{
                value: `${limit.label} ${formatAxisValue(limit.value)}`,
                position: 'insideTopRight',
                fill: 'var(--chart-limit)',
                fontSize: 12,
              }}
            />
          )}
          <Line
            type={interpolation === 'step' ? 'stepAfter' : 'linear'}
            dataKey="value"
            name={valueLabel}
            stroke="var(--chart-line)"
            strokeWidth={2}
            dot={points.length <= 60 ? { r: 2.5, fill: 'var(--chart-line)' } : false}
            isAnimationActive={false}
          />
        </LineChart>
      </div>
      <figcaption id={summaryId} className="text-sm text-zinc-600 dark:text-zinc-400">
        {summary}
      </figcaption>
    </figure>
  );
}
