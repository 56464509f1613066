'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState, type ReactNode } from 'react';
import { Card, DataTable } from '@sluice/ui';
import { apiErrorCode, refreshEvery } from '~/lib/api-errors';
import { formatCount, formatRecords, formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../../_components/api-error';
import { operatorRoleNeeded, useOperatorAccess } from '../../_components/operator-access';
import { formatBytes } from '../../_components/topic-format';
import { UnderReplicatedBadge } from '../../_components/under-replicated-badge';
import { ConfigActionsContext, configColumns, type ConfigRow } from './config-columns';
import { ConfigDialog } from './config-dialog';
import { consumerColumns, type ConsumerRow } from './consumer-columns';
import { DeleteRecords } from './delete-records';
import { DeleteTopic } from './delete-topic';
import { partitionColumns, type PartitionRow } from './partition-columns';
import { PartitionProducers } from './partition-producers';

const REFRESH_MS = 5_000;
const partitionId = (p: PartitionRow) => String(p.partition);
const configId = (c: ConfigRow) => c.name;
const consumerId = (c: ConsumerRow) => c.groupId;

function Tile({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums">{children}</dd>
    </div>
  );
}

function NotFound({ topic }: { topic: string }) {
  return (
    <div role="alert" className="max-w-2xl text-sm">
      <p className="font-semibold break-words">The cluster has no topic named {topic}.</p>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
        It may have been deleted, or its name mistyped.{' '}
        <Link href="/topics" className="font-medium text-sky-800 underline dark:text-sky-300">
          All topics
        </Link>
      </p>
    </div>
  );
}

/**
 * The topic's summary, partitions, configs and consumers, then `sections` (the cluster's reassignment and ISR
 * timeline), then the danger zone, which stays last.
 */
export function TopicDetail({ topic, sections }: { topic: string; sections?: ReactNode }) {
  const trpc = useTRPC();
  const access = useOperatorAccess();
  const detail = useQuery(
    trpc.topics.detail.queryOptions({ topic }, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );
  const [openConfig, setOpenConfig] = useState<string | null>(null);
  const canEdit = access.status === 'allowed';
  const configActions = useMemo(() => ({ open: setOpenConfig, canEdit }), [canEdit]);

  if (detail.isPending) {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading the topic…
      </p>
    );
  }
  if (detail.isError && !detail.data) {
    if (apiErrorCode(detail.error) === 'NOT_FOUND') return <NotFound topic={topic} />;
    return <ApiError error={detail.error} what="the topic" />;
  }

  const data = detail.data;
  const dialogConfig = openConfig === null ? undefined : data.configs.find((c) => c.name === openConfig);
  return (
    <div className="flex flex-col gap-6">
      <section aria-label="Summary">
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <Tile label="Partitions">{formatCount(data.partitions.length)}</Tile>
          <Tile label="Replication factor">{data.replicationFactor}</Tile>
          <Tile label="Records">{formatRecords(data.records)}</Tile>
          <Tile label="Size">{data.sizeBytes === null ? '—' : formatBytes(data.sizeBytes)}</Tile>
          <Tile label="Under-replicated">
            <UnderReplicatedBadge count={data.underReplicatedPartitions} />
          </Tile>
          <Tile label="Consumer groups">{formatCount(data.consumers.length)}</Tile>
        </dl>
        <p className="mt-2 text-xs break-all text-zinc-600 dark:text-zinc-400">
          {data.internal ? 'Internal topic · ' : ''}topic id <span className="font-mono">{data.topicId}</span>
          {' · '}
          {detail.isError
            ? `refreshing failed (${detail.error.message}); showing the topic as of ${formatTime(new Date(detail.dataUpdatedAt))}`
            : `as of ${formatTime(new Date(detail.dataUpdatedAt))}, refreshed every ${REFRESH_MS / 1000} s`}
        </p>
      </section>

      <Card title="Partitions">
        <DataTable
          data={data.partitions}
          columns={partitionColumns}
          getRowId={partitionId}
          label="Partitions"
          filterLabel="Filter partitions"
          rowNoun={['partition', 'partitions']}
          scrollAreaClassName="max-h-[60vh]"
          emptyMessage="The topic has no partitions."
        />
      </Card>

      <PartitionProducers topic={topic} partitions={data.partitions.map((p) => p.partition)} />

      <Card title="Configs">
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          TOPIC_CONFIG is set on this topic; other sources are the broker’s settings or Kafka’s defaults.
          Hover a name for its documentation, or open {canEdit ? 'Edit' : 'Details'} to read it in full
          {canEdit ? ', change the value or reset it to the default' : ''}.
        </p>
        <ConfigActionsContext value={configActions}>
          <DataTable
            data={data.configs}
            columns={configColumns}
            getRowId={configId}
            label="Configs"
            filterLabel="Filter configs"
            rowNoun={['config', 'configs']}
            scrollAreaClassName="max-h-[60vh]"
            emptyMessage="The cluster reported no configs for this topic."
          />
        </ConfigActionsContext>
        {dialogConfig && (
          <ConfigDialog
            key={dialogConfig.name}
            topic={topic}
            config={dialogConfig}
            canEdit={canEdit}
            onClose={() => setOpenConfig(null)}
          />
        )}
      </Card>

      <Card title="Consumers">
        <DataTable
          data={data.consumers}
          columns={consumerColumns}
          getRowId={consumerId}
          label="Consumer groups"
          filterLabel="Filter groups"
          rowNoun={['group', 'groups']}
          scrollAreaClassName="max-h-[40vh]"
          emptyMessage="No consumer group has committed offsets for this topic."
        />
      </Card>

      {sections}
      {access.status === 'allowed' && (
        <section
          aria-labelledby="danger-zone"
          className="flex flex-col gap-6 rounded-xl border border-red-300 bg-white p-5 dark:border-red-900 dark:bg-zinc-900"
        >
          <h2 id="danger-zone" className="text-base font-semibold text-red-800 dark:text-red-300">
            Danger zone
          </h2>
          <DeleteRecords topic={topic} partitions={data.partitions} />
          <hr className="border-zinc-200 dark:border-zinc-800" />
          <DeleteTopic topic={topic} />
        </section>
      )}
      {access.status === 'denied' && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {operatorRoleNeeded('Changing configs, deleting records or deleting the topic', access.role)}
        </p>
      )}
    </div>
  );
}
