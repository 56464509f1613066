/**
 * Control styles for the console's forms and dialogs, light and dark. Text on a filled button keeps a contrast
 * of at least 4.5:1 in both themes (WCAG AA; e2e/accessibility.spec.ts checks every page with axe-core).
 */
export const INPUT =
  'w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 placeholder:text-zinc-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:opacity-60 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400 dark:aria-invalid:border-red-400';
export const BUTTON =
  'rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800';
export const SMALL_BUTTON =
  'rounded-md border border-zinc-300 px-2 py-0.5 text-xs font-medium text-zinc-800 hover:bg-zinc-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800';
export const PRIMARY_BUTTON =
  'rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-50 dark:focus-visible:ring-offset-zinc-900';
export const DANGER_BUTTON =
  'rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-500 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-red-600 dark:hover:bg-red-500 dark:focus-visible:ring-offset-zinc-900';
export const LABEL_TEXT = 'text-sm font-medium';
/** A server's refusal or a failed check under a form. */
export const ERROR_TEXT = 'text-sm break-words text-red-700 dark:text-red-400';
export const SUCCESS_TEXT = 'text-sm text-emerald-800 empty:hidden dark:text-emerald-300';
export const HINT_TEXT = 'text-xs text-zinc-600 dark:text-zinc-400';
