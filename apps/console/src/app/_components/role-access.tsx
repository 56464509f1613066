'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { USER_ROLES } from '@sluice/validators';
import type { RouterOutputs } from '~/trpc/outputs';
import { useTRPC } from '~/trpc/react';

export type UserRole = (typeof USER_ROLES)[number];
type SignedInUser = NonNullable<RouterOutputs['auth']['me']>;

/** The server's order (packages/api/src/trpc.ts): each role can do what the ones before it can. */
const ROLE_RANK: Record<UserRole, number> = { viewer: 0, operator: 1, admin: 2 };

export type RoleAccess =
  | { status: 'unknown' }
  | { status: 'allowed'; user: SignedInUser }
  | { status: 'denied'; role: UserRole | null };

/**
 * Whether the signed-in user has at least `minimum`. Only decides what a page offers: the server checks the role
 * on every procedure, whatever the page shows.
 */
export function useRoleAccess(minimum: UserRole): RoleAccess {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.data === undefined) return { status: 'unknown' };
  if (me.data === null) return { status: 'denied', role: null };
  return ROLE_RANK[me.data.role] >= ROLE_RANK[minimum]
    ? { status: 'allowed', user: me.data }
    : { status: 'denied', role: me.data.role };
}

/** "a viewer", "an operator". */
export function aRole(role: UserRole): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
}

/** "you are a viewer", "you are an operator". */
export function youAre(role: UserRole | null): string {
  return role ? `you are ${aRole(role)}` : 'you are not signed in';
}

/** A page (or part of one) the user's role does not open, said plainly instead of an error. */
export function RoleRequired({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      aria-label={title}
      className="max-w-2xl rounded-xl border border-amber-300 bg-amber-50 p-5 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{children}</p>
    </section>
  );
}
