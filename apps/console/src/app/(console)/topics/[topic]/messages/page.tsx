import type { Metadata } from 'next';
import { MessageBrowser } from './_components/message-browser';
import { decodeTopicSegment, RecordsPage, recordsPageTitle } from './_components/records-page';

interface MessagesPageProps {
  params: Promise<{ topic: string }>;
}

export async function generateMetadata({ params }: MessagesPageProps): Promise<Metadata> {
  return { title: recordsPageTitle('messages', (await params).topic) };
}

export default async function MessagesPage({ params }: MessagesPageProps) {
  const segment = (await params).topic;
  const topic = decodeTopicSegment(segment);
  return (
    <RecordsPage
      segment={segment}
      kind="messages"
      description="Read the topic's records from the newest, the oldest, an offset or a time, and open one in full."
    >
      <MessageBrowser topic={topic} />
    </RecordsPage>
  );
}
