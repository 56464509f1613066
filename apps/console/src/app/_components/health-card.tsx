'use client';

import { useQuery } from '@tanstack/react-query';
import { Card, Stat, StatList, StatusIndicator, type StatusTone } from '@sluice/ui';
import { formatDuration, formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';

const HEALTH_REFRESH_MS = 5_000;

export function HealthCard() {
  const trpc = useTRPC();
  const health = useQuery(trpc.health.health.queryOptions(undefined, { refetchInterval: HEALTH_REFRESH_MS }));

  let tone: StatusTone;
  let summary: string;
  if (health.isError) [tone, summary] = ['error', 'Server unreachable'];
  else if (!health.data) [tone, summary] = ['pending', 'Checking…'];
  else if (health.data.status === 'ok') [tone, summary] = ['ok', 'Healthy'];
  else [tone, summary] = ['warning', 'Degraded'];

  const data = health.data;
  return (
    <Card
      title="Health"
      aside={
        <StatusIndicator tone={tone} label="Server health">
          {summary}
        </StatusIndicator>
      }
    >
      <StatList>
        <Stat label="Status">{data?.status ?? '—'}</Stat>
        <Stat label="Version">{data?.version ?? '—'}</Stat>
        <Stat label="Uptime">{data ? formatDuration(data.uptimeSeconds) : '—'}</Stat>
        <Stat label="Database">
          {!data
            ? '—'
            : data.database.reachable
              ? `reachable (select 1 in ${data.database.latencyMs} ms)`
              : `unreachable: ${data.database.error}`}
        </Stat>
        <Stat label="Checked at">
          {health.dataUpdatedAt ? formatTime(new Date(health.dataUpdatedAt)) : '—'}
        </Stat>
      </StatList>
      {health.isError && (
        <p role="alert" className="mt-4 text-sm text-red-800 dark:text-red-300">
          {health.error.message}
          {data && ' The values above are from the last successful check.'}
        </p>
      )}
    </Card>
  );
}
