import Link from 'next/link';
import type { ReactNode } from 'react';
import { NavLinks } from '../_components/nav-links';
import { ThemeToggle } from '../_components/theme-toggle';
import { UserMenu } from '../_components/user-menu';

/** The console around every signed-in page: header (brand, theme, user), navigation, and the page itself. */
export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-sky-800 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:ring-2 focus:ring-sky-500 dark:bg-zinc-900 dark:text-sky-300"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/95 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/95">
        <div className="flex h-14 items-center justify-between gap-4 px-4">
          <Link
            href="/"
            className="flex items-baseline gap-2 rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
          >
            <span className="text-lg font-bold tracking-tight">Sluice</span>
            <span className="text-sm text-zinc-600 dark:text-zinc-400">console</span>
          </Link>
          <div className="flex items-center gap-3">
            <ThemeToggle />
            <UserMenu />
          </div>
        </div>
      </header>
      <div className="md:flex md:min-h-[calc(100vh-3.5rem)]">
        {/* The column stretches to the page's height; the links inside it stay in view while the page scrolls. */}
        <div className="border-b border-zinc-200 bg-white md:w-56 md:shrink-0 md:border-r md:border-b-0 dark:border-zinc-800 dark:bg-zinc-900">
          <nav aria-label="Main" className="md:sticky md:top-14">
            <NavLinks />
          </nav>
        </div>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none md:px-8 md:py-8">
          {children}
        </main>
      </div>
    </>
  );
}
