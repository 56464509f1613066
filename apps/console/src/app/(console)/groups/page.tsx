import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { GroupList } from './_components/group-list';

export const metadata: Metadata = { title: 'Consumer groups · Sluice console' };

export default function GroupsPage() {
  return (
    <>
      <PageHeader
        title="Consumer groups"
        description="Every group with its lag: how many records its consumers have yet to read, and how old the oldest is. Status follows Burrow's rules over the recent samples."
      />
      <GroupList />
    </>
  );
}
