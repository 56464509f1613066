'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Card, DataTable } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../_components/api-error';
import { HINT_TEXT } from '../../../_components/form-styles';
import { RoleRequired, useRoleAccess, youAre } from '../../../_components/role-access';
import { KafkaUserActionsContext, kafkaUserColumns, type KafkaUserRow } from './columns';
import { CreateKafkaUserForm } from './create-kafka-user-form';
import { ManageKafkaUserDialog } from './manage-kafka-user-dialog';

const REFRESH_MS = 10_000;
const rowId = (row: KafkaUserRow) => row.user;

/**
 * The SCRAM users for everyone signed in; admins also add, rotate and delete credentials (the server checks the
 * role on every change whatever this page offers).
 */
export function KafkaUserAdmin() {
  const trpc = useTRPC();
  const access = useRoleAccess('admin');
  const users = useQuery(
    trpc.kafkaUsers.list.queryOptions(undefined, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );
  const [managing, setManaging] = useState<string | null>(null);
  const isAdmin = access.status === 'allowed';
  const actions = useMemo(() => ({ manage: isAdmin ? setManaging : null }), [isAdmin]);
  // The dialog shows the list's current row, so a change made in it shows there once the list refreshes.
  const managed = users.data?.find((row) => row.user === managing);

  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <Card title="SCRAM users">
        {users.isPending ? (
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            Loading SCRAM users…
          </p>
        ) : users.isError && !users.data ? (
          <ApiError error={users.error} what="the SCRAM users" />
        ) : (
          <KafkaUserActionsContext value={actions}>
            <DataTable
              data={users.data}
              columns={kafkaUserColumns}
              getRowId={rowId}
              label="SCRAM users"
              filterLabel="Filter SCRAM users"
              rowNoun={['user', 'users']}
              initialSorting={[{ id: 'user', desc: false }]}
              scrollAreaClassName="max-h-[50vh]"
              emptyMessage="No SCRAM users yet: clients can authenticate over SASL/SCRAM once one is added."
            />
          </KafkaUserActionsContext>
        )}
        <p className={`mt-3 ${HINT_TEXT}`}>
          Kafka keeps a salted, hashed form of each password (RFC 5802): neither the console nor the cluster
          can show one again.
        </p>
      </Card>
      {access.status === 'allowed' && <CreateKafkaUserForm />}
      {access.status === 'denied' && (
        <RoleRequired title="Admins change SCRAM users">
          Adding users, rotating their passwords and deleting credentials needs the admin role;{' '}
          {youAre(access.role)}.
        </RoleRequired>
      )}
      {managed && (
        <ManageKafkaUserDialog key={managed.user} user={managed} onClose={() => setManaging(null)} />
      )}
    </div>
  );
}
