'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Card, DataTable } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { formatDuration, formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../_components/api-error';
import { HINT_TEXT } from '../../../_components/form-styles';
import { useRoleAccess, youAre } from '../../../_components/role-access';
import { AbortActionsContext, type AbortTarget } from './abort-action';
import { AbortTransactionDialog } from './abort-transaction-dialog';
import { transactionColumns, transactionRowId } from './columns';
import { hangingColumns, hangingRowId } from './hanging-columns';

const REFRESH_MS = 5_000;
/** The hanging search asks every partition's leader: less often than the coordinators' list. */
const HANGING_REFRESH_MS = 30_000;

const asOf = (query: { dataUpdatedAt: number; isError: boolean; error: { message: string } | null }) =>
  query.isError
    ? `Refreshing failed (${query.error?.message}); showing what was read at ${formatTime(new Date(query.dataUpdatedAt))}.`
    : `As of ${formatTime(new Date(query.dataUpdatedAt))}`;

/**
 * The open transactions at their coordinators, and the transactions hanging on partitions that no coordinator
 * knows there, for everyone signed in; operators and admins may abort either (the server checks the role
 * whatever this page offers).
 */
export function TransactionList() {
  const trpc = useTRPC();
  const access = useRoleAccess('operator');
  const list = useQuery(
    trpc.transactions.list.queryOptions(undefined, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );
  const hanging = useQuery(
    trpc.transactions.hanging.queryOptions(undefined, { refetchInterval: refreshEvery(HANGING_REFRESH_MS) }),
  );
  const [aborting, setAborting] = useState<AbortTarget | null>(null);
  const refusal =
    access.status === 'denied'
      ? `Aborting a transaction needs the operator or admin role; ${youAre(access.role)}.`
      : null;
  const actions = useMemo(
    () => ({ abort: access.status === 'allowed' ? setAborting : null, refusal }),
    [access.status, refusal],
  );

  const overTimeout = list.data?.transactions.filter((t) => t.hanging).length ?? 0;
  return (
    <AbortActionsContext value={actions}>
      <div className="flex flex-col gap-6">
        <Card title="Open transactions">
          {list.isPending && !list.data ? (
            <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
              Loading transactions…
            </p>
          ) : list.isError && !list.data ? (
            <ApiError error={list.error} what="the transactions" />
          ) : (
            <div className="flex flex-col gap-3">
              {overTimeout > 0 && (
                <p role="status" className="text-sm font-medium text-red-800 dark:text-red-300">
                  {overTimeout === 1 ? '1 transaction is hanging' : `${overTimeout} transactions are hanging`}
                  : open longer than the transaction timeout. Aborting one lets read_committed consumers of
                  its partitions move on.
                </p>
              )}
              <DataTable
                data={list.data.transactions}
                columns={transactionColumns}
                getRowId={transactionRowId}
                label="Open transactions"
                filterLabel="Filter transactions"
                rowNoun={['transaction', 'transactions']}
                initialSorting={[{ id: 'age', desc: true }]}
                emptyMessage="No open transactions. A transaction is listed from a transactional producer's first write in it until it commits or aborts."
              />
              <p className={HINT_TEXT}>
                {asOf(list)}, refreshed every {REFRESH_MS / 1000} s. transaction.max.timeout.ms is{' '}
                {list.data.maxTimeoutMs === null
                  ? "unknown (the console may not read the brokers' configs)"
                  : formatDuration(list.data.maxTimeoutMs / 1000, 2)}
                .
              </p>
            </div>
          )}
        </Card>

        <Card title="Hanging on partitions">
          <div className="flex flex-col gap-3">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Transactions open on a partition whose coordinator will never end them there (it does not list
              the partition, or does not know the producer), idle longer than transaction.max.timeout.ms: what
              kafka-transactions.sh find-hanging reports. Each holds its partition&apos;s LSO until it is
              aborted.
            </p>
            {hanging.isPending && !hanging.data ? (
              <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
                Asking every partition&apos;s leader…
              </p>
            ) : hanging.isError && !hanging.data ? (
              <ApiError error={hanging.error} what="the hanging transactions" />
            ) : (
              <>
                <DataTable
                  data={hanging.data.transactions}
                  columns={hangingColumns}
                  getRowId={hangingRowId}
                  label="Hanging transactions"
                  filterLabel="Filter hanging transactions"
                  rowNoun={['hanging transaction', 'hanging transactions']}
                  initialSorting={[{ id: 'lastTimestamp', desc: false }]}
                  emptyMessage="No hanging transactions."
                />
                <p className={HINT_TEXT}>
                  {asOf(hanging)}, refreshed every {HANGING_REFRESH_MS / 1000} s.
                </p>
              </>
            )}
          </div>
        </Card>

        {refusal && <p className={HINT_TEXT}>{refusal}</p>}
        {aborting && (
          <AbortTransactionDialog
            key={`${aborting.producerId}:${aborting.partitions.map((p) => `${p.topic}-${p.partition}`).join(',')}`}
            transaction={aborting}
            onClose={() => setAborting(null)}
          />
        )}
      </div>
    </AbortActionsContext>
  );
}
