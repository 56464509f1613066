import { SPARKLINE_HEIGHT, sparklinePaths } from './sparkline-path.ts';

export interface SparklineProps {
  /** Oldest first; null where the value is unknown (the line breaks there). */
  values: readonly (number | null)[];
  /** How many values the full width holds; a series still filling up grows from the right. */
  capacity: number;
  /**
   * The accessible name, saying what the line shows in words (e.g. "Bytes in per second over the last 60 s: now
   * 1.2 KiB/s, highest 4 KiB/s"): a sparkline has no axes, so the text carries the numbers.
   */
  label: string;
  /** Height in px; the width follows the container. */
  height?: number;
}

/**
 * A small line without axes for a live value, drawn as plain SVG stretched to its container: no measuring, so the
 * server renders it as the browser will. The stroke keeps its width however far it is stretched. Colours follow
 * the text colour, so light and dark themes come from the surrounding classes.
 */
export function Sparkline({ values, capacity, label, height = 48 }: SparklineProps) {
  const { line, area } = sparklinePaths(values, capacity);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${Math.max(1, capacity - 1)} ${SPARKLINE_HEIGHT}`}
      preserveAspectRatio="none"
      width="100%"
      height={height}
      className="block overflow-visible text-sky-700 dark:text-sky-400"
    >
      <line
        x1={0}
        x2={Math.max(1, capacity - 1)}
        y1={SPARKLINE_HEIGHT}
        y2={SPARKLINE_HEIGHT}
        className="stroke-zinc-200 dark:stroke-zinc-700"
        strokeWidth={1}
        vectorEffect="non-scaling-stroke"
      />
      <path d={area} fill="currentColor" fillOpacity={0.12} stroke="none" />
      <path
        d={line}
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
