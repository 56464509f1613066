'use client';

import Link from 'next/link';
import { PRIMARY_BUTTON } from '~/app/_components/form-styles';
import { operatorRoleNeeded, useOperatorAccess } from './operator-access';

/** The way to the create form, for those allowed to create; for the others, why it is not there. */
export function CreateTopicLink() {
  const access = useOperatorAccess();
  if (access.status === 'unknown') return null;
  if (access.status === 'denied') {
    return (
      <p className="max-w-xs text-sm text-zinc-600 dark:text-zinc-400">
        {operatorRoleNeeded('Creating topics', access.role)}
      </p>
    );
  }
  return (
    <Link href="/create-topic" className={PRIMARY_BUTTON}>
      Create topic
    </Link>
  );
}
