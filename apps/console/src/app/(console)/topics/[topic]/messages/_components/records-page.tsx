import Link from 'next/link';
import type { ReactNode } from 'react';
import { topicName } from '@sluice/validators';
import { PageHeader } from '../../../../../_components/page-header';
import { topicHref } from '../../../_components/topic-links';

export type RecordsPageKind = 'messages' | 'produce' | 'tail';

const PAGES: { kind: RecordsPageKind; label: string }[] = [
  { kind: 'messages', label: 'Messages' },
  { kind: 'produce', label: 'Produce' },
  { kind: 'tail', label: 'Live tail' },
];

/**
 * Kafka's topic names use only unreserved URL characters, so a topic's segment is its name. A hand-typed one may
 * hold anything: decoded once for display (taken as it is when a stray "%" makes that impossible), and checked
 * against Kafka's rules before anything asks the cluster.
 */
export function decodeTopicSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function recordsPageTitle(kind: RecordsPageKind, segment: string): string {
  const label = PAGES.find((p) => p.kind === kind)!.label;
  return `${label} · ${decodeTopicSegment(segment)} · Sluice console`;
}

const CRUMB =
  'text-sky-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300';
const TAB =
  'block rounded-md border px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500';
const TAB_CURRENT =
  'border-sky-600 bg-sky-50 text-sky-900 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-100';
const TAB_OTHER =
  'border-zinc-300 bg-white text-sky-800 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-sky-300 dark:hover:bg-zinc-800';

/**
 * The frame of a topic's record pages (messages, produce, live tail): the way back to the topic, the page's title,
 * links between the three, and the page itself once the name in the URL is a Kafka topic name.
 */
export function RecordsPage({
  segment,
  kind,
  description,
  children,
}: {
  segment: string;
  kind: RecordsPageKind;
  description: ReactNode;
  children: ReactNode;
}) {
  const topic = decodeTopicSegment(segment);
  const valid = topicName.safeParse(topic);
  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="mb-1 text-sm">
      <ol className="flex flex-wrap items-center gap-1">
        <li>
          <Link href="/topics" className={CRUMB}>
            Topics
          </Link>
        </li>
        <li aria-hidden="true" className="text-zinc-500">
          /
        </li>
        <li className="min-w-0 break-all">
          {valid.success ? (
            <Link href={topicHref(topic)} className={CRUMB}>
              {topic}
            </Link>
          ) : (
            topic
          )}
        </li>
      </ol>
    </nav>
  );
  const label = PAGES.find((p) => p.kind === kind)!.label;
  if (!valid.success) {
    return (
      <>
        <PageHeader title={label} above={breadcrumb} />
        <div role="alert" className="max-w-2xl text-sm">
          <p className="font-semibold break-words">
            This is not a Kafka topic name: {valid.error.issues[0]!.message}.
          </p>
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
        title={label}
        above={breadcrumb}
        description={description}
        aside={
          <nav aria-label="Records">
            <ul className="flex flex-wrap gap-2">
              {PAGES.map((page) => (
                <li key={page.kind}>
                  <Link
                    href={topicHref(topic, page.kind)}
                    prefetch={false}
                    aria-current={page.kind === kind ? 'page' : undefined}
                    className={`${TAB} ${page.kind === kind ? TAB_CURRENT : TAB_OTHER}`}
                  >
                    {page.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        }
      />
      {children}
    </>
  );
}
