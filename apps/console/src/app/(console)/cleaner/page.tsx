import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { CleanerList } from './_components/cleaner-list';

export const metadata: Metadata = { title: 'Cleaner · Sluice console' };

export default function CleanerPage() {
  return (
    <>
      <PageHeader
        title="Log cleaner"
        description="What the log cleaner is doing with each compacted partition: its dirty ratio (the share of closed segments not yet compacted) against min.cleanable.dirty.ratio, the bytes it could clean, its last pass and what it removed. Partitions most in need of cleaning come first; uncleanable ones are listed above."
      />
      <CleanerList />
    </>
  );
}
