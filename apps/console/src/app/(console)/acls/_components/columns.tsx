'use client';

import { createContext, useContext } from 'react';
import { dataTableColumns } from '@sluice/ui';
import type { RouterOutputs } from '~/trpc/outputs';
import { SMALL_BUTTON } from '../../../_components/form-styles';

export type AclRow = RouterOutputs['acls']['list']['acls'][number];

/** A stable id: every field of the binding (Kafka never stores one twice). */
export const aclRowId = (acl: AclRow) =>
  [
    acl.resourceType,
    acl.patternType,
    acl.resourceName,
    acl.principal,
    acl.host,
    acl.operation,
    acl.permissionType,
  ].join('\u0000');

/** What a row's button does (operators only). By context: the columns live at module scope. */
export const AclActionsContext = createContext<{ remove: ((acl: AclRow) => void) | null }>({ remove: null });

function DeleteButton({ acl }: { acl: AclRow }) {
  const { remove } = useContext(AclActionsContext);
  if (!remove) return null;
  return (
    <button
      type="button"
      onClick={() => remove(acl)}
      aria-label={`Delete ${acl.permissionType} ${acl.principal} ${acl.operation} on ${acl.resourceType} ${acl.resourceName}`}
      className={SMALL_BUTTON}
    >
      Delete
    </button>
  );
}

/** ALLOW and DENY told apart by text first; colour only underlines it. */
export function PermissionBadge({ permission }: { permission: string }) {
  const deny = permission === 'DENY';
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${
        deny
          ? 'bg-red-50 text-red-900 ring-red-600/30 dark:bg-red-950 dark:text-red-200'
          : 'bg-emerald-50 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200'
      }`}
    >
      {permission}
    </span>
  );
}

const column = dataTableColumns<AclRow>();

export const aclColumns = column.columns([
  column.accessor('resourceType', { header: 'Resource', sortFn: 'text', meta: { width: '9.5rem' } }),
  column.accessor('patternType', { header: 'Pattern', sortFn: 'text', meta: { width: '6.5rem' } }),
  column.accessor('resourceName', {
    header: 'Name',
    sortFn: 'alphanumeric',
    cell: (info) => <span className="font-mono break-all whitespace-normal">{info.getValue()}</span>,
  }),
  column.accessor('principal', {
    header: 'Principal',
    sortFn: 'alphanumeric',
    cell: (info) => <span className="font-mono break-all whitespace-normal">{info.getValue()}</span>,
  }),
  column.accessor('host', {
    header: 'Host',
    sortFn: 'alphanumeric',
    cell: (info) => <span className="font-mono break-all whitespace-normal">{info.getValue()}</span>,
    meta: { width: '6.5rem' },
  }),
  column.accessor('operation', { header: 'Operation', sortFn: 'text', meta: { width: '9.5rem' } }),
  column.accessor('permissionType', {
    header: 'Permission',
    sortFn: 'text',
    cell: (info) => <PermissionBadge permission={info.getValue()} />,
    meta: { width: '7rem' },
  }),
  column.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <DeleteButton acl={info.row.original} />,
    meta: { width: '5.5rem' },
  }),
]);
