import type { Metadata } from 'next';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in · Sluice console' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // Only a path on this console: never an absolute or protocol-relative URL (an open redirect).
  const destination = next?.startsWith('/') && !next.startsWith('//') ? next : '/';
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 p-6">
      <h1 className="text-2xl font-semibold">Sign in to Sluice</h1>
      <LoginForm destination={destination} />
    </main>
  );
}
