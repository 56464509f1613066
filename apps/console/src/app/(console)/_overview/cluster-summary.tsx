'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Card, DataTable } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { formatCount, formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../_components/api-error';
import { brokerColumns, type BrokerRow } from './broker-columns';
import { Tile } from './tile';

const REFRESH_MS = 10_000;
const brokerId = (broker: BrokerRow) => String(broker.nodeId);

/** The consumer groups figure: how many, and how many are not keeping up (any status but OK). */
function GroupsTile() {
  const trpc = useTRPC();
  // The same query as the groups page, so moving between the two shows the last answer at once.
  const groups = useQuery(
    trpc.groups.list.queryOptions(undefined, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );
  if (!groups.data) {
    return (
      <Tile
        label="Consumer groups"
        note={groups.isError ? `unavailable: ${groups.error.message}` : undefined}
      >
        —
      </Tile>
    );
  }
  const notOk = groups.data.filter((group) => group.status !== 'OK').length;
  return (
    <Tile
      label="Consumer groups"
      tone={notOk > 0 ? 'attention' : 'normal'}
      note={
        <Link
          href="/groups"
          className="underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
        >
          {groups.data.length === 0 ? 'none yet' : notOk === 0 ? 'all OK' : `${formatCount(notOk)} not OK`}
        </Link>
      }
    >
      {formatCount(groups.data.length)}
    </Tile>
  );
}

/** Cluster id, controller, brokers, topic and partition counts, partitions in trouble, consumer groups. */
export function ClusterSummary() {
  const trpc = useTRPC();
  const overview = useQuery(
    trpc.cluster.overview.queryOptions(undefined, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );

  if (overview.isPending) {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading the cluster…
      </p>
    );
  }
  if (overview.isError && !overview.data) return <ApiError error={overview.error} what="the cluster" />;

  const cluster = overview.data;
  const brokers: BrokerRow[] = cluster.brokers.map((broker) => ({
    ...broker,
    controller: broker.nodeId === cluster.controllerId,
  }));
  return (
    <>
      <section aria-label="Cluster">
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Tile label="Cluster id">
            <span className="font-mono text-sm">{cluster.clusterId}</span>
          </Tile>
          {/* Kafka answers -1 while no controller is elected. */}
          <Tile label="Controller" tone={cluster.controllerId < 0 ? 'critical' : 'normal'}>
            {cluster.controllerId < 0 ? 'none' : `broker ${cluster.controllerId}`}
          </Tile>
          <Tile label="Brokers">{formatCount(cluster.brokers.length)}</Tile>
          <GroupsTile />
          <Tile label="Topics">{formatCount(cluster.topics)}</Tile>
          <Tile label="Partitions">{formatCount(cluster.partitions)}</Tile>
          <Tile
            label="Under-replicated partitions"
            tone={cluster.underReplicatedPartitions > 0 ? 'attention' : 'normal'}
          >
            {formatCount(cluster.underReplicatedPartitions)}
          </Tile>
          <Tile label="Offline partitions" tone={cluster.offlinePartitions > 0 ? 'critical' : 'normal'}>
            {formatCount(cluster.offlinePartitions)}
          </Tile>
        </dl>
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          {overview.isError
            ? `Refreshing failed (${overview.error.message}); showing the cluster as of ${formatTime(new Date(overview.dataUpdatedAt))}.`
            : `As of ${formatTime(new Date(overview.dataUpdatedAt))}, refreshed every ${REFRESH_MS / 1000} s.`}
        </p>
      </section>
      <Card title="Brokers">
        <DataTable
          data={brokers}
          columns={brokerColumns}
          getRowId={brokerId}
          label="Brokers"
          filterLabel="Filter brokers"
          rowNoun={['broker', 'brokers']}
          initialSorting={[{ id: 'nodeId', desc: false }]}
          scrollAreaClassName="max-h-96"
          emptyMessage="The cluster reported no brokers."
        />
      </Card>
    </>
  );
}
