import { HealthCard } from './_components/health-card';
import { TicksCard } from './_components/ticks-card';

/**
 * No server-side prefetch here: every value on this page is live (uptime, ticks), so a snapshot taken while
 * rendering would be stale by hydration. The static shell renders at build time, the data arrives from the API.
 */
export default function HomePage() {
  return (
    <>
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-5xl items-baseline gap-3 px-6 py-4">
          <h1 className="text-xl font-bold tracking-tight">Sluice</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">console</p>
        </div>
      </header>
      <main className="mx-auto grid max-w-5xl gap-6 px-6 py-8 md:grid-cols-2">
        <HealthCard />
        <TicksCard />
      </main>
    </>
  );
}
