'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';

/**
 * Whether the signed-in user may change the cluster (operator or admin). Only decides what the pages offer:
 * the server enforces the role on every change, whatever the page shows.
 */
export type OperatorAccess =
  { status: 'unknown' } | { status: 'allowed' } | { status: 'denied'; role: string | null };

export function useOperatorAccess(): OperatorAccess {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.data === undefined) return { status: 'unknown' };
  const role = me.data?.role ?? null;
  return role === 'operator' || role === 'admin' ? { status: 'allowed' } : { status: 'denied', role };
}

/** "Creating topics needs the operator or admin role; you are a viewer." */
export function operatorRoleNeeded(action: string, role: string | null): string {
  const who = role ? `you are ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}` : 'you are not signed in';
  return `${action} needs the operator or admin role; ${who}.`;
}
