'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { apiErrorCode } from '~/lib/api-errors';

/**
 * Why data could not be loaded, in the words that help: no cluster behind this console, a session that ended,
 * or the server's own message. `what` names the data, e.g. "the consumer groups".
 */
export function ApiError({ error, what }: { error: { message: string }; what: string }) {
  const pathname = usePathname();
  const code = apiErrorCode(error);
  let title: string;
  let detail: ReactNode;
  switch (code) {
    case 'PRECONDITION_FAILED':
      title = 'No Kafka cluster';
      detail = `The server was started without an embedded broker or a cluster to show: there is nowhere to read ${what} from.`;
      break;
    case 'UNAUTHORIZED':
      title = 'Signed out';
      detail = (
        <>
          Your session has ended.{' '}
          <Link href={`/login?next=${encodeURIComponent(pathname)}`} className="font-medium underline">
            Sign in again
          </Link>{' '}
          to see {what}.
        </>
      );
      break;
    case 'FORBIDDEN':
      title = 'Not allowed';
      // A Kafka authorization error is the cluster's ACLs speaking (for the user's Kafka principal, or for
      // the console's own), not the console role.
      detail = /_AUTHORIZATION_FAILED/.test(error.message)
        ? `The cluster's ACLs do not allow this: ${error.message}.`
        : `Your role does not allow this: ${error.message}.`;
      break;
    default:
      title = `Could not load ${what}`;
      detail = error.message;
  }
  return (
    <div
      role="alert"
      className="max-w-2xl rounded-xl border border-red-200 bg-red-50 p-5 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{detail}</p>
    </div>
  );
}
