import type { RouterOutputs } from '../trpc/outputs.ts';

const UNITS: [label: string, seconds: number][] = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/**
 * A fixed locale for numbers: the server renders them too, and a different locale there than in the browser
 * would change the text under React's hydration.
 */
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const RATE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * "2 h 5 min 3 s": the `units` most significant units (three by default; an uptime needs no more precision than
 * that), counted from the largest one present.
 */
export function formatDuration(totalSeconds: number, units = 3): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 1) return '0 s';
  let remaining = Math.floor(totalSeconds);
  const parts: string[] = [];
  for (const [label, seconds] of UNITS) {
    const count = Math.floor(remaining / seconds);
    remaining -= count * seconds;
    if (count > 0 || parts.length > 0) parts.push(`${count} ${label}`);
  }
  return parts.slice(0, units).join(' ');
}

export function formatTime(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Records, offsets, counts: "1,234,567". */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** "1 record", "1,204 records". */
export function formatRecords(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'record' : 'records'}`;
}

/**
 * How far behind a consumer is in time (the age of its next unconsumed record): two units, since a lag of
 * hours is not read to the second; "under 1 s" rather than a misleading 0 when there is lag; "unknown" when
 * the record's timestamp could not be read (null).
 */
export function formatLagSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'unknown';
  if (seconds <= 0) return '0 s';
  if (seconds < 1) return 'under 1 s';
  return formatDuration(seconds, 2);
}

type DrainEstimate = RouterOutputs['groups']['detail']['drain'];

/** Rounds to the largest unit, rounding up under a minute so a small wait never reads as none. */
function approximately(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} s`;
  if (seconds < 3_600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.round(seconds / 3_600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}

/** When the lag will be worked off, in words: "drained", "about 3 min", "never at the current rates", "unknown". */
export function formatDrainEstimate(estimate: DrainEstimate): string {
  switch (estimate.state) {
    case 'drained':
      return 'drained';
    case 'draining':
      return `about ${approximately(estimate.seconds)}`;
    case 'never':
      return 'never at the current rates';
    case 'unknown':
      return 'unknown';
  }
}

/** "consuming 12.5 records/s, producing 10 records/s", or null when the estimate has no rates. */
export function formatDrainRates(estimate: DrainEstimate): string | null {
  if (estimate.state !== 'draining' && estimate.state !== 'never') return null;
  const rate = (perSecond: number) => `${RATE.format(Math.max(0, perSecond))} records/s`;
  return `consuming ${rate(estimate.consumePerSecond)}, producing ${rate(estimate.producePerSecond)}`;
}

/** A moment on a chart that spans days: "Mar 3, 14:05". */
export function formatDateTime(date: Date): string {
  return date.toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
