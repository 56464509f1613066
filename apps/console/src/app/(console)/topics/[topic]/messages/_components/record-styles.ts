/** Styles of the record pages beyond the console's form controls (~/app/_components/form-styles). */
export const LINK =
  'font-medium text-sky-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300';
/** A null key or value in a row: not the text "null". */
export const NULL_TEXT = 'text-zinc-500 italic dark:text-zinc-400';
/** A transaction marker's badge: a control record, not data. Text says which; colour only underlines it. */
export const MARKER_BADGE = {
  COMMIT:
    'rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-semibold text-emerald-900 ring-1 ring-emerald-600/30 ring-inset dark:bg-emerald-950 dark:text-emerald-200',
  ABORT:
    'rounded bg-amber-50 px-1.5 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-600/30 ring-inset dark:bg-amber-950 dark:text-amber-200',
} as const;
