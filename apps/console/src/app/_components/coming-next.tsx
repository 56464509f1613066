import type { ReactNode } from 'react';
import { PageHeader } from './page-header';

/** A section that is planned but not built: says so plainly, with no made-up data standing in. */
export function ComingNext({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="max-w-2xl rounded-xl border border-dashed border-zinc-300 bg-white p-6 text-sm text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
        {children}
      </div>
    </>
  );
}
