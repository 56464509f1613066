/**
 * Log compaction in a running broker: a compacted topic written and read with kcat keeps each key's latest
 * value, and __consumer_offsets is compacted while the coordinator still finds every group's latest commit
 * after a restart. A compacted topic refuses records without a key, with Kafka's INVALID_RECORD and the index of
 * each such record, and stores none of the batch; no client may append to __consumer_offsets.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, CompressionCodec, ErrorCode, encodeRecordBatch } from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { kcatReadAll } from './support/kcat.ts';
import { runOk } from './support/run.ts';

const CONFIGS = {
  'log.cleaner.backoff.ms': '100',
  'offsets.topic.num.partitions': '1',
  'offsets.topic.segment.bytes': '4096',
};

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('log compaction', () => {
  let broker: BrokerProcess;
  let client: KafkaConnection;
  before(async () => {
    broker = await startBroker({ configs: CONFIGS });
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
  });
  after(async () => {
    client.close();
    await broker.stop();
  });

  it('keeps the latest value of every key of a compacted topic (kcat)', async () => {
    const created = await client.request(ApiKey.CreateTopics, {
      topics: [
        {
          name: 'compacted',
          numPartitions: 1,
          replicationFactor: 1,
          assignments: [],
          configs: [
            { name: 'cleanup.policy', value: 'compact' },
            { name: 'segment.bytes', value: '2048' },
            { name: 'min.cleanable.dirty.ratio', value: '0.01' },
          ],
        },
      ],
      timeoutMs: 10_000,
      validateOnly: false,
    });
    assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE, 'create');
    const lines = Array.from({ length: 400 }, (_, i) => `user-${i % 10}:${i}`);
    await runOk(
      'kcat',
      ['-b', broker.bootstrap, '-P', '-t', 'compacted', '-K:', '-z', 'lz4', '-X', 'batch.num.messages=20'],
      {
        input: lines.join('\n') + '\n',
      },
    );
    await waitFor('the cleaner compacted the topic', () => /cleaned compacted-0/.test(broker.output()));
    const read = await kcatReadAll(broker.bootstrap, 'compacted', { format: '%o %k %s\n' });
    assert.ok(read.length < 200, `compaction removed records: ${read.length} of 400 remain`);
    const latest = new Map<string, string>();
    let previousOffset = -1;
    for (const line of read) {
      const [offset, key, value] = line.split(' ') as [string, string, string];
      assert.ok(Number(offset) > previousOffset, 'offsets still increase');
      previousOffset = Number(offset);
      assert.equal(
        lines[Number(offset)],
        `${key}:${value}`,
        `offset ${offset} still holds what was written there`,
      );
      latest.set(key, value);
    }
    assert.deepEqual(
      [...latest].sort(),
      Array.from({ length: 10 }, (_, k) => [`user-${k}`, String(390 + k)]).sort(),
      'every key ends with its latest value',
    );
  });

  it('compacts __consumer_offsets; a restarted coordinator still finds the latest commits', async () => {
    const commit = (groupId: string, offset: bigint) =>
      client.request(ApiKey.OffsetCommit, {
        groupId,
        generationIdOrMemberEpoch: -1,
        memberId: '',
        groupInstanceId: null,
        retentionTimeMs: -1n,
        topics: [
          {
            name: 'compacted',
            partitions: [
              {
                partitionIndex: 0,
                committedOffset: offset,
                committedLeaderEpoch: -1,
                commitTimestamp: -1n,
                committedMetadata: 'checkpoint',
              },
            ],
          },
        ],
      });
    for (let i = 1; i <= 300; i++) {
      for (const groupId of ['g-a', 'g-b']) {
        const response = await commit(groupId, BigInt(i));
        assert.equal(response.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE, 'commit');
      }
    }
    const deleted = await client.request(ApiKey.DeleteGroups, { groupsNames: ['g-b'] });
    assert.equal(deleted.results[0]!.errorCode, ErrorCode.NONE, 'g-b deleted (tombstones)');
    for (let i = 301; i <= 340; i++) await commit('g-a', BigInt(i));
    // Passes run on a cleaner thread while the commits go on: the first one may have covered only the first
    // segments, so wait for the passes after the last commit.
    let records: string[] = [];
    await waitFor('the cleaner compacted __consumer_offsets', async () => {
      if (!/cleaned __consumer_offsets-0/.test(broker.output())) return false;
      records = await kcatReadAll(broker.bootstrap, '__consumer_offsets', { format: '%o\n' });
      return records.length < 200;
    });
    assert.ok(records.length < 200, `__consumer_offsets shrank: ${records.length} of 642 records remain`);
    // Only the broker writes it: a client's produce there is refused, as Kafka refuses it.
    const intruder = await client.request(ApiKey.Produce, {
      transactionalId: null,
      acks: -1,
      timeoutMs: 10_000,
      topicData: [
        {
          name: '__consumer_offsets',
          partitionData: [
            {
              index: 0,
              records: await encodeRecordBatch({
                records: [{ key: Buffer.from('k'), value: Buffer.from('v') }],
              }),
            },
          ],
        },
      ],
    });
    assert.deepEqual(
      intruder.responses[0]!.partitionResponses.map((p) => [p.errorCode, p.errorMessage]),
      [[ErrorCode.INVALID_TOPIC_EXCEPTION, 'Cannot append to internal topic __consumer_offsets']],
      'a client cannot append to __consumer_offsets',
    );

    client.close();
    await broker.stop();
    broker = await startBroker({ dataDir: broker.dataDir, configs: CONFIGS });
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
    const fetched = await client.request(ApiKey.OffsetFetch, {
      groupId: '',
      topics: null,
      groups: ['g-a', 'g-b'].map((groupId) => ({ groupId, memberId: null, memberEpoch: -1, topics: null })),
      requireStable: false,
    });
    assert.deepEqual(
      fetched.groups.map((g) => [
        g.groupId,
        g.topics.flatMap((t) => t.partitions.map((p) => p.committedOffset)),
      ]),
      [
        ['g-a', [340n]],
        ['g-b', []],
      ],
      'the latest commit of g-a survives compaction and restart; deleted g-b stays deleted',
    );
  });

  it('refuses records without a key on a compacted topic (INVALID_RECORD, per record), storing none', async () => {
    const created = await client.request(ApiKey.CreateTopics, {
      topics: ['compact', 'compact,delete', 'delete'].map((policy) => ({
        name: `policy-${policy.replace(',', '-')}`,
        numPartitions: 1,
        replicationFactor: 1,
        assignments: [],
        configs: [{ name: 'cleanup.policy', value: policy }],
      })),
      timeoutMs: 10_000,
      validateOnly: false,
    });
    assert.deepEqual(
      created.topics.map((t) => t.errorCode),
      [ErrorCode.NONE, ErrorCode.NONE, ErrorCode.NONE],
      'create',
    );
    // Records 1 and 3 have no key; compressed, so the check looks inside the batch as Kafka's does.
    const mixed = await encodeRecordBatch({
      records: ['a', null, 'c', null].map((key, i) => ({
        key: key === null ? null : Buffer.from(key),
        value: Buffer.from(`value-${i}`),
      })),
      compression: CompressionCodec.gzip,
    });
    const keyed = await encodeRecordBatch({ records: [{ key: Buffer.from('k'), value: Buffer.from('v') }] });
    const produce = async (topic: string, records: Buffer) => {
      const response = await client.request(ApiKey.Produce, {
        transactionalId: null,
        acks: -1,
        timeoutMs: 10_000,
        topicData: [{ name: topic, partitionData: [{ index: 0, records }] }],
      });
      return response.responses[0]!.partitionResponses[0]!;
    };

    for (const topic of ['policy-compact', 'policy-compact-delete']) {
      const refused = await produce(topic, mixed);
      assert.equal(refused.errorCode, ErrorCode.INVALID_RECORD, `${topic}: INVALID_RECORD`);
      assert.deepEqual(
        refused.recordErrors.map((e) => [e.batchIndex, e.batchIndexErrorMessage]),
        [1, 3].map((i) => [
          i,
          `Compacted topic cannot accept message without key in topic partition ${topic}-0.`,
        ]),
        `${topic}: the keyless records, by index`,
      );
      assert.match(refused.errorMessage ?? '', /without key/, `${topic}: the error message`);
      const accepted = await produce(topic, keyed);
      assert.equal(accepted.errorCode, ErrorCode.NONE, `${topic}: keyed records are accepted`);
      assert.equal(accepted.baseOffset, 0n, `${topic}: nothing of the refused batch was stored`);
    }
    const plain = await produce('policy-delete', mixed);
    assert.equal(plain.errorCode, ErrorCode.NONE, 'a delete-only topic takes records without keys');
  });
});
