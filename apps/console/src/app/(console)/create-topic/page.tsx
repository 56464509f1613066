import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '~/app/_components/page-header';
import { CreateTopicForm } from './_components/create-topic-form';

/**
 * Outside /topics/ so that no topic name can collide with it: /topics/new would hide a topic named "new".
 */
export const metadata: Metadata = { title: 'Create a topic · Topics · Sluice console' };

export default function NewTopicPage() {
  return (
    <>
      <PageHeader
        title="Create a topic"
        description="Checked as you submit with the same rules as the API and the sluice CLI; “Validate only” asks the cluster without creating anything."
        above={
          <nav aria-label="Breadcrumb" className="mb-1 text-sm">
            <Link
              href="/topics"
              className="text-sky-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300"
            >
              Topics
            </Link>
          </nav>
        }
      />
      <CreateTopicForm />
    </>
  );
}
