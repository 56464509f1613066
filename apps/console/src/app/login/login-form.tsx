'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { loginInput } from '@sluice/validators';
import { useTRPC } from '~/trpc/react';

const subscribeToNothing = () => () => {};

export function LoginForm({ destination }: { destination: string }) {
  const trpc = useTRPC();
  const [problem, setProblem] = useState<string | null>(null);
  // False in the server's HTML, true once React has hydrated: until then the button is disabled, so a click
  // before the scripts run does nothing rather than a native post of the form.
  const hydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      // A full navigation, so the server sees the new session cookie on the next page.
      onSuccess: () => window.location.assign(destination),
      onError: (error) => setProblem(error.message),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = loginInput.safeParse({ username: form.get('username'), password: form.get('password') });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]!.message);
      return;
    }
    setProblem(null);
    login.mutate(parsed.data);
  }

  const field =
    'rounded-md border border-zinc-300 bg-white px-3 py-2 text-zinc-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';
  return (
    <form
      // Before the page's scripts run, a submit must not become a GET that puts the password in the URL.
      method="post"
      onSubmit={submit}
      className="flex flex-col gap-4"
      aria-describedby={problem ? 'login-problem' : undefined}
    >
      <label className="flex flex-col gap-1 text-sm font-medium">
        Username
        <input name="username" autoComplete="username" required autoFocus className={field} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={field} />
      </label>
      {problem && (
        <p id="login-problem" role="alert" className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
      <button
        type="submit"
        disabled={!hydrated || login.isPending}
        className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-offset-2 disabled:opacity-60"
      >
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
