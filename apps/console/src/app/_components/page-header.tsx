import type { ReactNode } from 'react';

/** A page's title (its one h1), what the page is about, and optionally what sits above the title or beside it. */
export function PageHeader({
  title,
  description,
  above,
  aside,
}: {
  title: ReactNode;
  description?: ReactNode;
  above?: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        {above}
        <h1 className="text-2xl font-bold tracking-tight break-words">{title}</h1>
        {description && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
      </div>
      {aside}
    </div>
  );
}
