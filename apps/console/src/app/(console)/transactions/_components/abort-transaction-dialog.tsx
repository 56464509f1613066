'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import { ConfirmDialog } from '../../../_components/confirm-dialog';
import type { AbortTarget } from './abort-action';
import { partitionText } from './columns';

/**
 * Aborts a transaction on each of its partitions (an ABORT marker at each leader, as kafka-transactions.sh
 * abort), after a second step.
 */
export function AbortTransactionDialog({
  transaction,
  onClose,
}: {
  transaction: AbortTarget;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const abort = useMutation(trpc.transactions.abort.mutationOptions());

  async function confirm() {
    await abort.mutateAsync({
      transactionalId: transaction.transactionalId,
      producerId: transaction.producerId,
      partitions: transaction.partitions,
    });
    await queryClient.invalidateQueries({ queryKey: trpc.transactions.list.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.transactions.hanging.queryKey() });
  }

  return (
    <ConfirmDialog
      title={
        transaction.transactionalId === null
          ? `Abort the hanging transaction of producer ${transaction.producerId}?`
          : `Abort transaction ${transaction.transactionalId}?`
      }
      confirmLabel="Abort transaction"
      pendingLabel="Aborting…"
      onConfirm={confirm}
      onClose={onClose}
    >
      <p>
        Writes an ABORT marker for producer <span className="font-mono">{transaction.producerId}</span> (epoch{' '}
        {transaction.producerEpoch}) on{' '}
        <span className="font-mono">{transaction.partitions.map(partitionText).join(', ')}</span>: its records
        there are discarded for read_committed consumers and the last stable offset moves on. The producer, if
        it is still alive, fails its next write to them.
      </p>
    </ConfirmDialog>
  );
}
