import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { UserAdmin } from './_components/user-admin';

export const metadata: Metadata = { title: 'Users · Sluice console' };

export default function UsersPage() {
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in to this console, and what their role allows: viewers read, operators also change the cluster, admins also manage users."
      />
      <UserAdmin />
    </>
  );
}
