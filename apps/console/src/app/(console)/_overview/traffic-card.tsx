'use client';

import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { Card, Sparkline, StatusIndicator, type StatusTone } from '@sluice/ui';
import type { RouterOutputs } from '~/trpc/outputs';
import { useTRPC } from '~/trpc/react';
import { formatByteRate } from './format-traffic';

type TrafficPoint = RouterOutputs['cluster']['traffic'] extends AsyncIterable<infer P> ? P : never;

/** One point a second: the sparklines span the last minute. Older points are let go as new ones arrive. */
const KEPT_POINTS = 60;

function TrafficLine({ label, values }: { label: string; values: (number | null)[] }) {
  const current = values.at(-1) ?? null;
  const known = values.filter((v): v is number => v !== null);
  const highest = known.length > 0 ? Math.max(...known) : null;
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <dl>
        <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
        <dd className="text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums dark:text-zinc-50">
          {values.length === 0 ? '—' : formatByteRate(current)}
        </dd>
      </dl>
      <Sparkline
        values={values}
        capacity={KEPT_POINTS}
        label={
          values.length === 0
            ? `${label}: no points yet`
            : `${label} over the last ${values.length} s: now ${formatByteRate(current)}, highest ${formatByteRate(highest)}`
        }
      />
    </div>
  );
}

/** Bytes in and out of the cluster a second, live over server-sent events, with the last minute as sparklines. */
export function TrafficCard() {
  const trpc = useTRPC();
  const [points, setPoints] = useState<TrafficPoint[]>([]);
  const traffic = useSubscription(
    trpc.cluster.traffic.subscriptionOptions(undefined, {
      onData: (point) => setPoints((previous) => [...previous.slice(1 - KEPT_POINTS), point]),
    }),
  );

  let tone: StatusTone;
  let connection: string;
  switch (traffic.status) {
    // 'pending' is TanStack's name for "connected and waiting for the next event".
    case 'pending':
      [tone, connection] = ['ok', 'Live'];
      break;
    case 'connecting':
      // The points on screen stay; a reconnect starts a new series after a gap.
      [tone, connection] = points.length > 0 ? ['warning', 'Reconnecting…'] : ['pending', 'Connecting…'];
      break;
    case 'error':
      [tone, connection] = ['error', 'Disconnected'];
      break;
    case 'idle':
      [tone, connection] = ['idle', 'Paused'];
      break;
  }

  return (
    <Card
      title="Traffic"
      aside={
        <StatusIndicator tone={tone} label="Connection">
          {connection}
        </StatusIndicator>
      }
    >
      <div className="grid gap-6 md:grid-cols-2">
        <TrafficLine label="Bytes in per second" values={points.map((p) => p.bytesInPerSecond)} />
        <TrafficLine label="Bytes out per second" values={points.map((p) => p.bytesOutPerSecond)} />
      </div>
      <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
        {points.length === 0
          ? 'Waiting for the first point'
          : `${points.length} ${points.length === 1 ? 'point' : 'points'}, one a second; the last ${KEPT_POINTS} are kept`}{' '}
        · from clients to the brokers (in) and back (out)
      </p>
      {traffic.status === 'error' && (
        <p role="alert" className="mt-4 text-sm text-red-800 dark:text-red-300">
          {traffic.error.message}
        </p>
      )}
    </Card>
  );
}
