/**
 * The transaction coordinator on a real broker, request by request, with Kafka's error codes: FindCoordinator for
 * transactional ids, InitProducerId and its fencing (KIP-360 included), AddPartitionsToTxn's checks, EndTxn in
 * every state, DescribeTransactions and ListTransactions, TxnOffsetCommit with OffsetFetch require_stable,
 * aborting timed-out transactions, and the coordinator's state after a broker is killed. Real clients are in
 * transactions-clients.test.ts and transactions-eos.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode, ZERO_UUID, encodeRecordBatch } from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';

const TRANSACTION_KEY = 1;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('transaction coordinator on a real broker', () => {
  let broker: BrokerProcess;
  let client: KafkaConnection;

  const initProducerId = (
    transactionalId: string,
    timeoutMs = 60_000,
    expected?: { id: bigint; epoch: number },
  ) =>
    client.request(ApiKey.InitProducerId, {
      transactionalId,
      transactionTimeoutMs: timeoutMs,
      producerId: expected?.id ?? -1n,
      producerEpoch: expected?.epoch ?? -1,
    });

  /** InitProducerId, retried while the coordinator finishes aborting a fenced transaction, as clients do. */
  const initUntilDone = (transactionalId: string, timeoutMs = 60_000) =>
    until(`InitProducerId(${transactionalId})`, async () => {
      const response = await initProducerId(transactionalId, timeoutMs);
      if (response.errorCode === ErrorCode.CONCURRENT_TRANSACTIONS) return undefined;
      return response;
    });

  const addPartitions = (
    transactionalId: string,
    producerId: bigint,
    producerEpoch: number,
    topics: { name: string; partitions: number[] }[],
    version = 3,
  ) =>
    client.send(ApiKey.AddPartitionsToTxn, version, {
      transactions: [],
      v3AndBelowTransactionalId: transactionalId,
      v3AndBelowProducerId: producerId,
      v3AndBelowProducerEpoch: producerEpoch,
      v3AndBelowTopics: topics,
    });

  const endTxn = (transactionalId: string, producerId: bigint, producerEpoch: number, committed: boolean) =>
    client.request(ApiKey.EndTxn, { transactionalId, producerId, producerEpoch, committed });

  const describeTxn = async (transactionalId: string) =>
    (await client.request(ApiKey.DescribeTransactions, { transactionalIds: [transactionalId] }))
      .transactionStates[0]!;

  const produceTxn = async (
    transactionalId: string,
    topic: string,
    producerId: bigint,
    producerEpoch: number,
    baseSequence: number,
    values: string[],
  ) => {
    const records = await encodeRecordBatch({
      records: values.map((v) => ({ key: null, value: Buffer.from(v), timestamp: BigInt(Date.now()) })),
      producerId,
      producerEpoch,
      baseSequence,
      isTransactional: true,
    });
    const response = await client.request(ApiKey.Produce, {
      transactionalId,
      acks: -1,
      timeoutMs: 5000,
      topicData: [{ name: topic, partitionData: [{ index: 0, records }] }],
    });
    return response.responses[0]!.partitionResponses[0]!;
  };

  const createTopic = async (name: string) => {
    const created = await client.request(ApiKey.CreateTopics, {
      topics: [{ name, numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }],
      timeoutMs: 10_000,
      validateOnly: false,
    });
    assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE);
  };

  before(async () => {
    broker = await startBroker({
      configs: {
        'transaction.abort.timed.out.transaction.cleanup.interval.ms': '200',
        'transaction.max.timeout.ms': '120000',
        'transaction.state.log.num.partitions': '5',
      },
    });
    client = await KafkaConnection.connect('127.0.0.1', broker.port, 'txn-test', 20_000);
    await createTopic('payments');
    await createTopic('audit');
  });

  after(async () => {
    client?.close();
    await broker?.stop();
  });

  it('FindCoordinator names this broker for a transactional id, creating __transaction_state; an empty id is INVALID_REQUEST', async () => {
    const found = await client.send(ApiKey.FindCoordinator, 4, {
      key: '',
      keyType: TRANSACTION_KEY,
      coordinatorKeys: ['tx-a', ''],
    });
    assert.deepEqual(
      found.coordinators.map((c) => [c.key, c.errorCode, c.port]),
      [
        ['tx-a', ErrorCode.NONE, broker.port],
        ['', ErrorCode.INVALID_REQUEST, -1],
      ],
    );
    const metadata = await client.request(ApiKey.Metadata, {
      topics: [{ name: '__transaction_state', topicId: ZERO_UUID }],
      allowAutoTopicCreation: false,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: false,
    });
    assert.equal(metadata.topics[0]!.errorCode, ErrorCode.NONE);
    assert.equal(metadata.topics[0]!.partitions.length, 5);
    assert.equal(metadata.topics[0]!.isInternal, true);
  });

  it('InitProducerId: a timeout outside (0, transaction.max.timeout.ms] is INVALID_TRANSACTION_TIMEOUT; each init bumps the epoch of one producer id', async () => {
    assert.equal((await initProducerId('tx-init', 0)).errorCode, ErrorCode.INVALID_TRANSACTION_TIMEOUT);
    assert.equal((await initProducerId('tx-init', 120_001)).errorCode, ErrorCode.INVALID_TRANSACTION_TIMEOUT);
    const first = await initProducerId('tx-init');
    assert.equal(first.errorCode, ErrorCode.NONE);
    assert.equal(first.producerEpoch, 0);
    const second = await initProducerId('tx-init');
    assert.deepEqual([second.errorCode, second.producerId, second.producerEpoch], [0, first.producerId, 1]);
    // KIP-360: a producer naming an id that is not this transactional id's is fenced.
    const stranger = await initProducerId('tx-init', 60_000, { id: first.producerId + 1000n, epoch: 0 });
    assert.equal(stranger.errorCode, ErrorCode.PRODUCER_FENCED);
    // ... and one naming its current id and epoch gets the next epoch.
    const recovered = await initProducerId('tx-init', 60_000, { id: first.producerId, epoch: 1 });
    assert.deepEqual([recovered.errorCode, recovered.producerEpoch], [0, 2]);
  });

  it('AddPartitionsToTxn: wrong producer id, stale epoch (PRODUCER_FENCED from v2, INVALID_PRODUCER_EPOCH before), unknown partitions', async () => {
    const { producerId, producerEpoch } = await initProducerId('tx-add');
    const code = (response: Awaited<ReturnType<typeof addPartitions>>) =>
      response.resultsByTopicV3AndBelow.flatMap((t) => t.resultsByPartition.map((p) => p.partitionErrorCode));
    assert.deepEqual(
      code(
        await addPartitions('tx-add', producerId + 1n, producerEpoch, [
          { name: 'payments', partitions: [0] },
        ]),
      ),
      [ErrorCode.INVALID_PRODUCER_ID_MAPPING],
    );
    assert.deepEqual(
      code(
        await addPartitions('tx-add', producerId, producerEpoch - 1, [{ name: 'payments', partitions: [0] }]),
      ),
      [ErrorCode.PRODUCER_FENCED],
    );
    assert.deepEqual(
      code(
        await addPartitions(
          'tx-add',
          producerId,
          producerEpoch - 1,
          [{ name: 'payments', partitions: [0] }],
          1,
        ),
      ),
      [ErrorCode.INVALID_PRODUCER_EPOCH],
    );
    assert.deepEqual(
      code(
        await addPartitions('tx-add', producerId, producerEpoch, [
          { name: 'payments', partitions: [0, 7] },
          { name: 'no-such-topic', partitions: [0] },
        ]),
      ),
      [
        ErrorCode.OPERATION_NOT_ATTEMPTED,
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      ],
    );
    // Nothing was added by the refused requests: the id has no open transaction.
    assert.equal((await describeTxn('tx-add')).transactionState, 'Empty');
  });

  it('a transaction from AddPartitionsToTxn to CompleteCommit, as DescribeTransactions and ListTransactions show it; EndTxn in every state', async () => {
    const { producerId, producerEpoch } = await initProducerId('tx-flow');
    assert.equal(
      (await endTxn('tx-flow', producerId, producerEpoch, true)).errorCode,
      ErrorCode.INVALID_TXN_STATE,
      'nothing to commit in Empty',
    );
    const added = await addPartitions('tx-flow', producerId, producerEpoch, [
      { name: 'payments', partitions: [0] },
      { name: 'audit', partitions: [1, 0] },
    ]);
    assert.ok(
      added.resultsByTopicV3AndBelow.every((t) =>
        t.resultsByPartition.every((p) => p.partitionErrorCode === 0),
      ),
    );
    assert.equal(
      (await produceTxn('tx-flow', 'payments', producerId, producerEpoch, 0, ['p1', 'p2'])).errorCode,
      ErrorCode.NONE,
    );

    const ongoing = await describeTxn('tx-flow');
    assert.equal(ongoing.transactionState, 'Ongoing');
    assert.deepEqual(
      [ongoing.producerId, ongoing.producerEpoch, ongoing.transactionTimeoutMs],
      [producerId, producerEpoch, 60_000],
    );
    assert.ok(ongoing.transactionStartTimeMs > 0n);
    assert.deepEqual(ongoing.topics, [
      { topic: 'audit', partitions: [0, 1] },
      { topic: 'payments', partitions: [0] },
    ]);
    const listed = await client.request(ApiKey.ListTransactions, {
      stateFilters: ['Ongoing', 'Bogus'],
      producerIdFilters: [],
      durationFilter: -1n,
    });
    assert.deepEqual(listed.unknownStateFilters, ['Bogus']);
    assert.ok(
      listed.transactionStates.some((t) => t.transactionalId === 'tx-flow' && t.producerId === producerId),
    );
    assert.ok(listed.transactionStates.every((t) => t.transactionState === 'Ongoing'));

    assert.equal(
      (await endTxn('tx-flow', producerId, producerEpoch - 1, true)).errorCode,
      ErrorCode.PRODUCER_FENCED,
    );
    assert.equal((await endTxn('tx-flow', producerId, producerEpoch, true)).errorCode, ErrorCode.NONE);
    const complete = await until('CompleteCommit', async () => {
      const state = await describeTxn('tx-flow');
      return state.transactionState === 'CompleteCommit' ? state : undefined;
    });
    assert.deepEqual(complete.topics, [], 'a completed transaction has no partitions');
    assert.equal(complete.transactionStartTimeMs, -1n);
    assert.equal(
      (await endTxn('tx-flow', producerId, producerEpoch, true)).errorCode,
      ErrorCode.NONE,
      'a retried commit',
    );
    assert.equal(
      (await endTxn('tx-flow', producerId, producerEpoch, false)).errorCode,
      ErrorCode.INVALID_TXN_STATE,
    );
    const unknown = await describeTxn('tx-never-initialized');
    assert.equal(unknown.errorCode, ErrorCode.TRANSACTIONAL_ID_NOT_FOUND);
  });

  it('a second InitProducerId fences the producer of an open transaction: it is aborted with a bumped epoch, and the old epoch is refused everywhere', async () => {
    const old = await initProducerId('tx-zombie');
    await addPartitions('tx-zombie', old.producerId, old.producerEpoch, [
      { name: 'payments', partitions: [1] },
    ]);
    const firstWrite = await client.request(ApiKey.Produce, {
      transactionalId: 'tx-zombie',
      acks: -1,
      timeoutMs: 5000,
      topicData: [
        {
          name: 'payments',
          partitionData: [
            {
              index: 1,
              records: await encodeRecordBatch({
                records: [{ key: null, value: Buffer.from('zombie'), timestamp: BigInt(Date.now()) }],
                producerId: old.producerId,
                producerEpoch: old.producerEpoch,
                baseSequence: 0,
                isTransactional: true,
              }),
            },
          ],
        },
      ],
    });
    assert.equal(firstWrite.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE);
    const fencing = await initProducerId('tx-zombie');
    assert.equal(
      fencing.errorCode,
      ErrorCode.CONCURRENT_TRANSACTIONS,
      'the open transaction is aborted first',
    );
    const fresh = await initUntilDone('tx-zombie');
    assert.equal(fresh.producerId, old.producerId);
    assert.equal(
      fresh.producerEpoch,
      old.producerEpoch + 2,
      'one bump for the abort marker, one for the new producer',
    );
    assert.equal((await describeTxn('tx-zombie')).transactionState, 'Empty');
    assert.equal(
      (await endTxn('tx-zombie', old.producerId, old.producerEpoch, true)).errorCode,
      ErrorCode.PRODUCER_FENCED,
    );
    const late = await client.request(ApiKey.Produce, {
      transactionalId: 'tx-zombie',
      acks: -1,
      timeoutMs: 5000,
      topicData: [
        {
          name: 'payments',
          partitionData: [
            {
              index: 1,
              records: await encodeRecordBatch({
                records: [{ key: null, value: Buffer.from('zombie-late'), timestamp: BigInt(Date.now()) }],
                producerId: old.producerId,
                producerEpoch: old.producerEpoch,
                baseSequence: 1,
                isTransactional: true,
              }),
            },
          ],
        },
      ],
    });
    assert.equal(late.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
  });

  it('verifies a first transactional write with the coordinator (KIP-890): a partition outside the transaction is refused, INVALID_TXN_STATE before Produce v11 and TRANSACTION_ABORTABLE from it', async () => {
    const { producerId, producerEpoch } = await initProducerId('tx-verify');
    await addPartitions('tx-verify', producerId, producerEpoch, [{ name: 'audit', partitions: [0] }]);
    const write = async (topic: string, version: number) => {
      const records = await encodeRecordBatch({
        records: [{ key: null, value: Buffer.from('v'), timestamp: BigInt(Date.now()) }],
        producerId,
        producerEpoch,
        baseSequence: 0,
        isTransactional: true,
      });
      const response = await client.send(ApiKey.Produce, version, {
        transactionalId: 'tx-verify',
        acks: -1,
        timeoutMs: 5000,
        topicData: [{ name: topic, partitionData: [{ index: 0, records }] }],
      });
      return response.responses[0]!.partitionResponses[0]!.errorCode;
    };
    assert.equal(await write('payments', 9), ErrorCode.INVALID_TXN_STATE);
    const anonymous = await client.request(ApiKey.Produce, {
      transactionalId: null,
      acks: -1,
      timeoutMs: 5000,
      topicData: [
        {
          name: 'audit',
          partitionData: [
            {
              index: 0,
              records: await encodeRecordBatch({
                records: [{ key: null, value: Buffer.from('v'), timestamp: BigInt(Date.now()) }],
                producerId,
                producerEpoch,
                baseSequence: 0,
                isTransactional: true,
              }),
            },
          ],
        },
      ],
    });
    assert.equal(
      anonymous.responses[0]!.partitionResponses[0]!.errorCode,
      ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
      'transactional records without a transactional id',
    );
    assert.equal(await write('payments', 11), ErrorCode.TRANSACTION_ABORTABLE);
    assert.equal(await write('audit', 11), ErrorCode.NONE, 'the partition added to the transaction');
    assert.equal((await endTxn('tx-verify', producerId, producerEpoch, false)).errorCode, ErrorCode.NONE);
  });

  it('TxnOffsetCommit offsets count only once the transaction commits; meanwhile OffsetFetch with require_stable answers UNSTABLE_OFFSET_COMMIT', async () => {
    const { producerId, producerEpoch } = await initProducerId('tx-offsets');
    const addOffsets = await client.request(ApiKey.AddOffsetsToTxn, {
      transactionalId: 'tx-offsets',
      producerId,
      producerEpoch,
      groupId: 'eos-group',
    });
    assert.equal(addOffsets.errorCode, ErrorCode.NONE);
    const committed = await client.request(ApiKey.TxnOffsetCommit, {
      transactionalId: 'tx-offsets',
      groupId: 'eos-group',
      producerId,
      producerEpoch,
      generationId: -1,
      memberId: '',
      groupInstanceId: null,
      topics: [
        {
          name: 'payments',
          partitions: [
            { partitionIndex: 0, committedOffset: 42n, committedLeaderEpoch: -1, committedMetadata: 'm' },
          ],
        },
      ],
    });
    assert.equal(committed.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
    const fetchOffset = async (requireStable: boolean) =>
      (
        await client.send(ApiKey.OffsetFetch, 7, {
          groupId: 'eos-group',
          topics: [{ name: 'payments', partitionIndexes: [0] }],
          groups: [],
          requireStable,
        })
      ).topics[0]!.partitions[0]!;
    assert.equal((await fetchOffset(true)).errorCode, ErrorCode.UNSTABLE_OFFSET_COMMIT);
    assert.deepEqual(
      [(await fetchOffset(false)).errorCode, (await fetchOffset(false)).committedOffset],
      [0, -1n],
    );
    assert.equal((await endTxn('tx-offsets', producerId, producerEpoch, true)).errorCode, ErrorCode.NONE);
    const stable = await until('the committed offset', async () => {
      const answer = await fetchOffset(true);
      return answer.errorCode === ErrorCode.NONE ? answer : undefined;
    });
    assert.deepEqual([stable.committedOffset, stable.metadata], [42n, 'm']);
  });

  it('aborts a transaction open longer than its transaction.timeout.ms, fencing its producer', async () => {
    const { producerId, producerEpoch } = await initProducerId('tx-slow', 500);
    await addPartitions('tx-slow', producerId, producerEpoch, [{ name: 'audit', partitions: [0] }]);
    const aborted = await until('the timed-out transaction to be aborted', async () => {
      const state = await describeTxn('tx-slow');
      return state.transactionState === 'CompleteAbort' ? state : undefined;
    });
    assert.equal(aborted.producerEpoch, producerEpoch + 1);
    assert.equal(
      (await endTxn('tx-slow', producerId, producerEpoch, true)).errorCode,
      ErrorCode.PRODUCER_FENCED,
    );
  });

  it('the coordinator state survives a killed broker: an open transaction is still open, and the next InitProducerId aborts it', async () => {
    const { producerId, producerEpoch } = await initProducerId('tx-crash');
    await addPartitions('tx-crash', producerId, producerEpoch, [{ name: 'audit', partitions: [1] }]);
    client.close();
    await broker.stop('SIGKILL');
    broker = await startBroker({
      dataDir: broker.dataDir,
      port: broker.port,
      configs: {
        'transaction.abort.timed.out.transaction.cleanup.interval.ms': '200',
        'transaction.max.timeout.ms': '120000',
        'transaction.state.log.num.partitions': '5',
      },
    });
    client = await KafkaConnection.connect('127.0.0.1', broker.port, 'txn-test', 20_000);
    const reloaded = await until('the coordinator to load', async () => {
      const state = await describeTxn('tx-crash');
      return state.errorCode === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS ? undefined : state;
    });
    assert.equal(reloaded.errorCode, ErrorCode.NONE);
    assert.deepEqual(
      [reloaded.transactionState, reloaded.producerId, reloaded.producerEpoch],
      ['Ongoing', producerId, producerEpoch],
    );
    assert.deepEqual(reloaded.topics, [{ topic: 'audit', partitions: [1] }]);
    const next = await initUntilDone('tx-crash');
    assert.deepEqual(
      [next.errorCode, next.producerId, next.producerEpoch],
      [0, producerId, producerEpoch + 2],
    );
    // Ids completed before the crash are still known with their epochs.
    assert.equal((await describeTxn('tx-flow')).transactionState, 'CompleteCommit');
  });
});
