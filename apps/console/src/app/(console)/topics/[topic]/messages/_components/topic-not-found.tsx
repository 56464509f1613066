import Link from 'next/link';

/** The topic in the URL is not on the cluster (deleted, or mistyped). */
export function TopicNotFound({ topic }: { topic: string }) {
  return (
    <div role="alert" className="max-w-2xl text-sm">
      <p className="font-semibold break-words">The cluster has no topic named {topic}.</p>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
        It may have been deleted, or its name mistyped.{' '}
        <Link href="/topics" className="font-medium text-sky-800 underline dark:text-sky-300">
          All topics
        </Link>
      </p>
    </div>
  );
}
