import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { BrokerList } from './_components/broker-list';

export const metadata: Metadata = { title: 'Brokers · Sluice console' };

export default function BrokersPage() {
  return (
    <>
      <PageHeader
        title="Brokers"
        description="Each broker's state, leaderships, replicas and disk use, and the KRaft metadata quorum, as Kafka's APIs report them."
      />
      <BrokerList />
    </>
  );
}
