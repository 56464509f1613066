'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';

/** Who is signed in, with which role, and the way out. Every page behind it needs a session. */
export function UserMenu() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      // A full navigation: the server sends a browser without a session to sign in.
      onSettled: () => window.location.assign('/login'),
    }),
  );
  if (!me.data) return null;
  return (
    <div className="flex items-center gap-3 text-sm">
      <span>
        <span className="font-medium">{me.data.username}</span>{' '}
        <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
          {me.data.role}
        </span>
      </span>
      <button
        type="button"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
        className="rounded-md border border-zinc-300 px-2.5 py-1 hover:bg-zinc-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Sign out
      </button>
    </div>
  );
}
