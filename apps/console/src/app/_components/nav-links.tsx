'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

interface Section {
  href: string;
  label: string;
  /** Other paths that belong to the section. */
  also?: string[];
}

const SECTIONS: Section[] = [
  { href: '/', label: 'Overview' },
  { href: '/brokers', label: 'Brokers' },
  // The create form lives outside /topics/, where a topic could share its name.
  { href: '/topics', label: 'Topics', also: ['/create-topic'] },
  { href: '/groups', label: 'Consumer groups' },
  { href: '/transactions', label: 'Transactions' },
  { href: '/connect', label: 'Connect' },
  { href: '/cleaner', label: 'Cleaner' },
  { href: '/kafka-users', label: 'Kafka users' },
  { href: '/quotas', label: 'Quotas' },
  { href: '/acls', label: 'ACLs' },
  { href: '/audit', label: 'Audit log' },
  { href: '/users', label: 'Users' },
];

function isCurrent(pathname: string, { href, also = [] }: Section): boolean {
  if (href === '/') return pathname === '/';
  return [href, ...also].some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

/** The console's sections; the current one is marked for assistive technology (aria-current), not by colour only. */
export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 overflow-x-auto p-2 md:flex-col md:p-3">
      {SECTIONS.map((section) => {
        const { href, label } = section;
        const current = isCurrent(pathname, section);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={current ? 'page' : undefined}
              className={`block rounded-md border-l-4 px-3 py-2 text-sm font-medium whitespace-nowrap focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${
                current
                  ? 'border-sky-600 bg-sky-50 text-sky-900 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-100'
                  : 'border-transparent text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50'
              }`}
            >
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
