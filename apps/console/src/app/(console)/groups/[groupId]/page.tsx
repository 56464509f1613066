import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '../../../_components/page-header';
import { GroupDetail } from './_components/group-detail';

interface GroupPageProps {
  params: Promise<{ groupId: string }>;
}

/**
 * Next.js 16 decodes the segment for generateMetadata but hands it to the page as it appears in the URL,
 * percent-encoded: decoded once here, so an id with "%41" in it stays "%41" (e2e/groups.spec.ts checks both).
 * A hand-typed URL with a stray "%" cannot be decoded and is taken as it is.
 */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: GroupPageProps): Promise<Metadata> {
  const { groupId } = await params;
  return { title: `${groupId} · Consumer groups · Sluice console` };
}

export default async function GroupPage({ params }: GroupPageProps) {
  const groupId = decodeSegment((await params).groupId);
  return (
    <>
      <PageHeader
        title={groupId}
        above={
          <nav aria-label="Breadcrumb" className="mb-1 text-sm">
            <Link
              href="/groups"
              className="text-sky-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300"
            >
              Consumer groups
            </Link>
          </nav>
        }
      />
      <GroupDetail groupId={groupId} />
    </>
  );
}
