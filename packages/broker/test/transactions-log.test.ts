/**
 * Issue 15, the log layer over the wire with Sluice's own client: Fetch with isolation_level READ_COMMITTED answers
 * the LSO and an empty aborted transaction list where no transaction is open, READ_UNCOMMITTED a null list;
 * ListOffsets READ_COMMITTED LATEST is the LSO; DescribeProducers reports an idempotent producer's state, is
 * advertised by ApiVersions and needs Read on the topic. With the transaction coordinator: an open transaction
 * holds the LSO (Fetch, ListOffsets, DescribeProducers), an abort is listed to read_committed fetches, and kcat
 * (librdkafka) reading read_committed skips the aborted records.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode, ZERO_UUID, apis, encodeRecordBatch } from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { runOk } from './support/run.ts';

const TOPIC = 'txlog';

describe('issue 15: read_committed reads and DescribeProducers', () => {
  let broker: BrokerProcess;
  let client: KafkaConnection;
  let producerId: bigint;
  let producerEpoch: number;
  before(async () => {
    broker = await startBroker({ configs: { 'auto.create.topics.enable': 'false' } });
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
    const created = await client.request(ApiKey.CreateTopics, {
      topics: [{ name: TOPIC, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }],
      timeoutMs: 10_000,
      validateOnly: false,
    });
    assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE);
    const init = await client.request(ApiKey.InitProducerId, {
      transactionalId: null,
      transactionTimeoutMs: -1,
      producerId: -1n,
      producerEpoch: -1,
    });
    assert.equal(init.errorCode, ErrorCode.NONE);
    ({ producerId, producerEpoch } = init);
    const produced = await client.request(ApiKey.Produce, {
      transactionalId: null,
      acks: -1,
      timeoutMs: 10_000,
      topicData: [
        {
          name: TOPIC,
          partitionData: [
            {
              index: 0,
              records: await encodeRecordBatch({
                records: ['a', 'b', 'c'].map((v) => ({ key: null, value: Buffer.from(v) })),
                producerId,
                producerEpoch,
                baseSequence: 0,
                baseTimestamp: 1_700_000_000_000n,
              }),
            },
          ],
        },
      ],
    });
    assert.equal(produced.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE);
  });
  after(async () => {
    client.close();
    await broker.stop();
  });

  const fetch = async (version: number, isolationLevel: number) => {
    const response = await client.send(ApiKey.Fetch, version, {
      ...apis[ApiKey.Fetch].defaultRequest(),
      replicaId: -1,
      maxWaitMs: 0,
      minBytes: 0,
      maxBytes: 1 << 20,
      isolationLevel,
      sessionEpoch: -1,
      topics: [
        {
          topic: TOPIC,
          topicId: ZERO_UUID,
          partitions: [
            {
              partition: 0,
              currentLeaderEpoch: -1,
              fetchOffset: 0n,
              lastFetchedEpoch: -1,
              logStartOffset: -1n,
              partitionMaxBytes: 1 << 20,
              replicaDirectoryId: ZERO_UUID,
            },
          ],
        },
      ],
    });
    return response.responses[0]!.partitions[0]!;
  };

  it('Fetch READ_COMMITTED answers the LSO (the high watermark here) and an empty aborted list', async () => {
    for (const version of [4, 11, 12]) {
      const committed = await fetch(version, 1);
      assert.equal(committed.errorCode, ErrorCode.NONE);
      assert.equal(committed.highWatermark, 3n);
      assert.equal(committed.lastStableOffset, 3n, `v${version}`);
      assert.deepEqual(committed.abortedTransactions, [], `v${version}: [] as Kafka sends it`);
      assert.ok(committed.records!.length > 0);
      const uncommitted = await fetch(version, 0);
      assert.equal(uncommitted.lastStableOffset, 3n);
      assert.equal(uncommitted.abortedTransactions, null, `v${version}: null for read_uncommitted`);
    }
  });

  it('ListOffsets READ_COMMITTED LATEST is the LSO', async () => {
    const response = await client.request(ApiKey.ListOffsets, {
      replicaId: -1,
      isolationLevel: 1,
      timeoutMs: 10_000,
      topics: [
        {
          name: TOPIC,
          partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -1n, maxNumOffsets: 1 }],
        },
      ],
    });
    const partition = response.topics[0]!.partitions[0]!;
    assert.equal(partition.errorCode, ErrorCode.NONE);
    assert.equal(partition.offset, 3n);
  });

  it('DescribeProducers reports the idempotent producer, and is advertised', async () => {
    const versions = await client.request(ApiKey.ApiVersions, {
      clientSoftwareName: 'test',
      clientSoftwareVersion: '1',
    });
    const advertised = versions.apiKeys.find((a) => a.apiKey === ApiKey.DescribeProducers);
    assert.deepEqual(advertised && [advertised.minVersion, advertised.maxVersion], [0, 0]);

    const response = await client.request(ApiKey.DescribeProducers, {
      topics: [
        { name: TOPIC, partitionIndexes: [0, 7] },
        { name: 'no-such-topic', partitionIndexes: [0] },
      ],
    });
    const [known, unknownPartition] = response.topics[0]!.partitions;
    assert.equal(known!.errorCode, ErrorCode.NONE);
    assert.deepEqual(known!.activeProducers, [
      {
        producerId,
        producerEpoch,
        lastSequence: 2,
        lastTimestamp: 1_700_000_000_000n,
        coordinatorEpoch: -1,
        currentTxnStartOffset: -1n,
      },
    ]);
    assert.equal(unknownPartition!.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    assert.equal(response.topics[1]!.partitions[0]!.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  });
});

describe('issue 15: DescribeProducers needs Read on the topic', () => {
  let broker: BrokerProcess;
  let admin: KafkaConnection;
  let alice: KafkaConnection;
  before(async () => {
    broker = await startBroker({
      configs: {
        listeners: 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0',
        'sasl.enabled.mechanisms': 'PLAIN',
        'listener.name.sasl_plaintext.plain.sasl.jaas.config':
          'org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="alice-secret";',
        'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
        'super.users': 'User:ANONYMOUS',
      },
    });
    admin = await KafkaConnection.connect('127.0.0.1', broker.ports.PLAINTEXT!);
    await admin.request(ApiKey.CreateTopics, {
      topics: ['readable', 'described'].map((name) => ({
        name,
        numPartitions: 1,
        replicationFactor: 1,
        assignments: [],
        configs: [],
      })),
      timeoutMs: 10_000,
      validateOnly: false,
    });
    const acl = (resourceName: string, operation: number) => ({
      resourceType: 2,
      resourceName,
      resourcePatternType: 3,
      principal: 'User:alice',
      host: '*',
      operation,
      permissionType: 3,
    });
    const READ = 3;
    const DESCRIBE = 8;
    const acls = await admin.request(ApiKey.CreateAcls, {
      creations: [acl('readable', READ), acl('described', DESCRIBE)],
    });
    assert.deepEqual(
      acls.results.map((r) => r.errorCode),
      [0, 0],
    );
    alice = await KafkaConnection.connect('127.0.0.1', broker.ports.SASL_PLAINTEXT!, 'alice', 10_000, {
      sasl: { mechanism: 'PLAIN', username: 'alice', password: 'alice-secret' },
    });
  });
  after(async () => {
    alice?.close();
    admin?.close();
    await broker?.stop();
  });

  it('answers the topics the principal may read and refuses the others (Describe is not enough)', async () => {
    const response = await alice.request(ApiKey.DescribeProducers, {
      topics: [
        { name: 'readable', partitionIndexes: [0] },
        { name: 'described', partitionIndexes: [0] },
      ],
    });
    assert.deepEqual(
      response.topics.map((t) => [t.name, t.partitions.map((p) => p.errorCode)]),
      [
        ['readable', [ErrorCode.NONE]],
        ['described', [ErrorCode.TOPIC_AUTHORIZATION_FAILED]],
      ],
    );
  });
});

describe('issue 15: transactions in the log, with the coordinator', () => {
  let broker: BrokerProcess;
  let client: KafkaConnection;
  const TXN_TOPIC = 'txlog-txn';
  before(async () => {
    broker = await startBroker({ configs: { 'transaction.state.log.num.partitions': '2' } });
    client = await KafkaConnection.connect('127.0.0.1', broker.port, 'txlog-test', 20_000);
    const created = await client.request(ApiKey.CreateTopics, {
      topics: [{ name: TXN_TOPIC, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }],
      timeoutMs: 10_000,
      validateOnly: false,
    });
    assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE);
  });
  after(async () => {
    client?.close();
    await broker?.stop();
  });

  /** A transaction of `values` on partition 0, left open. */
  const openTransaction = async (transactionalId: string, values: string[]) => {
    // FindCoordinator creates __transaction_state; its partitions load before the coordinator answers.
    const found = await client.send(ApiKey.FindCoordinator, 4, {
      key: '',
      keyType: 1,
      coordinatorKeys: [transactionalId],
    });
    assert.equal(found.coordinators[0]!.errorCode, ErrorCode.NONE);
    const retriable: number[] = [
      ErrorCode.NOT_COORDINATOR,
      ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
      ErrorCode.COORDINATOR_NOT_AVAILABLE,
    ];
    let init;
    for (let attempt = 0; ; attempt++) {
      init = await client.request(ApiKey.InitProducerId, {
        transactionalId,
        transactionTimeoutMs: 60_000,
        producerId: -1n,
        producerEpoch: -1,
      });
      if (!retriable.includes(init.errorCode) || attempt > 100) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(init.errorCode, ErrorCode.NONE);
    const { producerId, producerEpoch } = init;
    const added = await client.send(ApiKey.AddPartitionsToTxn, 3, {
      transactions: [],
      v3AndBelowTransactionalId: transactionalId,
      v3AndBelowProducerId: producerId,
      v3AndBelowProducerEpoch: producerEpoch,
      v3AndBelowTopics: [{ name: TXN_TOPIC, partitions: [0] }],
    });
    assert.equal(
      added.resultsByTopicV3AndBelow[0]!.resultsByPartition[0]!.partitionErrorCode,
      ErrorCode.NONE,
    );
    const produced = await client.request(ApiKey.Produce, {
      transactionalId,
      acks: -1,
      timeoutMs: 5000,
      topicData: [
        {
          name: TXN_TOPIC,
          partitionData: [
            {
              index: 0,
              records: await encodeRecordBatch({
                records: values.map((v) => ({ key: null, value: Buffer.from(v) })),
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
    const partition = produced.responses[0]!.partitionResponses[0]!;
    assert.equal(partition.errorCode, ErrorCode.NONE);
    const end = (committed: boolean) =>
      client.request(ApiKey.EndTxn, { transactionalId, producerId, producerEpoch, committed });
    return { producerId, firstOffset: partition.baseOffset, end };
  };

  const readCommitted = async () => {
    // v12: topics by name.
    const response = await client.send(ApiKey.Fetch, 12, {
      ...apis[ApiKey.Fetch].defaultRequest(),
      replicaId: -1,
      maxWaitMs: 0,
      minBytes: 0,
      maxBytes: 1 << 20,
      isolationLevel: 1,
      sessionEpoch: -1,
      topics: [
        {
          topic: TXN_TOPIC,
          topicId: ZERO_UUID,
          partitions: [
            {
              partition: 0,
              currentLeaderEpoch: -1,
              fetchOffset: 0n,
              lastFetchedEpoch: -1,
              logStartOffset: -1n,
              partitionMaxBytes: 1 << 20,
              replicaDirectoryId: ZERO_UUID,
            },
          ],
        },
      ],
    });
    return response.responses[0]!.partitions[0]!;
  };

  /** ListOffsets of `timestamp` (LATEST by default) as a read_committed or read_uncommitted consumer. */
  const listOffset = async (timestamp = -1n, isolationLevel = 1) => {
    const response = await client.request(ApiKey.ListOffsets, {
      replicaId: -1,
      isolationLevel,
      timeoutMs: 10_000,
      topics: [
        {
          name: TXN_TOPIC,
          partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp, maxNumOffsets: 1 }],
        },
      ],
    });
    return response.topics[0]!.partitions[0]!.offset;
  };
  const latestCommitted = () => listOffset();

  const producersOf = async () =>
    (
      await client.request(ApiKey.DescribeProducers, {
        topics: [{ name: TXN_TOPIC, partitionIndexes: [0] }],
      })
    ).topics[0]!.partitions[0]!.activeProducers;

  it('an open transaction holds the LSO until its marker is written; an abort is listed to read_committed reads', async () => {
    const aborted = await openTransaction('txlog-aborted', ['aborted-0', 'aborted-1']);
    assert.equal(aborted.firstOffset, 0n);
    let fetched = await readCommitted();
    assert.deepEqual([fetched.highWatermark, fetched.lastStableOffset], [2n, 0n]);
    assert.equal(fetched.records!.length, 0);
    assert.equal(await latestCommitted(), 0n);
    assert.equal(await listOffset(-1n, 0), 2n, 'read_uncommitted: the high watermark');
    assert.equal(await listOffset(0n), -1n, 'by time, read_committed: nothing below the LSO');
    assert.equal(await listOffset(0n, 0), 0n, 'by time, read_uncommitted: the first record');
    assert.equal(await listOffset(-3n), -1n, 'MAX_TIMESTAMP, read_committed: nothing below the LSO');
    assert.equal(
      (await producersOf()).find((p) => p.producerId === aborted.producerId)?.currentTxnStartOffset,
      0n,
    );

    const committed = await openTransaction('txlog-committed', ['committed-0']);
    assert.equal(committed.firstOffset, 2n);
    assert.equal((await aborted.end(false)).errorCode, ErrorCode.NONE);
    // The coordinator acknowledges EndTxn before the markers are written; they follow at once on one broker.
    for (let i = 0; i < 50 && (await readCommitted()).lastStableOffset !== 2n; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    fetched = await readCommitted();
    assert.equal(fetched.lastStableOffset, 2n, 'the committed transaction, still open, holds it now');
    assert.deepEqual(fetched.abortedTransactions, [{ producerId: aborted.producerId, firstOffset: 0n }]);

    assert.equal((await committed.end(true)).errorCode, ErrorCode.NONE);
    for (let i = 0; i < 50 && (await readCommitted()).lastStableOffset !== 5n; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    fetched = await readCommitted();
    assert.deepEqual([fetched.highWatermark, fetched.lastStableOffset], [5n, 5n], 'data 0-2 and two markers');
    assert.equal(await latestCommitted(), 5n);
    const states = await producersOf();
    for (const producerId of [aborted.producerId, committed.producerId]) {
      const state = states.find((p) => p.producerId === producerId)!;
      assert.equal(state.currentTxnStartOffset, -1n);
      assert.ok(state.coordinatorEpoch >= 0, 'the markers recorded their coordinator epoch');
    }

    // librdkafka's consumer filters with the aborted transaction list (its default isolation is read_committed).
    const kcat = async (isolation: string) => {
      const { stdout } = await runOk(
        'kcat',
        [
          ...['-b', `127.0.0.1:${broker.port}`, '-C', '-t', TXN_TOPIC, '-o', 'beginning', '-e'],
          ...['-f', '%o %s\n', '-X', `isolation.level=${isolation}`],
        ],
        { timeoutMs: 20_000 },
      );
      return stdout.split('\n').filter((line) => line !== '');
    };
    assert.deepEqual(await kcat('read_committed'), ['2 committed-0']);
    assert.deepEqual(await kcat('read_uncommitted'), ['0 aborted-0', '1 aborted-1', '2 committed-0']);
  });
});
