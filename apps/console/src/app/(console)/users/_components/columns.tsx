'use client';

import { createContext, useContext } from 'react';
import { dataTableColumns } from '@sluice/ui';
import { formatTimestamp } from '~/lib/format-timestamp';
import type { RouterOutputs } from '~/trpc/outputs';
import { SMALL_BUTTON } from '../../../_components/form-styles';

export type UserRow = RouterOutputs['users']['list'][number];

/**
 * Who is looking (to mark their own row) and what a row's button does. Passed by context, since the columns live
 * at module scope (a new column array would rebuild the table).
 */
export const UserActionsContext = createContext<{
  currentUserId: number | null;
  manage: (userId: number) => void;
}>({ currentUserId: null, manage: () => undefined });

function UsernameCell({ user }: { user: UserRow }) {
  const { currentUserId } = useContext(UserActionsContext);
  return (
    <span className="font-medium">
      {user.username}
      {user.id === currentUserId && (
        <span className="ml-2 text-xs font-normal text-zinc-600 dark:text-zinc-400">(you)</span>
      )}
    </span>
  );
}

function ManageButton({ user }: { user: UserRow }) {
  const { manage } = useContext(UserActionsContext);
  return (
    <button
      type="button"
      onClick={() => manage(user.id)}
      aria-label={`Manage ${user.username}`}
      className={SMALL_BUTTON}
    >
      Manage
    </button>
  );
}

const ROLE_BADGE = {
  viewer: 'bg-zinc-100 text-zinc-800 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-200',
  operator: 'bg-sky-50 text-sky-900 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200',
  admin: 'bg-violet-50 text-violet-900 ring-violet-600/30 dark:bg-violet-950 dark:text-violet-200',
} as const;

const column = dataTableColumns<UserRow>();

export const userColumns = column.columns([
  column.accessor('username', {
    header: 'Username',
    sortFn: 'alphanumeric',
    cell: (info) => <UsernameCell user={info.row.original} />,
  }),
  column.accessor('role', {
    header: 'Role',
    sortFn: 'text',
    cell: (info) => (
      <span
        className={`rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${ROLE_BADGE[info.getValue()]}`}
      >
        {info.getValue()}
      </span>
    ),
    meta: { width: '9rem' },
  }),
  column.accessor((user) => user.kafkaPrincipal ?? '', {
    id: 'kafkaPrincipal',
    header: 'Kafka principal',
    sortFn: 'text',
    cell: (info) =>
      info.getValue() === '' ? (
        <span className="text-zinc-600 dark:text-zinc-400">none (role only)</span>
      ) : (
        <code className="text-xs break-all">{info.getValue()}</code>
      ),
    meta: { width: '16rem' },
  }),
  column.accessor((user) => user.createdAt.getTime(), {
    id: 'createdAt',
    header: 'Created',
    sortFn: 'basic',
    cell: (info) => formatTimestamp(new Date(info.getValue())),
    enableGlobalFilter: false,
    meta: { width: '12rem' },
  }),
  column.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <ManageButton user={info.row.original} />,
    meta: { width: '7rem' },
  }),
]);
