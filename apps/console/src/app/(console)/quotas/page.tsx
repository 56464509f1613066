import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { QuotaAdmin } from './_components/quota-admin';

export const metadata: Metadata = { title: 'Quotas · Sluice console' };

export default function QuotasPage() {
  return (
    <>
      <PageHeader
        title="Quotas"
        description="Client quotas of users and client-ids, with their defaults, resolved by Kafka's precedence; beside each, what the broker measures of the clients it holds and how long it throttles them."
      />
      <QuotaAdmin />
    </>
  );
}
