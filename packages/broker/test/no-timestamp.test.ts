/**
 * Records without timestamps (issue 11), in every message format a producer may send them: magic 0 (no timestamp
 * field at all), magic 1 with timestamp -1, and magic 2 batches whose base and max timestamps are -1. Each is
 * produced over the wire well past many index.interval.bytes, stored, served back in order with timestamp -1,
 * and ListOffsets by time skips them as Kafka does (only records with a timestamp can match).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import {
  ApiKey,
  ErrorCode,
  apis,
  decodeRecordBatch,
  encodeLegacyMessageSet,
  encodeRecordBatch,
  splitBatches,
} from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';

const BATCHES = 300;
const RECORDS_PER_BATCH = 5;
const VALUE = 'v'.repeat(100);

/** The records of one produce request, with no timestamp, as magic `magic` and the Produce version for it. */
async function untimestamped(magic: 0 | 1 | 2, first: number): Promise<{ records: Buffer; version: number }> {
  const messages = Array.from({ length: RECORDS_PER_BATCH }, (_, i) => ({
    offset: BigInt(i),
    timestamp: -1n,
    key: Buffer.from(`k${first + i}`),
    value: Buffer.from(`${first + i}:${VALUE}`),
  }));
  if (magic === 2) {
    return { records: await encodeRecordBatch({ records: messages, baseTimestamp: -1n }), version: 7 };
  }
  // Produce v0-1 carry magic 0, v2 magic 1 (as Kafka's clients of that age send them).
  return { records: await encodeLegacyMessageSet(magic, messages, 0), version: magic === 0 ? 1 : 2 };
}

describe('records without timestamps, in each message format', () => {
  let broker: BrokerProcess;
  let client: KafkaConnection;
  before(async () => {
    broker = await startBroker();
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
  });
  after(async () => {
    client?.close();
    await broker?.stop();
  });

  async function produce(topic: string, records: Buffer, version: number) {
    const response = await client.send(ApiKey.Produce, version, {
      transactionalId: null,
      acks: -1,
      timeoutMs: 5000,
      topicData: [{ name: topic, partitionData: [{ index: 0, records }] }],
    });
    return response.responses[0]!.partitionResponses[0]!;
  }

  async function listOffset(topic: string, timestamp: bigint) {
    const response = await client.request(ApiKey.ListOffsets, {
      replicaId: -1,
      isolationLevel: 0,
      topics: [
        {
          name: topic,
          partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp, maxNumOffsets: 1 }],
        },
      ],
      timeoutMs: 5000,
    });
    const partition = response.topics[0]!.partitions[0]!;
    assert.equal(partition.errorCode, ErrorCode.NONE);
    return { offset: Number(partition.offset), timestamp: Number(partition.timestamp) };
  }

  async function readAll(topic: string, topicId: string) {
    const records: { offset: number; timestamp: number; value: string }[] = [];
    for (;;) {
      const response = await client.request(ApiKey.Fetch, {
        ...apis[ApiKey.Fetch].defaultRequest(),
        replicaId: -1,
        maxBytes: 1 << 20,
        sessionEpoch: -1,
        topics: [
          {
            topic,
            topicId,
            partitions: [
              {
                partition: 0,
                currentLeaderEpoch: -1,
                fetchOffset: BigInt(records.length),
                lastFetchedEpoch: -1,
                logStartOffset: -1n,
                partitionMaxBytes: 1 << 20,
                replicaDirectoryId: topicId,
              },
            ],
          },
        ],
      });
      const partition = response.responses[0]!.partitions[0]!;
      assert.equal(partition.errorCode, ErrorCode.NONE);
      const { batches } = splitBatches(partition.records ?? Buffer.alloc(0));
      if (batches.length === 0) return records;
      for (const { bytes } of batches)
        for (const r of (await decodeRecordBatch(bytes)).records)
          records.push({
            offset: Number(r.offset),
            timestamp: Number(r.timestamp),
            value: r.value!.toString().split(':')[0]!,
          });
    }
  }

  for (const magic of [0, 1, 2] as const) {
    it(`stores, serves and indexes magic ${magic} records without timestamps past many index intervals`, async () => {
      const topic = `no-timestamp-v${magic}`;
      const created = await client.request(ApiKey.CreateTopics, {
        topics: [{ name: topic, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }],
        timeoutMs: 5000,
        validateOnly: false,
      });
      assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE);
      const total = BATCHES * RECORDS_PER_BATCH;
      for (let b = 0; b < BATCHES; b++) {
        const { records, version } = await untimestamped(magic, b * RECORDS_PER_BATCH);
        const result = await produce(topic, records, version);
        assert.equal(result.errorCode, ErrorCode.NONE, `batch ${b}: ${result.errorMessage}`);
        assert.equal(Number(result.baseOffset), b * RECORDS_PER_BATCH);
      }
      assert.deepEqual(await listOffset(topic, 0n), { offset: -1, timestamp: -1 }, 'no record has a time');

      const now = Date.now();
      const timed = await encodeRecordBatch({
        records: [{ key: null, value: Buffer.from(`${total}:timed`), timestamp: BigInt(now) }],
      });
      assert.equal((await produce(topic, timed, 7)).errorCode, ErrorCode.NONE);
      assert.deepEqual(await listOffset(topic, 0n), { offset: total, timestamp: now });
      assert.deepEqual(await listOffset(topic, BigInt(now + 1)), { offset: -1, timestamp: -1 });

      const records = await readAll(topic, created.topics[0]!.topicId);
      assert.deepEqual(
        records.map((r) => r.offset),
        Array.from({ length: total + 1 }, (_, i) => i),
      );
      assert.deepEqual(
        records.map((r) => r.value),
        Array.from({ length: total + 1 }, (_, i) => String(i)),
      );
      assert.ok(
        records.slice(0, total).every((r) => r.timestamp === -1),
        'the untimestamped records are served with timestamp -1',
      );
    });
  }
});
