import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '../../../../../_components/page-header';
import { connectHref, decodeSegment } from '../../../_components/connect-links';
import { ConnectorDetail } from './_components/connector-detail';

interface ConnectorPageProps {
  params: Promise<{ cluster: string; connector: string }>;
}

export async function generateMetadata({ params }: ConnectorPageProps): Promise<Metadata> {
  const { connector } = await params;
  return { title: `${decodeSegment(connector)} · Connect · Sluice console` };
}

export default async function ConnectorPage({ params }: ConnectorPageProps) {
  const segments = await params;
  const cluster = decodeSegment(segments.cluster);
  const connector = decodeSegment(segments.connector);
  return (
    <>
      <PageHeader
        title={connector}
        above={
          <nav aria-label="Breadcrumb" className="mb-1 text-sm">
            <Link
              href={connectHref(cluster)}
              className="text-sky-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300"
            >
              Connect: {cluster}
            </Link>
          </nav>
        }
      />
      <ConnectorDetail cluster={cluster} connector={connector} />
    </>
  );
}
