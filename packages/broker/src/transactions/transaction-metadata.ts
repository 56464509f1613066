/**
 * The state of one transactional id as Kafka's TransactionMetadata keeps it: its producer id and epoch, the
 * partitions of its current transaction, and where that transaction is in its life:
 *
 *   Empty ──AddPartitions──▶ Ongoing ──EndTxn(commit)──▶ PrepareCommit ──markers written──▶ CompleteCommit
 *                               │    ──EndTxn(abort)/timeout/fence──▶ PrepareAbort ──markers──▶ CompleteAbort
 *   Complete* ──AddPartitions──▶ Ongoing;   Empty/Complete* ──InitProducerId──▶ Empty (epoch bumped);
 *   Empty/Complete* ──expiration──▶ Dead (a tombstone).
 *
 * Invariants:
 * - a state change is first written to __transaction_state (as a TransitMetadata: the whole next state) and
 *   takes effect in memory only once that write is committed; while one is in flight, `pending` names its
 *   target and every other request for the id is answered CONCURRENT_TRANSACTIONS;
 * - `partitions` is empty in Empty and Complete*; the transaction start time is -1 there too;
 * - the producer epoch only grows for a given producer id; a new producer id starts at epoch 0.
 */
import type { TransactionLogValue } from '@sluice/protocol';

/** Kafka's TransactionState ids, as stored in TransactionLogValue.TransactionStatus. */
export const TxnState = {
  Empty: 0,
  Ongoing: 1,
  PrepareCommit: 2,
  PrepareAbort: 3,
  CompleteCommit: 4,
  CompleteAbort: 5,
  Dead: 6,
  PrepareEpochFence: 7,
} as const;
export type TxnStateId = (typeof TxnState)[keyof typeof TxnState];

/** The names DescribeTransactions and ListTransactions use (Kafka's TransactionState.name). */
export const TXN_STATE_NAMES: Record<TxnStateId, string> = {
  0: 'Empty',
  1: 'Ongoing',
  2: 'PrepareCommit',
  3: 'PrepareAbort',
  4: 'CompleteCommit',
  5: 'CompleteAbort',
  6: 'Dead',
  7: 'PrepareEpochFence',
};

export function txnStateByName(name: string): TxnStateId | undefined {
  const entry = Object.entries(TXN_STATE_NAMES).find(([, n]) => n === name);
  return entry ? (Number(entry[0]) as TxnStateId) : undefined;
}

/** Kafka's TransactionMetadata.validPreviousStates: where each state may be entered from. */
const VALID_PREVIOUS: Record<TxnStateId, readonly TxnStateId[]> = {
  [TxnState.Empty]: [TxnState.Empty, TxnState.CompleteCommit, TxnState.CompleteAbort],
  [TxnState.Ongoing]: [TxnState.Ongoing, TxnState.Empty, TxnState.CompleteCommit, TxnState.CompleteAbort],
  [TxnState.PrepareCommit]: [TxnState.Ongoing],
  [TxnState.PrepareAbort]: [TxnState.Ongoing, TxnState.PrepareEpochFence],
  [TxnState.CompleteCommit]: [TxnState.PrepareCommit],
  [TxnState.CompleteAbort]: [TxnState.PrepareAbort],
  [TxnState.Dead]: [TxnState.Empty, TxnState.CompleteCommit, TxnState.CompleteAbort],
  [TxnState.PrepareEpochFence]: [TxnState.Ongoing],
};

/** No epoch yet (RecordBatch.NO_PRODUCER_EPOCH). */
export const NO_PRODUCER_EPOCH = -1;
export const NO_PRODUCER_ID = -1n;
/** An epoch this high cannot be bumped again: the producer gets a new producer id (Kafka's isEpochExhausted). */
export function isEpochExhausted(epoch: number): boolean {
  return epoch >= 32767 - 1;
}

/** A partition of a transaction, as "topic:partition" keys are awkward for topics with ':' in their names. */
export interface TxnPartition {
  topic: string;
  partition: number;
}

export function partitionKey({ topic, partition }: TxnPartition): string {
  return `${partition} ${topic}`;
}

/** The whole next state of a transactional id, as written to the log before it takes effect. */
export interface TransitMetadata {
  producerId: bigint;
  previousProducerId: bigint;
  producerEpoch: number;
  lastProducerEpoch: number;
  timeoutMs: number;
  state: TxnStateId;
  partitions: Map<string, TxnPartition>;
  startTimestamp: number;
  lastUpdateTimestamp: number;
}

export class TransactionMetadata implements TransitMetadata {
  producerId: bigint;
  previousProducerId: bigint;
  producerEpoch: number;
  lastProducerEpoch: number;
  timeoutMs: number;
  state: TxnStateId;
  partitions: Map<string, TxnPartition>;
  startTimestamp: number;
  lastUpdateTimestamp: number;
  /** The state a write in flight moves to; null when none is. */
  pending: TxnStateId | null = null;

  constructor(
    readonly transactionalId: string,
    init: TransitMetadata,
  ) {
    this.producerId = init.producerId;
    this.previousProducerId = init.previousProducerId;
    this.producerEpoch = init.producerEpoch;
    this.lastProducerEpoch = init.lastProducerEpoch;
    this.timeoutMs = init.timeoutMs;
    this.state = init.state;
    this.partitions = new Map(init.partitions);
    this.startTimestamp = init.startTimestamp;
    this.lastUpdateTimestamp = init.lastUpdateTimestamp;
  }

  /** The current state as a transit to change. */
  snapshot(): TransitMetadata {
    return {
      producerId: this.producerId,
      previousProducerId: this.previousProducerId,
      producerEpoch: this.producerEpoch,
      lastProducerEpoch: this.lastProducerEpoch,
      timeoutMs: this.timeoutMs,
      state: this.state,
      partitions: new Map(this.partitions),
      startTimestamp: this.startTimestamp,
      lastUpdateTimestamp: this.lastUpdateTimestamp,
    };
  }

  /** Marks a transition as in flight; throws when the state machine does not allow it (a coordinator bug). */
  prepareTransition(target: TransitMetadata): TransitMetadata {
    if (this.pending !== null && this.pending !== TxnState.PrepareEpochFence)
      throw new Error(
        `${this.transactionalId}: a transition to ${TXN_STATE_NAMES[this.pending]} is in flight`,
      );
    if (!VALID_PREVIOUS[target.state].includes(this.state))
      throw new Error(
        `${this.transactionalId}: cannot go from ${TXN_STATE_NAMES[this.state]} to ${TXN_STATE_NAMES[target.state]}`,
      );
    this.pending = target.state;
    return target;
  }

  /** The written transition takes effect. */
  completeTransition(target: TransitMetadata): void {
    this.producerId = target.producerId;
    this.previousProducerId = target.previousProducerId;
    this.producerEpoch = target.producerEpoch;
    this.lastProducerEpoch = target.lastProducerEpoch;
    this.timeoutMs = target.timeoutMs;
    this.state = target.state;
    this.partitions = new Map(target.partitions);
    this.startTimestamp = target.startTimestamp;
    this.lastUpdateTimestamp = target.lastUpdateTimestamp;
    this.pending = null;
  }

  /** The write failed: nothing changes (the epoch a fence meant to bump is bumped again next time). */
  abortTransition(): void {
    this.pending = null;
  }

  get isPrepared(): boolean {
    return this.state === TxnState.PrepareCommit || this.state === TxnState.PrepareAbort;
  }
}

/** The record value written for a transit (TransactionLogValue v0). */
export function toLogValue(target: TransitMetadata): TransactionLogValue {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of target.partitions.values()) {
    const list = byTopic.get(topic) ?? [];
    list.push(partition);
    byTopic.set(topic, list);
  }
  return {
    producerId: target.producerId,
    previousProducerId: target.previousProducerId,
    nextProducerId: -1n,
    producerEpoch: target.producerEpoch,
    transactionTimeoutMs: target.timeoutMs,
    transactionStatus: target.state,
    transactionPartitions: [...byTopic].map(([topic, partitionIds]) => ({
      topic,
      partitionIds: partitionIds.sort((a, b) => a - b),
    })),
    transactionLastUpdateTimestampMs: BigInt(target.lastUpdateTimestamp),
    transactionStartTimestampMs: BigInt(target.startTimestamp),
    clientTransactionVersion: 0,
  };
}

/** The state a loaded record describes. */
export function fromLogValue(value: TransactionLogValue): TransitMetadata {
  const partitions = new Map<string, TxnPartition>();
  for (const { topic, partitionIds } of value.transactionPartitions ?? [])
    for (const partition of partitionIds)
      partitions.set(partitionKey({ topic, partition }), { topic, partition });
  const state = value.transactionStatus as TxnStateId;
  return {
    producerId: value.producerId,
    previousProducerId: value.previousProducerId,
    producerEpoch: value.producerEpoch,
    lastProducerEpoch: NO_PRODUCER_EPOCH,
    timeoutMs: value.transactionTimeoutMs,
    state,
    partitions,
    startTimestamp: Number(value.transactionStartTimestampMs),
    lastUpdateTimestamp: Number(value.transactionLastUpdateTimestampMs),
  };
}
