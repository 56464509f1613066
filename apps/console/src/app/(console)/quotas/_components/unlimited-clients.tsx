'use client';

import { Card } from '@sluice/ui';
import type { RouterOutputs } from '~/trpc/outputs';
import { formatByteRate } from './format-quota';

type Unlimited = NonNullable<
  (RouterOutputs['quotas']['usage'] extends AsyncIterable<infer P> ? P : never)['usage']
>['unlimited'];

/** A metric tag as the broker keeps it: '' where the quotas in force do not name that part. */
const tag = (value: string, any: string) =>
  value === '' ? <span className="text-zinc-600 dark:text-zinc-400">{any}</span> : value;

/** Clients the broker measures that no quota holds, so an operator sees who a new quota would limit. */
export function UnlimitedClients({ clients }: { clients: Unlimited | null }) {
  return (
    <Card title="Clients without a quota">
      {clients === null ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Waiting for the first measure…
        </p>
      ) : clients.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          None measured in the last hour: every client that produced or fetched is held by a quota.
        </p>
      ) : (
        <div className="max-h-[40vh] overflow-auto">
          <table className="w-full text-left text-sm" aria-label="Clients without a quota">
            <thead className="text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  User
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Client-id
                </th>
                <th scope="col" className="py-1 pr-4 text-end font-medium">
                  Produce
                </th>
                <th scope="col" className="py-1 text-end font-medium">
                  Fetch
                </th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr
                  key={`${c.user}\u0000${c.clientId}`}
                  className="border-t border-zinc-200 dark:border-zinc-800"
                >
                  <td className="py-1 pr-4 font-mono break-all">{tag(c.user, 'any user')}</td>
                  <td className="py-1 pr-4 font-mono break-all">{tag(c.clientId, 'any client-id')}</td>
                  <td className="py-1 pr-4 text-end tabular-nums">{formatByteRate(c.produceByteRate)}</td>
                  <td className="py-1 text-end tabular-nums">{formatByteRate(c.fetchByteRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
