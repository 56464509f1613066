/**
 * Traffic rates for the overview. The same fixed locale as ~/lib/format: the server renders these too, and a
 * different locale there than in the browser would change the text under React's hydration.
 */
const RATE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const UNITS = ['B/s', 'KiB/s', 'MiB/s', 'GiB/s', 'TiB/s'] as const;

/**
 * "0 B/s", "812 B/s", "1.5 KiB/s": binary units, as Kafka's byte quotas and segment sizes are set; "unknown" when
 * the cluster does not say (null). A negative rate (counters that restarted) reads as 0.
 */
export function formatByteRate(bytesPerSecond: number | null): string {
  if (bytesPerSecond === null || !Number.isFinite(bytesPerSecond)) return 'unknown';
  // Whole bytes first, so 1023.6 B/s reads as 1 KiB/s rather than 1,024 B/s.
  let value = Math.round(Math.max(0, bytesPerSecond));
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${RATE.format(value)} ${UNITS[unit]}`;
}
