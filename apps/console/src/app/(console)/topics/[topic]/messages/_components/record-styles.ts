/** Styles of the record pages beyond the console's form controls (~/app/_components/form-styles). */
export const LINK =
  'font-medium text-sky-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300';
/** A null key or value in a row: not the text "null". */
export const NULL_TEXT = 'text-zinc-500 italic dark:text-zinc-400';
