/**
 * The Producer retries through a broker restart: records sent while the broker is down are written once it is
 * back, in order and (idempotent) without duplicates, within the delivery timeout.
 */
import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { decodeRecordBatch, splitBatches } from '@sluice/protocol';
import { ClusterClient } from '../src/cluster-client.ts';
import { Producer } from '../src/producer.ts';
import { createTopic, startBroker, type BrokerProcess } from './support.ts';

let broker: BrokerProcess | null = null;
const clients: ClusterClient[] = [];
after(async () => {
  for (const c of clients) c.close();
  await broker?.stop();
});

it('retries through a broker restart without losing, reordering or duplicating records', async () => {
  broker = await startBroker();
  const { port, dataDir } = broker;
  const client = new ClusterClient(broker.bootstrap, 'producer-restart', { requestTimeoutMs: 3_000 });
  clients.push(client);
  await createTopic(client, 'restart', 1);
  const producer = new Producer(client, {
    enableIdempotence: true,
    lingerMs: 5,
    deliveryTimeoutMs: 30_000,
    requestTimeoutMs: 3_000,
    retryBackoffMs: 200,
  });
  const sends: Promise<{ offset: bigint }>[] = [];
  for (let i = 0; i < 200; i++)
    sends.push(producer.send({ topic: 'restart', key: null, value: Buffer.from(`r${i}`) }));
  await Promise.all(sends);
  await broker.stop();
  for (let i = 200; i < 400; i++)
    sends.push(producer.send({ topic: 'restart', key: null, value: Buffer.from(`r${i}`) }));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  broker = await startBroker({ dataDir, port });
  const offsets = (await Promise.all(sends)).map((r) => r.offset);
  await producer.close();
  assert.deepEqual(
    offsets,
    offsets.map((_, i) => BigInt(i)),
  );
  const reader = new ClusterClient(broker.bootstrap, 'producer-restart-reader');
  clients.push(reader);
  const topic = await reader.topic('restart');
  const values: string[] = [];
  let offset = 0n;
  while (values.length < 400) {
    const data = await reader.fetch(topic, 0, offset);
    for (const { bytes } of splitBatches(data.records ?? Buffer.alloc(0)).batches) {
      const batch = await decodeRecordBatch(bytes);
      for (const r of batch.records) if (r.offset >= offset) values.push(r.value!.toString());
      offset = batch.header.baseOffset + BigInt(batch.header.lastOffsetDelta) + 1n;
    }
  }
  assert.deepEqual(
    values,
    Array.from({ length: 400 }, (_, i) => `r${i}`),
  );
  assert.equal(await reader.listOffset(topic, 0, -1n), 400n);
});
