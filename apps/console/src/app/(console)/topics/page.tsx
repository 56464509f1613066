import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { CreateTopicLink } from './_components/create-topic-link';
import { TopicList } from './_components/topic-list';

export const metadata: Metadata = { title: 'Topics · Sluice console' };

export default function TopicsPage() {
  return (
    <>
      <PageHeader
        title="Topics"
        description="Every topic with its partitions, replication, records, size on disk and write rate."
        aside={<CreateTopicLink />}
      />
      <TopicList />
    </>
  );
}
