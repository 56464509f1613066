'use client';

import { useQuery } from '@tanstack/react-query';
import { Card, DataTable } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { formatCount, formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../_components/api-error';
import { useRoleAccess } from '../../../_components/role-access';
import { Tile } from '../../_overview/tile';
import { brokerColumns, type BrokerRow } from './columns';
import { Drills } from './drills';
import { Quorum } from './quorum';

/** Failures are noticed within a broker session timeout or two; the page keeps up with that. */
const REFRESH_MS = 2_000;
const brokerId = (broker: BrokerRow) => String(broker.nodeId);

export function BrokerList() {
  const trpc = useTRPC();
  const admin = useRoleAccess('admin');
  const list = useQuery(
    trpc.brokers.list.queryOptions(undefined, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );
  const drills = useQuery(
    trpc.brokers.drills.queryOptions(undefined, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );

  if (list.isPending) {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading the brokers…
      </p>
    );
  }
  if (list.isError && !list.data) return <ApiError error={list.error} what="the brokers" />;

  const data = list.data;
  const processes = drills.data?.processes ?? [];
  const rows: BrokerRow[] = data.brokers.map((broker) => ({
    ...broker,
    process: processes.find((p) => p.nodeId === broker.nodeId) ?? null,
  }));
  const alive = data.brokers.filter((b) => b.state === 'alive').length;
  const down = data.brokers.length - alive;
  return (
    <div className="flex max-w-7xl flex-col gap-6">
      <section aria-label="Brokers summary">
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Tile label="Alive">{formatCount(alive)}</Tile>
          <Tile label="Fenced or down" tone={down > 0 ? 'critical' : 'normal'}>
            {formatCount(down)}
          </Tile>
          <Tile label="Controller" tone={data.controllerId < 0 ? 'critical' : 'normal'}>
            {data.controllerId < 0 ? 'none' : `broker ${data.controllerId}`}
          </Tile>
          <Tile
            label="Replicas outside the ISR"
            tone={data.brokers.some((b) => b.outOfIsr > 0) ? 'attention' : 'normal'}
          >
            {formatCount(data.brokers.reduce((sum, b) => sum + b.outOfIsr, 0))}
          </Tile>
        </dl>
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          {list.isError
            ? `Refreshing failed (${list.error.message}); showing the brokers as of ${formatTime(new Date(list.dataUpdatedAt))}.`
            : `As of ${formatTime(new Date(list.dataUpdatedAt))}, refreshed every ${REFRESH_MS / 1000} s. `}
          Alive: listed by Metadata (registered, heartbeating, unfenced). Fenced or down: named by the quorum
          or a replica set but not live; Kafka&apos;s APIs do not tell a fenced broker from a stopped one.
        </p>
      </section>
      <Card title="Brokers">
        <DataTable
          data={rows}
          columns={brokerColumns}
          getRowId={brokerId}
          label="Brokers"
          filterLabel="Filter brokers"
          rowNoun={['broker', 'brokers']}
          initialSorting={[{ id: 'nodeId', desc: false }]}
          rowHeight={56}
          scrollAreaClassName="max-h-[60vh]"
          emptyMessage="The cluster reported no brokers."
        />
      </Card>
      <Quorum brokers={data} now={list.dataUpdatedAt} />
      {drills.data?.available && admin.status === 'allowed' && <Drills processes={processes} />}
    </div>
  );
}
