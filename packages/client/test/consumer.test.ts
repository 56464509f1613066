/**
 * The group Consumer against a real broker: consumers of one group split the partitions with the range assignor
 * and together read every record exactly once, committing as they go and in onPartitionsRevoked; a third member
 * makes the others revoke and get new assignments; a reopened consumer resumes from the committed offsets; and
 * autoOffsetReset decides where a group without commits starts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiKey, encodeRecordBatch } from '@sluice/protocol';
import { ClusterClient, CoordinatorType, IsolationLevel, throwIfError } from '../src/cluster-client.ts';
import { Consumer, OffsetResetRequiredError, WakeupError, type ConsumerOptions } from '../src/consumer.ts';
import { CommitFailedError, commitGroupOffsets } from '../src/consumer-offsets.ts';
import type { TopicPartition } from '../src/consumer-protocol.ts';
import type { GroupMember } from '../src/group-member.ts';
import { Producer } from '../src/producer.ts';
import { createTopic, startTestBroker, waitFor, type BrokerProcess } from './support.ts';

const FAST: Partial<ConsumerOptions> = {
  sessionTimeoutMs: 6_000,
  rebalanceTimeoutMs: 10_000,
  heartbeatIntervalMs: 200,
  fetchMaxWaitMs: 100,
};

const names = (tps: TopicPartition[]) => tps.map((tp) => `${tp.topic}-${tp.partition}`).sort();

describe('Consumer', () => {
  let broker: BrokerProcess;
  let admin: ClusterClient;
  let producer: Producer;
  const clients: ClusterClient[] = [];
  const consumer = (options: ConsumerOptions) => {
    const client = new ClusterClient(broker.bootstrap, `consumer-test-${clients.length}`);
    clients.push(client);
    return new Consumer(client, { ...FAST, ...options });
  };
  before(async () => {
    broker = await startTestBroker();
    admin = new ClusterClient(broker.bootstrap, 'consumer-test-admin');
    producer = new Producer(admin, { lingerMs: 2 });
  });
  after(async () => {
    await producer.close();
    admin.close();
    for (const c of clients) c.close();
    await broker.stop();
  });

  async function produce(topic: string, from: number, count: number, partitions: number): Promise<void> {
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        producer.send({
          topic,
          partition: (from + i) % partitions,
          key: null,
          value: Buffer.from(`m${from + i}`),
        }),
      ),
    );
  }

  it('splits 4 partitions by range, reads every record exactly once, and rebalances when a third joins', async () => {
    await createTopic(admin, 'split', 4);
    await produce('split', 0, 2000, 4);
    const seen: string[] = [];
    const events: { name: string; event: 'revoked' | 'assigned'; partitions: string[] }[] = [];
    let running = true;
    const loops: Promise<void>[] = [];
    const consumers: Consumer[] = [];
    const start = (name: string) => {
      const c = consumer({ groupId: 'g-split', autoOffsetReset: 'earliest', maxPollRecords: 100 });
      consumers.push(c);
      c.subscribe(['split'], {
        onPartitionsRevoked: async (tps) => {
          events.push({ name, event: 'revoked', partitions: names(tps) });
          await c.commitSync();
        },
        onPartitionsAssigned: (tps) => {
          events.push({ name, event: 'assigned', partitions: names(tps) });
        },
      });
      loops.push(
        (async () => {
          while (running) {
            const records = await c.poll(100);
            for (const r of records) seen.push(`${r.partition}:${r.value!.toString()}`);
            if (records.length > 0)
              await c.commitSync().catch((error: Error) => {
                if (error.name !== 'KafkaError' || !/REBALANCE|GENERATION|MEMBER/.test(error.message))
                  throw error;
              });
          }
        })(),
      );
    };
    start('a');
    start('b');
    await waitFor('the first 2000 records are read', () => seen.length >= 2000);
    const lastAssigned = (name: string) =>
      events.filter((e) => e.name === name && e.event === 'assigned').at(-1);
    await waitFor('a and b hold two partitions each', () =>
      [lastAssigned('a'), lastAssigned('b')].every((e) => e?.partitions.length === 2),
    );
    assert.deepEqual([...lastAssigned('a')!.partitions, ...lastAssigned('b')!.partitions].sort(), [
      'split-0',
      'split-1',
      'split-2',
      'split-3',
    ]);
    const eventsBefore = events.length;
    start('c');
    await waitFor(
      'c is assigned',
      () => lastAssigned('c') !== undefined && lastAssigned('c')!.partitions.length > 0,
    );
    await waitFor(
      'everyone has its new assignment',
      () =>
        ['a', 'b', 'c'].every((n) => (lastAssigned(n)?.partitions.length ?? 0) > 0) &&
        ['a', 'b', 'c'].reduce((sum, n) => sum + lastAssigned(n)!.partitions.length, 0) === 4,
    );
    const later = events.slice(eventsBefore);
    assert.ok(
      later.some((e) => e.name === 'a' && e.event === 'revoked'),
      'a revoked its partitions',
    );
    assert.ok(
      later.some((e) => e.name === 'b' && e.event === 'revoked'),
      'b revoked its partitions',
    );
    assert.deepEqual(
      ['a', 'b', 'c'].map((n) => lastAssigned(n)!.partitions.length).sort(),
      [1, 1, 2],
      'range: 4 partitions over 3 members',
    );
    await produce('split', 2000, 1000, 4);
    await waitFor('all 3000 records are read', () => seen.length >= 3000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    running = false;
    await Promise.all(loops);
    await Promise.all(consumers.map((c) => c.close()));
    assert.equal(seen.length, 3000, 'no record read twice');
    assert.equal(new Set(seen).size, 3000);
    for (let i = 0; i < 3000; i++) assert.ok(seen.includes(`${i % 4}:m${i}`), `m${i} read`);
    const committed = await admin.fetchOffsets('g-split');
    assert.deepEqual(committed.map((o) => [o.partition, o.offset]).sort(), [
      [0, 750n],
      [1, 750n],
      [2, 750n],
      [3, 750n],
    ]);
  });

  it('resumes from the committed offsets after close and reopen', async () => {
    await createTopic(admin, 'resume', 2);
    await produce('resume', 0, 100, 2);
    const first = consumer({ groupId: 'g-resume', autoOffsetReset: 'earliest' });
    first.subscribe(['resume']);
    const read: string[] = [];
    while (read.length < 100) for (const r of await first.poll(200)) read.push(r.value!.toString());
    await first.commitSync();
    assert.deepEqual(
      await first.committed([
        { topic: 'resume', partition: 0 },
        { topic: 'resume', partition: 1 },
      ]),
      new Map([
        ['resume\u00000', 50n],
        ['resume\u00001', 50n],
      ]),
    );
    await first.close();
    await produce('resume', 100, 20, 2);
    const second = consumer({ groupId: 'g-resume', autoOffsetReset: 'earliest' });
    second.subscribe(['resume']);
    const resumed: string[] = [];
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && resumed.length < 20)
      for (const r of await second.poll(200)) resumed.push(r.value!.toString());
    await second.close();
    assert.deepEqual(resumed.sort(), Array.from({ length: 20 }, (_, i) => `m${100 + i}`).sort());
  });

  it('starts a group without commits at the log end (latest), the log start (earliest), or fails (none)', async () => {
    await createTopic(admin, 'reset', 1);
    await produce('reset', 0, 10, 1);
    const latest = consumer({ groupId: 'g-latest', autoOffsetReset: 'latest' });
    latest.subscribe(['reset']);
    while (latest.assignment().length === 0) assert.deepEqual(await latest.poll(100), []);
    assert.equal(await latest.position({ topic: 'reset', partition: 0 }), 10n);
    await produce('reset', 10, 5, 1);
    const fromLatest: string[] = [];
    while (fromLatest.length < 5)
      for (const r of await latest.poll(200)) fromLatest.push(r.value!.toString());
    assert.deepEqual(fromLatest, ['m10', 'm11', 'm12', 'm13', 'm14']);
    await latest.close();

    const earliest = consumer({ groupId: 'g-earliest', autoOffsetReset: 'earliest' });
    earliest.subscribe(['reset']);
    const fromEarliest: bigint[] = [];
    while (fromEarliest.length < 15) for (const r of await earliest.poll(200)) fromEarliest.push(r.offset);
    assert.deepEqual(
      fromEarliest,
      Array.from({ length: 15 }, (_, i) => BigInt(i)),
    );
    earliest.seek({ topic: 'reset', partition: 0 }, 12n);
    assert.deepEqual(
      (await earliest.poll(500)).map((r) => r.offset),
      [12n, 13n, 14n],
    );
    await earliest.close();

    const none = consumer({ groupId: 'g-none', autoOffsetReset: 'none' });
    none.subscribe(['reset']);
    await assert.rejects(none.poll(500), OffsetResetRequiredError);
    await none.close();
  });

  it('follows a pattern subscription to topics created later', async () => {
    await createTopic(admin, 'pattern-a', 1);
    await produce('pattern-a', 0, 3, 1);
    const c = consumer({ groupId: 'g-pattern', autoOffsetReset: 'earliest', metadataMaxAgeMs: 300 });
    const assigned: string[][] = [];
    c.subscribe(/^pattern-/, {
      onPartitionsRevoked: () => undefined,
      onPartitionsAssigned: (tps) => void assigned.push(names(tps)),
    });
    const values: string[] = [];
    while (values.length < 3)
      for (const r of await c.poll(200)) values.push(`${r.topic}:${r.value!.toString()}`);
    await c.commitSync();
    await createTopic(admin, 'pattern-b', 1);
    await produce('pattern-b', 100, 2, 1);
    const deadline = Date.now() + 8_000;
    while (values.length < 5 && Date.now() < deadline)
      for (const r of await c.poll(200)) values.push(`${r.topic}:${r.value!.toString()}`);
    await c.close();
    assert.deepEqual(values, [
      'pattern-a:m0',
      'pattern-a:m1',
      'pattern-a:m2',
      'pattern-b:m100',
      'pattern-b:m101',
    ]);
    assert.deepEqual(assigned.at(-1), ['pattern-a-0', 'pattern-b-0']);
  });

  it('rejoins when a subscribed topic gains partitions, and reads the new ones', async () => {
    await createTopic(admin, 'growing', 1);
    const c = consumer({ groupId: 'g-growing', autoOffsetReset: 'earliest', metadataMaxAgeMs: 300 });
    const assigned: string[][] = [];
    c.subscribe(['growing'], {
      onPartitionsRevoked: () => c.commitSync(),
      onPartitionsAssigned: (tps) => void assigned.push(names(tps)),
    });
    while (c.assignment().length === 0) assert.deepEqual(await c.poll(100), []);
    assert.deepEqual(assigned, [['growing-0']]);
    const [result] = await admin.createPartitions('growing', 3);
    assert.equal(result!.errorCode, 0);
    await produce('growing', 0, 3, 3);
    const values: string[] = [];
    const deadline = Date.now() + 8_000;
    while (values.length < 3 && Date.now() < deadline)
      for (const r of await c.poll(200)) values.push(`${r.partition}:${r.value!.toString()}`);
    await c.close();
    assert.deepEqual(assigned.at(-1), ['growing-0', 'growing-1', 'growing-2']);
    assert.deepEqual(values.sort(), ['0:m0', '1:m1', '2:m2']);
  });

  it('under read_committed skips aborted transactions; control batches are never records', async () => {
    await createTopic(admin, 'txn', 1);
    const transactionalId = 'consumer-test-txn';
    const coordinator = await admin.broker(
      await admin.findCoordinator(transactionalId, CoordinatorType.TRANSACTION),
    );
    const leader = await admin.broker((await admin.topic('txn')).partitions[0]!.leaderId);
    const init = await coordinator.request(ApiKey.InitProducerId, {
      transactionalId,
      transactionTimeoutMs: 60_000,
      producerId: -1n,
      producerEpoch: -1,
    });
    throwIfError(init.errorCode);
    let sequence = 0;
    const transaction = async (values: string[], commit: boolean) => {
      const added = await coordinator.send(ApiKey.AddPartitionsToTxn, 3, {
        transactions: [],
        v3AndBelowTransactionalId: transactionalId,
        v3AndBelowProducerId: init.producerId,
        v3AndBelowProducerEpoch: init.producerEpoch,
        v3AndBelowTopics: [{ name: 'txn', partitions: [0] }],
      });
      throwIfError(added.resultsByTopicV3AndBelow[0]!.resultsByPartition[0]!.partitionErrorCode);
      const produced = await leader.request(ApiKey.Produce, {
        transactionalId,
        acks: -1,
        timeoutMs: 30_000,
        topicData: [
          {
            name: 'txn',
            partitionData: [
              {
                index: 0,
                records: await encodeRecordBatch({
                  producerId: init.producerId,
                  producerEpoch: init.producerEpoch,
                  baseSequence: sequence,
                  isTransactional: true,
                  records: values.map((v) => ({ key: null, value: Buffer.from(v), headers: [] })),
                }),
              },
            ],
          },
        ],
      });
      throwIfError(produced.responses[0]!.partitionResponses[0]!.errorCode);
      sequence += values.length;
      const ended = await coordinator.request(ApiKey.EndTxn, {
        transactionalId,
        producerId: init.producerId,
        producerEpoch: init.producerEpoch,
        committed: commit,
      });
      throwIfError(ended.errorCode);
    };
    await producer.send({ topic: 'txn', key: null, value: Buffer.from('c0') });
    await transaction(['a0', 'a1'], false);
    await producer.send({ topic: 'txn', key: null, value: Buffer.from('c1') });
    await transaction(['t0'], true);
    const read = async (isolationLevel: IsolationLevel, expected: number) => {
      const c = consumer({ groupId: `g-txn-${isolationLevel}`, autoOffsetReset: 'earliest', isolationLevel });
      c.subscribe(['txn']);
      const values: string[] = [];
      const deadline = Date.now() + 8_000;
      while (values.length < expected && Date.now() < deadline)
        for (const r of await c.poll(200)) values.push(r.value!.toString());
      // Nothing more comes: the markers are not records.
      values.push(...(await c.poll(300)).map((r) => r.value!.toString()));
      await c.close();
      return values;
    };
    assert.deepEqual(await read(IsolationLevel.READ_COMMITTED, 3), ['c0', 'c1', 't0']);
    assert.deepEqual(await read(IsolationLevel.READ_UNCOMMITTED, 5), ['c0', 'a0', 'a1', 'c1', 't0']);
  });

  it('wakeup() ends a poll that is waiting for records, and the next poll goes on', async () => {
    await createTopic(admin, 'quiet', 1);
    const c = consumer({ groupId: 'g-quiet', autoOffsetReset: 'earliest' });
    c.subscribe(['quiet']);
    while (c.assignment().length === 0) await c.poll(100);
    const startedAt = Date.now();
    setTimeout(() => c.wakeup(), 200);
    await assert.rejects(c.poll(10_000), WakeupError);
    assert.ok(Date.now() - startedAt < 2_000, 'the poll ended soon after wakeup()');
    await producer.send({ topic: 'quiet', key: null, value: Buffer.from('after wakeup') });
    const values: string[] = [];
    while (values.length === 0) for (const r of await c.poll(200)) values.push(r.value!.toString());
    assert.deepEqual(values, ['after wakeup']);
    await c.close();
  });

  it('refuses commits outside a completed generation, or from a member the group does not know, with CommitFailedError', async () => {
    await createTopic(admin, 'commits', 1);
    const c = consumer({ groupId: 'g-commits', autoOffsetReset: 'earliest' });
    c.subscribe(['commits']);
    const offsets = [{ topic: 'commits', partition: 0, offset: 1n }];
    await assert.rejects(c.commitSync(offsets), (error: Error) => {
      assert.ok(error instanceof CommitFailedError);
      assert.equal(error.errorCode, 27, 'REBALANCE_IN_PROGRESS before the first join');
      return true;
    });
    while (c.assignment().length === 0) await c.poll(100);
    await c.commitSync(offsets);
    assert.deepEqual(
      await c.committed([{ topic: 'commits', partition: 0 }]),
      new Map([['commits\u00000', 1n]]),
    );
    const ghost = {
      rebalancing: false,
      currentGeneration: { generationId: c.generationId, memberId: 'ghost', protocol: 'range', leaderId: '' },
      requestRejoin: () => undefined,
    } as unknown as GroupMember;
    await assert.rejects(
      commitGroupOffsets(
        admin,
        ghost,
        { groupId: 'g-commits', groupInstanceId: null, retryBackoffMs: 100, timeoutMs: 5_000 },
        [{ topic: 'commits', partition: 0, offset: 5n }],
      ),
      (error: Error) => {
        assert.ok(error instanceof CommitFailedError, String(error));
        assert.equal(error.errorCode, 25, 'UNKNOWN_MEMBER_ID');
        return true;
      },
    );
    assert.deepEqual(
      await c.committed([{ topic: 'commits', partition: 0 }]),
      new Map([['commits\u00000', 1n]]),
    );
    await c.close();
  });
});
