import type { ReactNode } from 'react';

/** One prominent number under its label, as a one-entry description list so the pair reads as one. */
export function Metric({ label, children }: { label: string; children: ReactNode }) {
  return (
    <dl>
      <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-5xl font-semibold tracking-tight text-zinc-900 tabular-nums dark:text-zinc-50">
        {children}
      </dd>
    </dl>
  );
}
