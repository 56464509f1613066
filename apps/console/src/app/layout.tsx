import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { THEME_BOOT_SCRIPT } from '~/lib/theme';
import { TRPCReactProvider } from '~/trpc/react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Sluice console',
  description: 'Health, consumer groups and live activity of a Sluice broker',
};

/**
 * Every page, signed in or not: the document, the theme and the API client. The console's navigation lives in
 * the (console) route group's layout, so the sign-in page stands alone.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The boot script sets data-theme on <html> before React hydrates; React must not treat that as a mismatch.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script>{THEME_BOOT_SCRIPT}</script>
      </head>
      <body className="min-h-screen bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
