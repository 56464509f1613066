/**
 * The Producer against a real broker: order per partition across many batches, keyed records on murmur2's
 * partition, sticky partitioning of keyless records, and a record over the topic's max.message.bytes failing
 * alone while the records batched with it are written.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeRecordBatch, splitBatches } from '@sluice/protocol';
import { ClusterClient, KafkaError } from '../src/cluster-client.ts';
import { partitionForKey } from '../src/partitioner.ts';
import { Producer } from '../src/producer.ts';
import { createTopic, startTestBroker, type BrokerProcess } from './support.ts';

describe('Producer', () => {
  let broker: BrokerProcess;
  let client: ClusterClient;
  before(async () => {
    broker = await startTestBroker();
    client = new ClusterClient(broker.bootstrap, 'producer-test');
  });
  after(async () => {
    client.close();
    await broker.stop();
  });

  async function readAll(topic: string, partition: number): Promise<{ key: string | null; value: string }[]> {
    const metadata = await client.topic(topic);
    const records: { key: string | null; value: string }[] = [];
    let offset = 0n;
    const end = await client.listOffset(metadata, partition, -1n);
    while (offset < end) {
      const data = await client.fetch(metadata, partition, offset);
      for (const { bytes } of splitBatches(data.records ?? Buffer.alloc(0)).batches) {
        const batch = await decodeRecordBatch(bytes);
        for (const r of batch.records)
          if (r.offset >= offset)
            records.push({ key: r.key?.toString() ?? null, value: r.value!.toString() });
        offset = batch.header.baseOffset + BigInt(batch.header.lastOffsetDelta) + 1n;
      }
    }
    return records;
  }

  it('writes 10k records to 3 partitions in send order, keyed ones on the murmur2 partition', async () => {
    await createTopic(client, 'ordered', 3);
    const producer = new Producer(client, { lingerMs: 5, batchSize: 4096 });
    const sends: Promise<{ partition: number; offset: bigint }>[] = [];
    for (let i = 0; i < 10_000; i++) {
      const partition = i % 3;
      sends.push(producer.send({ topic: 'ordered', partition, key: null, value: Buffer.from(`v${i}`) }));
    }
    const keys = Array.from({ length: 60 }, (_, i) => `key-${i}`);
    const keyed = keys.map((key) =>
      producer.send({ topic: 'ordered', key: Buffer.from(key), value: Buffer.from(`keyed ${key}`) }),
    );
    const results = await Promise.all(sends);
    const keyedResults = await Promise.all(keyed);
    await producer.close();
    for (let p = 0; p < 3; p++) {
      const offsets = results.filter((r) => r.partition === p).map((r) => r.offset);
      assert.deepEqual(
        offsets,
        offsets.map((_, i) => BigInt(i)),
        `partition ${p}: offsets in send order`,
      );
    }
    keyedResults.forEach((r, i) => assert.equal(r.partition, partitionForKey(Buffer.from(keys[i]!), 3)));
    for (let p = 0; p < 3; p++) {
      const stored = await readAll('ordered', p);
      const plain = stored.filter((r) => r.value.startsWith('v')).map((r) => Number(r.value.slice(1)));
      assert.equal(plain.length, Math.ceil((10_000 - p) / 3));
      assert.ok(
        plain.every((v, i) => v === p + 3 * i),
        `partition ${p} holds its records in send order`,
      );
      for (const r of stored.filter((s) => s.key !== null))
        assert.equal(partitionForKey(Buffer.from(r.key!), 3), p, `${r.key} on its murmur2 partition`);
    }
  });

  it('keeps keyless records on one partition per batch-size of bytes (sticky partitioning)', async () => {
    await createTopic(client, 'sticky', 4);
    const producer = new Producer(client, { lingerMs: 1000, batchSize: 1000 });
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        producer.send({ topic: 'sticky', key: null, value: Buffer.alloc(100, 1) }),
      ),
    );
    await producer.close();
    // 121 estimated bytes a record: 9 records (1089 bytes) go to a partition before it moves on.
    let runs = 1;
    for (let i = 1; i < results.length; i++) if (results[i]!.partition !== results[i - 1]!.partition) runs++;
    assert.ok(runs >= 4 && runs <= 6, `${runs} partition switches for 40 records`);
  });

  it('fails only the record over max.message.bytes; the records batched with it are written', async () => {
    await createTopic(client, 'limited', 1, { 'max.message.bytes': '2000' });
    const producer = new Producer(client, { lingerMs: 50 });
    const sends = [
      producer.send({ topic: 'limited', key: null, value: Buffer.from('before') }),
      producer.send({ topic: 'limited', key: null, value: Buffer.alloc(5000, 120) }),
      producer.send({ topic: 'limited', key: null, value: Buffer.from('after') }),
    ];
    const [before, large, afterRecord] = await Promise.allSettled(sends);
    await producer.close();
    assert.equal(before?.status, 'fulfilled');
    assert.equal(afterRecord?.status, 'fulfilled');
    assert.ok(large?.status === 'rejected');
    assert.ok(large.reason instanceof KafkaError, String(large.reason));
    assert.equal(large.reason.errorCode, 10, String(large.reason));
    assert.deepEqual(
      (await readAll('limited', 0)).map((r) => r.value),
      ['before', 'after'],
    );
  });

  it('auto-creates a topic it sends to', async () => {
    const producer = new Producer(client);
    const result = await producer.send({ topic: 'auto-created', key: null, value: Buffer.from('x') });
    await producer.close();
    assert.equal(result.offset, 0n);
    assert.equal((await client.topic('auto-created')).partitions.length > 0, true);
  });

  it('numbers batches per partition under one producer id when idempotent', async () => {
    await createTopic(client, 'idempotent', 2);
    const producer = new Producer(client, { enableIdempotence: true, lingerMs: 2, batchSize: 2000 });
    const burst = (from: number, count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, i) =>
          producer.send({
            topic: 'idempotent',
            partition: (from + i) % 2,
            key: null,
            value: Buffer.from(`v${i}`),
          }),
        ),
      );
    // The second burst starts once every queue is empty: a partition's sequence must outlive its queued batches.
    const results = [...(await burst(0, 1000)), ...(await burst(1000, 200))];
    await producer.close();
    for (let p = 0; p < 2; p++) {
      const offsets = results.filter((r) => r.partition === p).map((r) => r.offset);
      assert.deepEqual(
        offsets,
        offsets.map((_, i) => BigInt(i)),
      );
    }
    const metadata = await client.topic('idempotent');
    const producerIds = new Set<bigint>();
    for (let p = 0; p < 2; p++) {
      const data = await client.fetch(metadata, p, 0n);
      const { batches } = splitBatches(data.records ?? Buffer.alloc(0));
      assert.ok(batches.length > 1, 'several batches');
      let expected = 0;
      for (const { header } of batches) {
        producerIds.add(header.producerId);
        assert.equal(header.baseSequence, expected, `partition ${p}: sequences continue batch to batch`);
        expected += header.recordCount;
      }
      assert.equal(expected, 600);
    }
    assert.equal(producerIds.size, 1);
    assert.ok([...producerIds][0]! >= 0n, 'a producer id from InitProducerId');
  });
});
