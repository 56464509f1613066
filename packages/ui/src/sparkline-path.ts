/** The drawing box of a sparkline: x counts points (one unit each), y runs 0 (top) to 100 (baseline). */
export const SPARKLINE_HEIGHT = 100;
/** Room above the highest point and below the baseline, so a thick line is not cut at the box's edges. */
const TOP_MARGIN = 4;
const BOTTOM_MARGIN = 2;

export interface SparklinePaths {
  /** SVG path data of the line: one subpath per run of known values (a null breaks the line). */
  line: string;
  /** The area under each run, closed along the baseline. */
  area: string;
  /** The value the top of the box stands for: the highest known value, or 0 when there is none above 0. */
  top: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Paths for the last `capacity` values (oldest first) on a 0..capacity-1 by 0..100 box. The newest value sits at
 * the right edge, so a series still filling up grows from the right, as it will keep moving once full. Values
 * scale from 0 to the highest one; negative values are drawn at 0.
 */
export function sparklinePaths(values: readonly (number | null)[], capacity: number): SparklinePaths {
  const shown = values.slice(-capacity);
  const offset = capacity - shown.length;
  const top = Math.max(0, ...shown.filter((v): v is number => v !== null && Number.isFinite(v)));
  const span = SPARKLINE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN;
  const y = (value: number) =>
    round(SPARKLINE_HEIGHT - BOTTOM_MARGIN - (top > 0 ? (Math.max(0, value) / top) * span : 0));

  const runs: [x: number, y: number][][] = [];
  let run: [number, number][] | null = null;
  shown.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      run = null;
      return;
    }
    if (!run) runs.push((run = []));
    run.push([offset + index, y(value)]);
  });

  const line = runs
    .map((points) =>
      // A lone point still shows: a zero-length segment drawn with round caps is a dot.
      points.length === 1
        ? `M${points[0]![0]} ${points[0]![1]}h0`
        : points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px} ${py}`).join(''),
    )
    .join('');
  const area = runs
    .filter((points) => points.length > 1)
    .map(
      (points) =>
        `${points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px} ${py}`).join('')}` +
        `L${points.at(-1)![0]} ${SPARKLINE_HEIGHT}L${points[0]![0]} ${SPARKLINE_HEIGHT}Z`,
    )
    .join('');
  return { line, area, top };
}
