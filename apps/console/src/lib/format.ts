const UNITS: [label: string, seconds: number][] = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/** "2 h 5 min 3 s": the two or three most significant units; an uptime needs no more precision than that. */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 1) return '0 s';
  let remaining = Math.floor(totalSeconds);
  const parts: string[] = [];
  for (const [label, seconds] of UNITS) {
    const count = Math.floor(remaining / seconds);
    remaining -= count * seconds;
    if (count > 0 || parts.length > 0) parts.push(`${count} ${label}`);
  }
  return parts.slice(0, 3).join(' ');
}

export function formatTime(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
