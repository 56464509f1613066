'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { DataTable } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { formatDuration, formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../_components/api-error';
import { HINT_TEXT } from '../../../_components/form-styles';
import { useRoleAccess, youAre } from '../../../_components/role-access';
import { AbortTransactionDialog } from './abort-transaction-dialog';
import {
  TransactionActionsContext,
  transactionColumns,
  transactionRowId,
  type TransactionRow,
} from './columns';

const REFRESH_MS = 5_000;

/**
 * The open transactions for everyone signed in; operators and admins may abort one (the server checks the role
 * whatever this page offers).
 */
export function TransactionList() {
  const trpc = useTRPC();
  const access = useRoleAccess('operator');
  const list = useQuery(
    trpc.transactions.list.queryOptions(undefined, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );
  const [aborting, setAborting] = useState<TransactionRow | null>(null);
  const actions = useMemo(
    () => ({
      abort: access.status === 'allowed' ? setAborting : null,
      refusal:
        access.status === 'denied'
          ? `Aborting a transaction needs the operator or admin role; ${youAre(access.role)}.`
          : null,
    }),
    [access],
  );

  if (list.isPending && !list.data)
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading transactions…
      </p>
    );
  if (list.isError && !list.data) return <ApiError error={list.error} what="the transactions" />;

  const hanging = list.data.transactions.filter((t) => t.hanging).length;
  return (
    <div className="flex flex-col gap-3">
      {hanging > 0 && (
        <p role="status" className="text-sm font-medium text-red-800 dark:text-red-300">
          {hanging === 1 ? '1 transaction is hanging' : `${hanging} transactions are hanging`}: open longer
          than the transaction timeout. Aborting one lets read_committed consumers of its partitions move on.
        </p>
      )}
      <TransactionActionsContext value={actions}>
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
      </TransactionActionsContext>
      <p className={HINT_TEXT}>
        {list.isError
          ? `Refreshing failed (${list.error.message}); showing the transactions as of ${formatTime(new Date(list.dataUpdatedAt))}.`
          : `As of ${formatTime(new Date(list.dataUpdatedAt))}, refreshed every ${REFRESH_MS / 1000} s. ` +
            `transaction.max.timeout.ms is ${formatDuration(list.data.maxTimeoutMs / 1000, 2)}.`}
      </p>
      {actions.refusal && <p className={HINT_TEXT}>{actions.refusal}</p>}
      {aborting && (
        <AbortTransactionDialog
          key={transactionRowId(aborting)}
          transaction={aborting}
          onClose={() => setAborting(null)}
        />
      )}
    </div>
  );
}
