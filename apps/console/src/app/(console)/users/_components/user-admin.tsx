'use client';

import { RoleRequired, useRoleAccess, youAre } from '../../../_components/role-access';
import { CreateUserForm } from './create-user-form';
import { UserList } from './user-list';

/** The users page for admins; anyone else is told why there is nothing here for them. */
export function UserAdmin() {
  const access = useRoleAccess('admin');
  if (access.status === 'unknown') {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading…
      </p>
    );
  }
  if (access.status === 'denied') {
    return (
      <RoleRequired title="Admins only">
        Managing console users needs the admin role; {youAre(access.role)}. An admin can add users, change
        roles and reset passwords.
      </RoleRequired>
    );
  }
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <UserList currentUserId={access.user.id} />
      <CreateUserForm />
    </div>
  );
}
