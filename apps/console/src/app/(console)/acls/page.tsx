import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { AclAdmin } from './_components/acl-admin';

export const metadata: Metadata = { title: 'ACLs · Sluice console' };

export default function AclsPage() {
  return (
    <>
      <PageHeader
        title="ACLs"
        description="Who may do what on which topic, group, transactional id or the cluster, as the cluster's authorizer enforces it: list, filter, create and delete ACLs, and check what a principal may do and which ACL decides."
      />
      <AclAdmin />
    </>
  );
}
