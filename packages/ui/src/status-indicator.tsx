import type { ReactNode } from 'react';

export type StatusTone = 'ok' | 'pending' | 'warning' | 'error' | 'idle';

/** Both themes meet WCAG AA contrast for the label text; the dot is decoration, the label carries the meaning. */
const TONES: Record<StatusTone, { dot: string; text: string }> = {
  ok: { dot: 'bg-emerald-500', text: 'text-emerald-800 dark:text-emerald-300' },
  pending: { dot: 'bg-sky-500 animate-pulse', text: 'text-sky-800 dark:text-sky-300' },
  warning: { dot: 'bg-amber-500', text: 'text-amber-800 dark:text-amber-300' },
  error: { dot: 'bg-red-500', text: 'text-red-800 dark:text-red-300' },
  idle: { dot: 'bg-zinc-400', text: 'text-zinc-700 dark:text-zinc-300' },
};

/**
 * A coloured dot and a text label in a polite live region: assistive technology announces a change of
 * state (connected, reconnecting, ...) without the user having to look, and colour is never the only cue.
 */
export function StatusIndicator({
  tone,
  label,
  children,
}: {
  tone: StatusTone;
  /** Names the region, e.g. "Connection"; the children say the current state. */
  label: string;
  children: ReactNode;
}) {
  const { dot, text } = TONES[tone];
  return (
    <span
      role="status"
      aria-label={label}
      data-tone={tone}
      className={`inline-flex items-center gap-2 text-sm font-medium ${text}`}
    >
      <span aria-hidden="true" className={`size-2.5 rounded-full ${dot}`} />
      {children}
    </span>
  );
}
