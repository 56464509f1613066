/**
 * Connection handling, fetch long polls and KIP-227 fetch sessions, over real sockets with Sluice's own client
 * (none of the Debian clients uses fetch sessions).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import {
  ApiKey,
  CompressionCodec,
  ErrorCode,
  apis,
  encodeLegacyMessageSet,
  encodeRecordBatch,
  type FetchRequest,
  ZERO_UUID,
} from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';

function fetchRequest(
  topic: string,
  topicId: string,
  offsets: number[],
  extra: Partial<FetchRequest> = {},
): FetchRequest {
  return {
    ...apis[ApiKey.Fetch].defaultRequest(),
    replicaId: -1,
    maxWaitMs: 0,
    minBytes: 1,
    maxBytes: 1 << 20,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [
      {
        topic,
        topicId,
        partitions: offsets.map((offset, partition) => ({
          partition,
          currentLeaderEpoch: -1,
          fetchOffset: BigInt(offset),
          lastFetchedEpoch: -1,
          logStartOffset: -1n,
          partitionMaxBytes: 1 << 20,
          replicaDirectoryId: ZERO_UUID,
        })),
      },
    ],
    ...extra,
  };
}

describe('broker networking', () => {
  let broker: BrokerProcess;
  let client: KafkaConnection;
  let topicId: string;
  before(async () => {
    broker = await startBroker({ configs: { 'num.partitions': '2' } });
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
    const metadata = await client.request(ApiKey.Metadata, {
      ...apis[ApiKey.Metadata].defaultRequest(),
      topics: [{ name: 'net', topicId: ZERO_UUID }],
      allowAutoTopicCreation: true,
    });
    topicId = metadata.topics[0]!.topicId;
  });
  after(async () => {
    client.close();
    await broker.stop();
  });

  async function produce(partition: number, values: string[]): Promise<void> {
    const batch = await encodeRecordBatch({
      records: values.map((v) => ({ key: null, value: Buffer.from(v) })),
    });
    const response = await client.request(ApiKey.Produce, {
      transactionalId: null,
      acks: 1,
      timeoutMs: 5000,
      topicData: [{ name: 'net', partitionData: [{ index: partition, records: batch }] }],
    });
    assert.equal(response.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE);
  }

  it("refuses what Kafka's ProduceRequest refuses: two batches in one partition, v0/v1 messages or zstd too early", async () => {
    const one = await encodeRecordBatch({ records: [{ key: null, value: Buffer.from('one') }] });
    const zstd = await encodeRecordBatch({
      records: [{ key: null, value: Buffer.from('z') }],
      compression: CompressionCodec.zstd,
    });
    const legacy = await encodeLegacyMessageSet(
      1,
      [{ offset: 0n, key: null, value: Buffer.from('old'), timestamp: BigInt(Date.now()) }],
      0,
    );
    // A topic of its own: the other tests expect 'net' to hold only what they wrote.
    const created = await client.request(ApiKey.CreateTopics, {
      topics: [
        { name: 'net-validation', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] },
      ],
      timeoutMs: 5000,
      validateOnly: false,
    });
    assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE, 'create');
    const produceAt = async (version: number, records: Buffer) => {
      const response = await client.send(ApiKey.Produce, version, {
        transactionalId: null,
        acks: 1,
        timeoutMs: 5000,
        topicData: [{ name: 'net-validation', partitionData: [{ index: 0, records }] }],
      });
      const result = response.responses[0]!.partitionResponses[0]!;
      return [result.errorCode, result.errorMessage];
    };
    assert.deepEqual(
      await produceAt(9, Buffer.concat([one, one])),
      [
        ErrorCode.INVALID_RECORD,
        'Produce requests with version 9 are only allowed to contain exactly one record batch per partition',
      ],
      'two batches',
    );
    assert.deepEqual(
      await produceAt(8, legacy),
      [
        ErrorCode.INVALID_RECORD,
        'Produce requests with version 8 are only allowed to contain record batches with magic version 2',
      ],
      'message format v1 at version 8 (the first with an error message)',
    );
    assert.deepEqual(
      await produceAt(6, zstd),
      [ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, null],
      'zstd before version 7 (whose response has no error message)',
    );
    assert.deepEqual(await produceAt(7, zstd), [ErrorCode.NONE, null], 'zstd from version 7');
    assert.deepEqual(await produceAt(2, legacy), [ErrorCode.NONE, null], 'message format v1 at version 2');
  });

  it('serves 1,000 concurrent connections', async () => {
    const connections = await Promise.all(
      Array.from({ length: 1000 }, () => KafkaConnection.connect('127.0.0.1', broker.port)),
    );
    try {
      const responses = await Promise.all(
        connections.map((c) =>
          c.request(ApiKey.Metadata, { ...apis[ApiKey.Metadata].defaultRequest(), topics: null }),
        ),
      );
      assert.ok(responses.every((r) => r.brokers.length === 1));
    } finally {
      for (const c of connections) c.close();
    }
  });

  it('answers pipelined requests in order', async () => {
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        client.request(ApiKey.ListOffsets, {
          replicaId: -1,
          isolationLevel: 0,
          timeoutMs: 1000,
          topics: [
            {
              name: 'net',
              partitions: [
                { partitionIndex: i % 2, currentLeaderEpoch: -1, timestamp: -1n, maxNumOffsets: 1 },
              ],
            },
          ],
        }),
      ),
    );
    assert.equal(responses.length, 200);
  });

  it('holds a fetch until data arrives (long poll), and returns empty after maxWaitMs', async () => {
    const started = Date.now();
    const empty = await client.request(
      ApiKey.Fetch,
      fetchRequest(
        'net',
        topicId,
        [1_000_000, 1_000_000].map(() => 0),
        { maxWaitMs: 300 },
      ),
    );
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 250, `returned after ${elapsed} ms`);
    assert.equal(empty.responses[0]!.partitions[0]!.records!.length, 0);
    const waiting = client.request(ApiKey.Fetch, fetchRequest('net', topicId, [0, 0], { maxWaitMs: 10_000 }));
    const other = await KafkaConnection.connect('127.0.0.1', broker.port);
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, 200));
    const batch = await encodeRecordBatch({ records: [{ key: null, value: Buffer.from('wake up') }] });
    await other.request(ApiKey.Produce, {
      transactionalId: null,
      acks: 1,
      timeoutMs: 5000,
      topicData: [{ name: 'net', partitionData: [{ index: 1, records: batch }] }],
    });
    const woken = await waiting;
    other.close();
    assert.ok(Date.now() - t0 < 5000, 'the fetch returned as soon as data was appended');
    assert.ok(woken.responses[0]!.partitions.some((p) => p.records!.length > 0));
  });

  it('runs incremental fetch sessions (KIP-227)', async () => {
    await produce(0, ['a', 'b']);
    const opened = await client.request(
      ApiKey.Fetch,
      fetchRequest('net', topicId, [0, 0], { sessionId: 0, sessionEpoch: 0 }),
    );
    assert.equal(opened.errorCode, ErrorCode.NONE);
    assert.ok(opened.sessionId > 0, 'a session was created');
    assert.equal(opened.responses[0]!.partitions.length, 2, 'the first response lists every partition');
    const highs = [0, 1].map((i) =>
      Number(opened.responses[0]!.partitions.find((p) => p.partitionIndex === i)!.highWatermark),
    );
    const high0 = highs[0]!;
    // Incremental: the client moves its offsets to the ends; nothing new, so no partitions are listed.
    const quiet = await client.request(ApiKey.Fetch, {
      ...fetchRequest('net', topicId, highs),
      sessionId: opened.sessionId,
      sessionEpoch: 1,
    });
    assert.equal(quiet.errorCode, ErrorCode.NONE);
    assert.equal(quiet.responses.length, 0);
    await produce(0, ['c']);
    const news = await client.request(ApiKey.Fetch, {
      ...fetchRequest('net', topicId, [high0]),
      sessionId: opened.sessionId,
      sessionEpoch: 2,
    });
    const partitions = news.responses[0]!.partitions;
    assert.deepEqual(
      partitions.map((p) => p.partitionIndex),
      [0],
      'only the partition with news is listed',
    );
    assert.ok(partitions[0]!.records!.length > 0);
    const wrongEpoch = await client.request(ApiKey.Fetch, {
      ...fetchRequest('net', topicId, []),
      topics: [],
      sessionId: opened.sessionId,
      sessionEpoch: 7,
    });
    assert.equal(wrongEpoch.errorCode, ErrorCode.INVALID_FETCH_SESSION_EPOCH);
    const unknown = await client.request(ApiKey.Fetch, {
      ...fetchRequest('net', topicId, []),
      topics: [],
      sessionId: 999_999,
      sessionEpoch: 1,
    });
    assert.equal(unknown.errorCode, ErrorCode.FETCH_SESSION_ID_NOT_FOUND);
  });

  it('appends acks=0 produce requests without answering them', async () => {
    const before = await client.request(ApiKey.ListOffsets, {
      replicaId: -1,
      isolationLevel: 0,
      timeoutMs: 1000,
      topics: [
        {
          name: 'net',
          partitions: [{ partitionIndex: 1, currentLeaderEpoch: -1, timestamp: -1n, maxNumOffsets: 1 }],
        },
      ],
    });
    const batch = await encodeRecordBatch({
      records: [{ key: null, value: Buffer.from('fire and forget') }],
    });
    client.sendOneWay(ApiKey.Produce, {
      transactionalId: null,
      acks: 0,
      timeoutMs: 1000,
      topicData: [{ name: 'net', partitionData: [{ index: 1, records: batch }] }],
    });
    // The next request's answer proves the connection stayed in step: no response was sent for acks=0.
    const after = await client.request(ApiKey.ListOffsets, {
      replicaId: -1,
      isolationLevel: 0,
      timeoutMs: 1000,
      topics: [
        {
          name: 'net',
          partitions: [{ partitionIndex: 1, currentLeaderEpoch: -1, timestamp: -1n, maxNumOffsets: 1 }],
        },
      ],
    });
    assert.equal(after.topics[0]!.partitions[0]!.offset, before.topics[0]!.partitions[0]!.offset + 1n);
  });

  it('closes the connection of an acks=0 produce that failed, so the producer notices (as Kafka does)', async () => {
    const own = await KafkaConnection.connect('127.0.0.1', broker.port);
    const batch = await encodeRecordBatch({ records: [{ key: null, value: Buffer.from('lost') }] });
    own.sendOneWay(ApiKey.Produce, {
      transactionalId: null,
      acks: 0,
      timeoutMs: 1000,
      topicData: [{ name: 'net', partitionData: [{ index: 99, records: batch }] }],
    });
    // The broker closes the socket; if our next request is already in its receive buffer the kernel answers
    // the close with a reset instead of a FIN, so either error is the producer noticing.
    await assert.rejects(
      own.request(ApiKey.Metadata, apis[ApiKey.Metadata].defaultRequest()),
      /closed|ECONNRESET|EPIPE/,
    );
  });

  it('answers an ApiVersions request newer than it knows in v0 with UNSUPPORTED_VERSION', async () => {
    const response = await client.send(ApiKey.ApiVersions, 0, apis[ApiKey.ApiVersions].defaultRequest());
    assert.equal(response.errorCode, ErrorCode.NONE);
    const advertised = new Map(response.apiKeys.map((a) => [a.apiKey, a.maxVersion]));
    assert.equal(advertised.get(ApiKey.Produce), 11);
    assert.equal(advertised.get(ApiKey.Fetch), 17);
    assert.equal(advertised.get(ApiKey.Metadata), 12);
  });
});
