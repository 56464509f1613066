import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { ConnectOverview } from './_components/connect-overview';

export const metadata: Metadata = { title: 'Connect · Sluice console' };

export default async function ConnectPage({ searchParams }: { searchParams: Promise<{ cluster?: string }> }) {
  const { cluster } = await searchParams;
  return (
    <>
      <PageHeader
        title="Connect"
        description="Kafka Connect clusters, through their REST API: the workers, each connector with its state and tasks, and new connectors from the installed plugins."
      />
      <ConnectOverview cluster={typeof cluster === 'string' ? cluster : undefined} />
    </>
  );
}
