'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Card, DataTable } from '@sluice/ui';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../_components/api-error';
import { ManageUserDialog } from './manage-user-dialog';
import { UserActionsContext, userColumns, type UserRow } from './columns';

const rowId = (user: UserRow) => String(user.id);

export function UserList({ currentUserId }: { currentUserId: number }) {
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions());
  const [managing, setManaging] = useState<number | null>(null);
  const actions = useMemo(() => ({ currentUserId, manage: setManaging }), [currentUserId]);
  // The dialog shows the list's current row, so a change made in it shows there once the list refreshes.
  const managed = users.data?.find((user) => user.id === managing);

  return (
    <Card title="Console users">
      {users.isPending ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Loading users…
        </p>
      ) : users.isError && !users.data ? (
        <ApiError error={users.error} what="the users" />
      ) : (
        <UserActionsContext value={actions}>
          <DataTable
            data={users.data}
            columns={userColumns}
            getRowId={rowId}
            label="Users"
            filterLabel="Filter users"
            rowNoun={['user', 'users']}
            initialSorting={[{ id: 'username', desc: false }]}
            scrollAreaClassName="max-h-[50vh]"
            emptyMessage="No users."
          />
        </UserActionsContext>
      )}
      {managed && (
        <ManageUserDialog
          key={managed.id}
          user={managed}
          isYou={managed.id === currentUserId}
          onClose={() => setManaging(null)}
        />
      )}
    </Card>
  );
}
