/**
 * Sizes and rates for the topic pages. The same fixed locale as ~/lib/format: the server renders these too, and
 * a different locale there than in the browser would change the text under React's hydration.
 */
const BYTES = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const RATE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** "0 B", "1,023 B", "1.5 KiB", "12.3 GiB": binary units, as log segment sizes are configured. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? BYTES.format(Math.round(value)) : BYTES.format(value)} ${BYTE_UNITS[unit]}`;
}

/**
 * Records a second as a bare number for a "Records/s" column: "12.5", "0", "under 0.1" rather than a misleading
 * 0 while records still arrive; "—" before a second reading exists (null).
 */
export function formatRecordRate(perSecond: number | null): string {
  if (perSecond === null || !Number.isFinite(perSecond)) return '—';
  if (perSecond <= 0) return '0';
  if (perSecond < 0.05) return 'under 0.1';
  return RATE.format(perSecond);
}
