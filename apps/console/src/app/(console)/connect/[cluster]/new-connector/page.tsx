import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '../../../../_components/page-header';
import { connectHref, decodeSegment } from '../../_components/connect-links';
import { NewConnectorForm } from './_components/new-connector-form';

export const metadata: Metadata = { title: 'New connector · Connect · Sluice console' };

export default async function NewConnectorPage({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = decodeSegment((await params).cluster);
  return (
    <>
      <PageHeader
        title="New connector"
        description="Pick a plugin, fill in the form built from its config definition, let Kafka Connect validate it, then create the connector."
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
      <NewConnectorForm cluster={cluster} />
    </>
  );
}
