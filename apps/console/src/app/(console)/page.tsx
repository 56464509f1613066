import { HealthCard } from '../_components/health-card';
import { PageHeader } from '../_components/page-header';
import { TicksCard } from '../_components/ticks-card';
import { ClusterSummary } from './_overview/cluster-summary';
import { TrafficCard } from './_overview/traffic-card';

/**
 * No server-side prefetch here: every value on this page is live (traffic, uptime, ticks) or refreshed within
 * seconds, so a snapshot taken while rendering would be stale by hydration. The static shell renders at build
 * time, the data arrives from the API.
 */
export default function OverviewPage() {
  return (
    <>
      <PageHeader
        title="Sluice overview"
        description="The cluster at a glance and its live traffic; below, the health of this console's server."
      />
      <div className="flex max-w-6xl flex-col gap-6">
        <ClusterSummary />
        <TrafficCard />
        <div className="grid gap-6 md:grid-cols-2">
          <HealthCard />
          <TicksCard />
        </div>
      </div>
    </>
  );
}
