const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2026-03-03 14:05:09" in the browser's time zone: a moment that may be days or years back (a user's creation,
 * an audit entry), to the second, in an order that sorts and reads the same in every locale.
 */
export function formatTimestamp(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}
