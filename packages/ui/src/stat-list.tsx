import type { ReactNode } from 'react';

export function StatList({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">{children}</dl>;
}

/** One term/value row of a description list; assistive technology pairs each value with the term before it. */
export function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100">{children}</dd>
    </div>
  );
}
