import type { Metadata } from 'next';
import { decodeTopicSegment, RecordsPage, recordsPageTitle } from '../messages/_components/records-page';
import { ProduceForm } from './_components/produce-form';

interface ProducePageProps {
  params: Promise<{ topic: string }>;
}

export async function generateMetadata({ params }: ProducePageProps): Promise<Metadata> {
  return { title: recordsPageTitle('produce', (await params).topic) };
}

export default async function ProducePage({ params }: ProducePageProps) {
  const segment = (await params).topic;
  return (
    <RecordsPage
      segment={segment}
      kind="produce"
      description="Write a record to the topic (acks=all): key, value, headers, as many copies as needed."
    >
      <ProduceForm topic={decodeTopicSegment(segment)} />
    </RecordsPage>
  );
}
