/**
 * A connector's or task's state as Kafka Connect names it (RUNNING, PAUSED, STOPPED, FAILED, UNASSIGNED,
 * RESTARTING), in words with a coloured dot; the colours keep AA contrast in both themes and never carry the
 * meaning alone.
 */
const TONES: Record<string, { dot: string; text: string }> = {
  RUNNING: { dot: 'bg-emerald-500', text: 'text-emerald-800 dark:text-emerald-300' },
  FAILED: { dot: 'bg-red-500', text: 'text-red-800 dark:text-red-300' },
  PAUSED: { dot: 'bg-amber-500', text: 'text-amber-800 dark:text-amber-300' },
  STOPPED: { dot: 'bg-amber-500', text: 'text-amber-800 dark:text-amber-300' },
  UNASSIGNED: { dot: 'bg-sky-500', text: 'text-sky-800 dark:text-sky-300' },
  RESTARTING: { dot: 'bg-sky-500', text: 'text-sky-800 dark:text-sky-300' },
};
const IDLE = { dot: 'bg-zinc-400', text: 'text-zinc-700 dark:text-zinc-300' };

export function ConnectorState({ state }: { state: string }) {
  const { dot, text } = TONES[state] ?? IDLE;
  return (
    <span data-state={state} className={`inline-flex items-center gap-1.5 text-sm font-medium ${text}`}>
      <span aria-hidden="true" className={`size-2.5 rounded-full ${dot}`} />
      {state}
    </span>
  );
}
