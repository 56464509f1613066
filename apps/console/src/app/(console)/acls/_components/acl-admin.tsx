'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Card, DataTable } from '@sluice/ui';
import type { AclListInput } from '@sluice/validators';
import { refreshEvery } from '~/lib/api-errors';
import { formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../_components/api-error';
import { HINT_TEXT } from '../../../_components/form-styles';
import { RoleRequired, useRoleAccess, youAre } from '../../../_components/role-access';
import { AclCheck } from './acl-check';
import { AclFilter } from './acl-filter';
import { AclActionsContext, aclColumns, aclRowId, type AclRow } from './columns';
import { CreateAclForm } from './create-acl-form';
import { DeleteAclDialog } from './delete-acl-dialog';

const REFRESH_MS = 10_000;

/** SECURITY_DISABLED, said as what it means for this cluster and what would change it. */
function NoAuthorizer() {
  return (
    <section
      aria-label="No authorizer"
      className="max-w-3xl rounded-xl border border-amber-300 bg-amber-50 p-5 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-semibold">This cluster has no authorizer (SECURITY_DISABLED)</p>
      <p className="mt-1">
        Its brokers run without <code className="font-mono">authorizer.class.name</code>, so Kafka answers the
        ACL APIs with SECURITY_DISABLED and lets every client that can connect do everything. There are no
        ACLs to show, create or check.
      </p>
      <p className="mt-2">
        To enforce ACLs, start the brokers with{' '}
        <code className="font-mono break-all">
          authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
        </code>{' '}
        and <code className="font-mono">super.users</code> naming the principals that administer the cluster
        (this console&apos;s among them).
      </p>
    </section>
  );
}

/**
 * ACLs for everyone signed in, with the "who can do what" check; operators also create and delete them (the
 * server checks the role on every change whatever this page offers).
 */
export function AclAdmin() {
  const trpc = useTRPC();
  const access = useRoleAccess('operator');
  const [filter, setFilter] = useState<AclListInput>({});
  const list = useQuery(trpc.acls.list.queryOptions(filter, { refetchInterval: refreshEvery(REFRESH_MS) }));
  const [deleting, setDeleting] = useState<AclRow | null>(null);
  const canChange = access.status === 'allowed';
  const actions = useMemo(() => ({ remove: canChange ? setDeleting : null }), [canChange]);

  if (list.isPending && !list.data)
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading ACLs…
      </p>
    );
  if (list.isError && !list.data) return <ApiError error={list.error} what="the ACLs" />;
  if (!list.data.authorizer) return <NoAuthorizer />;

  const filtered =
    filter.principal !== undefined || filter.resourceName !== undefined || filter.resourceType !== undefined;
  return (
    <div className="flex flex-col gap-6">
      <Card title="Access control lists">
        <div className="mb-4">
          <AclFilter onApply={setFilter} />
        </div>
        <AclActionsContext value={actions}>
          <DataTable
            data={list.data.acls}
            columns={aclColumns}
            getRowId={aclRowId}
            label="ACLs"
            filterLabel="Search these ACLs"
            rowNoun={['ACL', 'ACLs']}
            scrollAreaClassName="max-h-[60vh]"
            emptyMessage={
              filtered
                ? 'No ACL matches this filter.'
                : 'No ACLs: only super users may do anything, unless allow.everyone.if.no.acl.found is true.'
            }
          />
        </AclActionsContext>
        <p className={`mt-3 ${HINT_TEXT}`}>
          {list.isError
            ? `Refreshing failed (${list.error.message}); ACLs as of ${formatTime(new Date(list.dataUpdatedAt))}.`
            : `ACLs as of ${formatTime(new Date(list.dataUpdatedAt))}.`}
        </p>
      </Card>
      <AclCheck />
      {canChange && <CreateAclForm />}
      {access.status === 'denied' && (
        <RoleRequired title="Operators change ACLs">
          Creating and deleting ACLs needs the operator or admin role; {youAre(access.role)}.
        </RoleRequired>
      )}
      {deleting && (
        <DeleteAclDialog key={aclRowId(deleting)} acl={deleting} onClose={() => setDeleting(null)} />
      )}
    </div>
  );
}
