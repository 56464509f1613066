'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Card, DataTable } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../../_components/api-error';
import { INPUT, LABEL_TEXT } from '../../../../_components/form-styles';
import { producerColumns, producerId } from './producer-columns';

const REFRESH_MS = 5_000;

/**
 * The producers a partition's leader keeps state for (DescribeProducers): their epoch and last sequence, and
 * where each one's open transaction started, which is what holds the partition's LSO back.
 */
export function PartitionProducers({ topic, partitions }: { topic: string; partitions: number[] }) {
  const trpc = useTRPC();
  const id = useId();
  const [partition, setPartition] = useState(partitions[0] ?? 0);
  const producers = useQuery(
    trpc.transactions.producers.queryOptions(
      { topic, partition },
      { refetchInterval: refreshEvery(REFRESH_MS) },
    ),
  );
  return (
    <Card title="Producers">
      <div className="flex flex-col gap-3">
        <div className="flex w-48 flex-col gap-1">
          <label htmlFor={`${id}-partition`} className={LABEL_TEXT}>
            Partition
          </label>
          <select
            id={`${id}-partition`}
            value={partition}
            onChange={(event) => setPartition(Number(event.target.value))}
            className={INPUT}
          >
            {partitions.map((p) => (
              <option key={p} value={p}>
                Partition {p}
              </option>
            ))}
          </select>
        </div>
        {producers.isError && !producers.data ? (
          <ApiError error={producers.error} what="the partition's producers" />
        ) : (
          <DataTable
            data={producers.data ?? []}
            columns={producerColumns}
            getRowId={producerId}
            label="Producers"
            filterLabel="Filter producers"
            rowNoun={['producer', 'producers']}
            scrollAreaClassName="max-h-[40vh]"
            emptyMessage={
              producers.isPending
                ? 'Reading…'
                : 'No producer state: no idempotent or transactional producer has written here lately.'
            }
          />
        )}
      </div>
    </Card>
  );
}
