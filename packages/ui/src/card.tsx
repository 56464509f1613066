import { useId, type ReactNode } from 'react';

/** A titled region: the heading names the section, so screen readers can jump between cards by name. */
export function Card({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold text-zinc-900 dark:text-zinc-50">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
