import { HealthCard } from '../_components/health-card';
import { PageHeader } from '../_components/page-header';
import { TicksCard } from '../_components/ticks-card';

/**
 * No server-side prefetch here: every value on this page is live (uptime, ticks), so a snapshot taken while
 * rendering would be stale by hydration. The static shell renders at build time, the data arrives from the API.
 */
export default function OverviewPage() {
  return (
    <>
      <PageHeader
        title="Sluice overview"
        description="The server's health and its live connection to this page."
      />
      <div className="grid max-w-5xl gap-6 md:grid-cols-2">
        <HealthCard />
        <TicksCard />
      </div>
    </>
  );
}
