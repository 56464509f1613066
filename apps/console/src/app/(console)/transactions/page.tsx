import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { TransactionList } from './_components/transaction-list';

export const metadata: Metadata = { title: 'Transactions · Sluice console' };

export default function TransactionsPage() {
  return (
    <>
      <PageHeader
        title="Transactions"
        description="The open transactions at every transaction coordinator: their producer, partitions, state and age. One open longer than its timeout (or the cluster's transaction.max.timeout.ms) is hanging: it holds back the last stable offset of its partitions, and read_committed consumers with it, until it is aborted."
      />
      <TransactionList />
    </>
  );
}
