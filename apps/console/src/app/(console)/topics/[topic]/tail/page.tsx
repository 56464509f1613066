import type { Metadata } from 'next';
import { decodeTopicSegment, RecordsPage, recordsPageTitle } from '../messages/_components/records-page';
import { LiveTail } from './_components/live-tail';

interface TailPageProps {
  params: Promise<{ topic: string }>;
}

export async function generateMetadata({ params }: TailPageProps): Promise<Metadata> {
  return { title: recordsPageTitle('tail', (await params).topic) };
}

export default async function TailPage({ params }: TailPageProps) {
  const segment = (await params).topic;
  return (
    <RecordsPage
      segment={segment}
      kind="tail"
      description="Records as they arrive, filtered and capped on the server; every record read is counted."
    >
      <LiveTail topic={decodeTopicSegment(segment)} />
    </RecordsPage>
  );
}
