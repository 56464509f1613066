'use client';

import { useSubscription } from '@trpc/tanstack-react-query';
import { Card, Metric, StatusIndicator, type StatusTone } from '@sluice/ui';
import { formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';

export function TicksCard() {
  const trpc = useTRPC();
  const ticks = useSubscription(trpc.health.ticks.subscriptionOptions(undefined));
  const tick = ticks.data?.data;

  let tone: StatusTone;
  let connection: string;
  switch (ticks.status) {
    // 'pending' is TanStack's name for "connected and waiting for the next event".
    case 'pending':
      [tone, connection] = ['ok', 'Live'];
      break;
    case 'connecting':
      // With data on screen this is a reconnect, which resumes after the last tick shown (tracked ids).
      [tone, connection] = tick ? ['warning', 'Reconnecting…'] : ['pending', 'Connecting…'];
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
      title="Live ticks"
      aside={
        <StatusIndicator tone={tone} label="Connection">
          {connection}
        </StatusIndicator>
      }
    >
      <Metric label="Ticks received">{tick?.n ?? '—'}</Metric>
      <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
        {tick ? `Last tick at ${formatTime(tick.at)}` : 'Waiting for the first tick'} · one a second over
        server-sent events
      </p>
      {ticks.status === 'error' && (
        <p role="alert" className="mt-4 text-sm text-red-800 dark:text-red-300">
          {ticks.error.message}
        </p>
      )}
    </Card>
  );
}
