import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { KafkaUserAdmin } from './_components/kafka-user-admin';

export const metadata: Metadata = { title: 'Kafka users · Sluice console' };

export default function KafkaUsersPage() {
  return (
    <>
      <PageHeader
        title="Kafka users"
        description="SCRAM users of the Kafka cluster: the principals (User:name) that clients authenticate as over SASL/SCRAM, with each mechanism's iteration count. Not the console's own sign-in users."
      />
      <KafkaUserAdmin />
    </>
  );
}
