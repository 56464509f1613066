import type { Metadata } from 'next';
import Link from 'next/link';
import { topicName } from '@sluice/validators';
import { PageHeader } from '../../../_components/page-header';
import { topicHref } from '../_components/topic-links';
import { IsrTimeline } from './_components/isr-timeline';
import { PartitionReassignment } from './_components/partition-reassignment';
import { TopicCompaction } from './_components/topic-compaction';
import { TopicDetail } from './_components/topic-detail';

interface TopicPageProps {
  params: Promise<{ topic: string }>;
}

/**
 * Kafka's topic names use only unreserved URL characters, so a topic's segment is its name. A hand-typed one may
 * hold anything: decoded once for display (taken as it is when a stray "%" makes that impossible), and checked
 * against Kafka's rules before anything asks the cluster.
 */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: TopicPageProps): Promise<Metadata> {
  const { topic } = await params;
  return { title: `${decodeSegment(topic)} · Topics · Sluice console` };
}

const LINK =
  'rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-sky-800 hover:bg-zinc-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-sky-300 dark:hover:bg-zinc-800';

function Breadcrumb() {
  return (
    <nav aria-label="Breadcrumb" className="mb-1 text-sm">
      <Link
        href="/topics"
        className="text-sky-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300"
      >
        Topics
      </Link>
    </nav>
  );
}

export default async function TopicPage({ params }: TopicPageProps) {
  const topic = decodeSegment((await params).topic);
  const valid = topicName.safeParse(topic);
  if (!valid.success) {
    return (
      <>
        <PageHeader title={topic} above={<Breadcrumb />} />
        <div role="alert" className="max-w-2xl text-sm">
          <p className="font-semibold">This is not a Kafka topic name: {valid.error.issues[0]!.message}.</p>
          <p className="mt-1">
            <Link href="/topics" className="font-medium text-sky-800 underline dark:text-sky-300">
              All topics
            </Link>
          </p>
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={topic}
        above={<Breadcrumb />}
        aside={
          <nav aria-label="Records">
            <ul className="flex flex-wrap gap-2">
              <li>
                <Link href={topicHref(topic, 'messages')} prefetch={false} className={LINK}>
                  Messages
                </Link>
              </li>
              <li>
                <Link href={topicHref(topic, 'produce')} prefetch={false} className={LINK}>
                  Produce
                </Link>
              </li>
              <li>
                <Link href={topicHref(topic, 'tail')} prefetch={false} className={LINK}>
                  Live tail
                </Link>
              </li>
            </ul>
          </nav>
        }
      />
      <TopicDetail
        topic={topic}
        sections={
          <>
            <TopicCompaction topic={topic} />
            <PartitionReassignment topic={topic} />
            <IsrTimeline topic={topic} />
          </>
        }
      />
    </>
  );
}
