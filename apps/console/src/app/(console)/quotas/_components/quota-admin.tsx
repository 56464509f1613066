'use client';

import { useQuery } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useMemo, useState } from 'react';
import { Card, DataTable, StatusIndicator, type StatusTone } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../_components/api-error';
import { HINT_TEXT } from '../../../_components/form-styles';
import { RoleRequired, useRoleAccess, youAre } from '../../../_components/role-access';
import { QuotaRowContext, quotaColumns, type QuotaRow } from './columns';
import { CreateQuotaForm } from './create-quota-form';
import { EditQuotaDialog } from './edit-quota-dialog';
import { UnlimitedClients } from './unlimited-clients';

const REFRESH_MS = 5_000;
const rowId = (row: QuotaRow) => row.key;

/** The live measures, once a second over server-sent events, while the source can observe its clients. */
function useQuotaUsage(enabled: boolean) {
  const trpc = useTRPC();
  const subscription = useSubscription(trpc.quotas.usage.subscriptionOptions(undefined, { enabled }));
  let tone: StatusTone;
  let connection: string;
  switch (subscription.status) {
    case 'pending':
      [tone, connection] = ['ok', 'Live'];
      break;
    case 'connecting':
      [tone, connection] = subscription.data ? ['warning', 'Reconnecting…'] : ['pending', 'Connecting…'];
      break;
    case 'error':
      [tone, connection] = ['error', 'Disconnected'];
      break;
    case 'idle':
      [tone, connection] = ['idle', 'Paused'];
      break;
  }
  return { point: subscription.data ?? null, tone, connection };
}

/**
 * Quotas for everyone signed in, each beside what the broker measures of its clients; operators also create,
 * edit and delete them (the server checks the role on every change whatever this page offers).
 */
export function QuotaAdmin() {
  const trpc = useTRPC();
  const access = useRoleAccess('operator');
  const list = useQuery(
    trpc.quotas.list.queryOptions(undefined, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );
  const observable = list.data?.observable ?? false;
  const live = useQuotaUsage(observable);
  const [editing, setEditing] = useState<string | null>(null);
  const canChange = access.status === 'allowed';
  const usage = live.point?.usage ?? null;
  const context = useMemo(
    () => ({ observable, usage, edit: canChange ? setEditing : null }),
    [observable, usage, canChange],
  );
  const edited = list.data?.entries.find((row) => row.key === editing);

  if (list.isPending)
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading quotas…
      </p>
    );
  if (list.isError && !list.data) return <ApiError error={list.error} what="the quotas" />;

  return (
    <div className="flex flex-col gap-6">
      <Card
        title="Client quotas"
        aside={
          observable ? (
            <StatusIndicator tone={live.tone} label="Observed rates">
              {live.connection}
            </StatusIndicator>
          ) : undefined
        }
      >
        {!observable && (
          <p
            role="note"
            className="mb-4 rounded-lg border border-zinc-300 bg-zinc-50 p-3 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200"
          >
            Observed rates and throttle times are not shown: this console shows a remote Kafka cluster, and
            Kafka keeps them as broker metrics (JMX{' '}
            <code className="font-mono">kafka.server:type=Produce</code> and{' '}
            <code className="font-mono">type=Fetch</code>, per user and client-id), which no Kafka API
            returns.
          </p>
        )}
        <QuotaRowContext value={context}>
          <DataTable
            data={list.data.entries}
            columns={quotaColumns}
            getRowId={rowId}
            label="Client quotas"
            filterLabel="Filter quotas"
            rowNoun={['entity', 'entities']}
            scrollAreaClassName="max-h-[60vh]"
            emptyMessage="No client quotas: every client may use as much as the brokers give."
          />
        </QuotaRowContext>
        <p className={`mt-3 ${HINT_TEXT}`}>
          {observable &&
            "Observed: bytes a second over the broker's quota window (quota.window.num × quota.window.size.seconds), summed over the clients the quota holds; the throttle time is the longest of their mean throttle times over the last minute. "}
          {list.data.ipEntities > 0 &&
            `${list.data.ipEntities} IP ${list.data.ipEntities === 1 ? 'entity' : 'entities'} (connection_creation_rate) not shown: see sluice configs --entity-type ips. `}
          {list.isError
            ? `Refreshing failed (${list.error.message}); quotas as of ${formatTime(new Date(list.dataUpdatedAt))}.`
            : `Quotas as of ${formatTime(new Date(list.dataUpdatedAt))}.`}
        </p>
      </Card>
      {observable && <UnlimitedClients clients={usage?.unlimited ?? null} />}
      {canChange && <CreateQuotaForm />}
      {access.status === 'denied' && (
        <RoleRequired title="Operators change quotas">
          Creating, editing and deleting quotas needs the operator or admin role; {youAre(access.role)}.
        </RoleRequired>
      )}
      {edited && <EditQuotaDialog key={edited.key} row={edited} onClose={() => setEditing(null)} />}
    </div>
  );
}
