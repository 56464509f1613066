/** Controls of the record pages beyond the topic pages' shared ones (../../../_components/form-styles). */
export const SMALL_BUTTON =
  'rounded-md border border-zinc-300 px-2 py-0.5 text-xs font-medium text-zinc-800 hover:bg-zinc-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800';
export const LABEL = 'text-sm font-medium';
export const HINT = 'text-xs text-zinc-600 dark:text-zinc-400';
export const FIELD_ERROR = 'text-sm text-red-700 dark:text-red-400';
export const LINK =
  'font-medium text-sky-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300';
/** A null key or value in a row: not the text "null". */
export const NULL_TEXT = 'text-zinc-500 italic dark:text-zinc-400';
