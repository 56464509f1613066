/**
 * Transactions through the API against a real broker in this process, through both cluster sources, with real
 * transactional producers (kafkajs):
 * - a committed transaction: read_committed shows its records and its COMMIT marker as a marker entry;
 * - an open transaction: listed with its producer, partitions, state and age; the partition's last stable
 *   offset stays at its first offset while the high watermark moves on; read_committed stops there;
 * - the abort: refused to viewers, done by operators with an ABORT marker and audited; then read_committed
 *   leaves its records out and shows the marker, read_uncommitted shows both, and the LSO reaches the high
 *   watermark;
 * - a hanging transaction (a transactional batch its coordinator never heard of): found on its partition and
 *   aborted by producer id, without a transactional id.
 * The broker runs with KIP-890's verification off, so that such a batch can be written at all.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TRPCError } from '@trpc/server';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Broker, createLogger } from '@sluice/broker';
import { ClusterClient } from '@sluice/client';
import { openDatabase, type ConsoleDatabase, type UserRole } from '@sluice/db';
import { LoginRateLimiter } from '../auth/login-rate-limiter.ts';
import type { ClusterSource, ConsoleEntry } from '../cluster-source/cluster-source.ts';
import { EmbeddedClusterSource } from '../cluster-source/embedded-cluster-source.ts';
import { RemoteClusterSource } from '../cluster-source/remote-cluster-source.ts';
import { writeHangingTransaction } from '../../../client/src/testing/hanging-transaction.ts';
import { createCaller } from '../root.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-transactions-router-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

let broker: Broker;
let database: ConsoleDatabase;
let embedded: EmbeddedClusterSource;
let remote: RemoteClusterSource;
const producers: Producer[] = [];

function as(role: UserRole, cluster: ClusterSource) {
  return createCaller({
    db: database.db,
    startedAt: new Date(),
    version: 'test',
    cluster,
    user: { id: 1, username: `${role}-user`, role, kafkaPrincipal: null },
    request: null,
    loginLimiter: new LoginRateLimiter(),
  });
}

/** A connected kafkajs transactional producer. */
async function transactionalProducer(transactionalId: string): Promise<Producer> {
  const kafka = new Kafka({
    brokers: [`127.0.0.1:${broker.port}`],
    clientId: transactionalId,
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ transactionalId, maxInFlightRequests: 1, idempotent: true });
  await producer.connect();
  producers.push(producer);
  return producer;
}

/** Each entry as "kind:offset:what" (the value's text for records, the marker's type for markers). */
const summary = (entries: ConsoleEntry[]) =>
  entries.map((e) =>
    e.kind === 'record'
      ? `record:${e.offset}:${Buffer.from(e.value ?? '', 'base64').toString()}`
      : `marker:${e.offset}:${e.marker}`,
  );

before(async () => {
  broker = await Broker.start({
    dataDir: join(dir, 'broker'),
    port: 0,
    configs: new Map([['transaction.partition.verification.enable', 'false']]),
    logger: createLogger('broker', 'warn'),
  });
  database = await openDatabase(join(dir, 'console.db'));
  embedded = new EmbeddedClusterSource(broker.services);
  remote = RemoteClusterSource.forBootstrap(`127.0.0.1:${broker.port}`);
});

after(async () => {
  for (const producer of producers) await producer.disconnect().catch(() => undefined);
  for (const source of [embedded, remote]) source?.close();
  database?.close();
  await broker?.close();
});

for (const [name, source] of [
  ['embedded', () => embedded],
  ['remote', () => remote],
] as const) {
  describe(`transactions through the ${name} cluster source`, () => {
    const topic = `payments-${name}`;

    it('reads a committed transaction under read_committed, its COMMIT marker as a marker', async () => {
      const cluster = source();
      await as('operator', cluster).topics.create({
        name: topic,
        partitions: 1,
        replicationFactor: 1,
        configs: {},
        validateOnly: false,
      });
      const producer = await transactionalProducer(`${topic}-committer`);
      const transaction = await producer.transaction();
      await transaction.send({ topic, messages: [{ value: 'committed-1' }, { value: 'committed-2' }] });
      await transaction.commit();

      const page = await as('viewer', cluster).messages.browse({
        topic,
        from: { type: 'oldest' },
        isolationLevel: 'read_committed',
        limit: 10,
      });
      assert.deepEqual(summary(page.records), [
        'record:0:committed-1',
        'record:1:committed-2',
        'marker:2:COMMIT',
      ]);
      const marker = page.records[2]!;
      assert.ok(marker.kind === 'marker' && marker.producerId >= 0);
      assert.equal(page.next, null, 'the marker ends the page: nothing more to read');
    });

    it('lists an open transaction with its partitions and age; the LSO stays at its first offset', async () => {
      const cluster = source();
      const producer = await transactionalProducer(`${topic}-writer`);
      const transaction = await producer.transaction();
      await transaction.send({ topic, messages: [{ value: 'pending-1' }, { value: 'pending-2' }] });

      const { transactions, maxTimeoutMs } = await as('viewer', cluster).transactions.list();
      assert.equal(maxTimeoutMs, 900_000, "Kafka's default transaction.max.timeout.ms");
      const listed = transactions.find((t) => t.transactionalId === `${topic}-writer`);
      assert.ok(listed, `not listed: ${JSON.stringify(transactions)}`);
      assert.equal(listed.state, 'Ongoing');
      assert.deepEqual(listed.partitions, [{ topic, partition: 0 }]);
      assert.equal(listed.transactionTimeoutMs, 60_000);
      assert.ok(listed.ageMs !== null && listed.ageMs >= 0 && listed.ageMs < 60_000);
      assert.equal(listed.hanging, false);

      const [partition] = (await as('viewer', cluster).topics.detail({ topic })).partitions;
      assert.equal(partition!.highWatermark, 5);
      assert.equal(partition!.lastStableOffset, 3, 'the first offset of the open transaction');

      const committed = await as('viewer', cluster).messages.browse({
        topic,
        from: { type: 'oldest' },
        isolationLevel: 'read_committed',
        limit: 10,
      });
      assert.deepEqual(summary(committed.records), [
        'record:0:committed-1',
        'record:1:committed-2',
        'marker:2:COMMIT',
      ]);

      const [producerState] = (
        await as('viewer', cluster).transactions.producers({ topic, partition: 0 })
      ).filter((p) => p.producerId === listed.producerId);
      assert.equal(producerState!.currentTransactionStartOffset, 3);
    });

    it('aborts it for operators only, audited; read_committed then leaves its records out', async () => {
      const cluster = source();
      const { transactions } = await as('viewer', cluster).transactions.list();
      const open = transactions.find((t) => t.transactionalId === `${topic}-writer`)!;
      const abort = {
        transactionalId: open.transactionalId,
        producerId: open.producerId,
        partitions: open.partitions,
      };
      await assert.rejects(
        as('viewer', cluster).transactions.abort(abort),
        (error: unknown) => error instanceof TRPCError && error.code === 'FORBIDDEN',
      );

      const { partitions } = await as('operator', cluster).transactions.abort(abort);
      assert.deepEqual(partitions, [
        { topic, partition: 0, startOffset: 3, producerEpoch: open.producerEpoch, coordinatorEpoch: 0 },
      ]);
      const { entries } = await as('operator', cluster).audit.list({});
      const audited = entries.find(
        (e) => e.action === 'transaction.abort' && e.target === open.transactionalId,
      );
      assert.ok(audited, 'the abort is in the audit log');
      assert.equal(audited.actor, 'operator-user');

      await assert.rejects(
        as('operator', cluster).transactions.abort(abort),
        (error: unknown) =>
          error instanceof TRPCError &&
          error.code === 'PRECONDITION_FAILED' &&
          error.message === `producer ${open.producerId} has no open transaction on ${topic}-0`,
      );

      const [partition] = (await as('viewer', cluster).topics.detail({ topic })).partitions;
      assert.equal(partition!.highWatermark, 6, 'the ABORT marker is at 5');
      assert.equal(partition!.lastStableOffset, 6);

      const read = (isolationLevel: 'read_committed' | 'read_uncommitted') =>
        as('viewer', cluster).messages.browse({ topic, from: { type: 'oldest' }, isolationLevel, limit: 10 });
      assert.deepEqual(summary((await read('read_committed')).records), [
        'record:0:committed-1',
        'record:1:committed-2',
        'marker:2:COMMIT',
        'marker:5:ABORT',
      ]);
      assert.deepEqual(summary((await read('read_uncommitted')).records), [
        'record:0:committed-1',
        'record:1:committed-2',
        'marker:2:COMMIT',
        'record:3:pending-1',
        'record:4:pending-2',
        'marker:5:ABORT',
      ]);
    });

    it('tails read_committed: markers pass the filters, records of the aborted transaction never come', async () => {
      const stream = await as('viewer', source()).messages.tail({
        topic,
        from: { type: 'offset', offset: 0 },
        isolationLevel: 'read_committed',
        valueContains: 'committed-1',
        maxPerSecond: 100,
      });
      const seen: ConsoleEntry[] = [];
      let filteredOut = 0;
      for await (const event of stream) {
        // tracked() events arrive as [id, data] envelopes.
        const [, data] = event as unknown as [string, { records: ConsoleEntry[]; filteredOut: number }];
        seen.push(...data.records);
        filteredOut += data.filteredOut;
        if (seen.length >= 3) break;
      }
      assert.deepEqual(summary(seen.sort((a, b) => a.offset - b.offset)), [
        'record:0:committed-1',
        'marker:2:COMMIT',
        'marker:5:ABORT',
      ]);
      assert.equal(filteredOut, 1, 'committed-2; the aborted records were never read as data');
    });
  });
}

describe('a hanging transaction', () => {
  it('is found on its partition, not among the open transactions, and aborted by producer id', async () => {
    const topic = 'ledger';
    await as('operator', embedded).topics.create({
      name: topic,
      partitions: 1,
      replicationFactor: 1,
      configs: {},
      validateOnly: false,
    });
    const client = new ClusterClient(`127.0.0.1:${broker.port}`);
    let producerId: number;
    try {
      producerId = Number(
        (await writeHangingTransaction(client, 'ledger-writer', topic, 0, ['orphan'])).producerId,
      );
    } finally {
      client.close();
    }
    for (const cluster of [embedded, remote]) {
      const { transactions } = await as('viewer', cluster).transactions.list();
      assert.ok(
        !transactions.some((t) => t.transactionalId === 'ledger-writer'),
        'its coordinator has it Empty',
      );
      const atDefault = await as('viewer', cluster).transactions.hanging();
      assert.equal(atDefault.maxTransactionTimeoutMs, 900_000);
      assert.deepEqual(atDefault.transactions, [], 'idle for less than transaction.max.timeout.ms');
      const { transactions: hanging } = await as('viewer', cluster).transactions.hanging({
        maxTransactionTimeoutMs: 0,
      });
      const found = hanging.filter((h) => h.topic === topic);
      assert.equal(found.length, 1, JSON.stringify(hanging));
      assert.deepEqual(
        { ...found[0], lastTimestamp: undefined },
        {
          topic,
          partition: 0,
          producerId,
          producerEpoch: 0,
          coordinatorEpoch: null,
          startOffset: 0,
          lastTimestamp: undefined,
        },
      );
    }
    const { partitions } = await as('operator', remote).transactions.abort({
      transactionalId: null,
      producerId,
      partitions: [{ topic, partition: 0 }],
    });
    assert.deepEqual(partitions, [
      { topic, partition: 0, startOffset: 0, producerEpoch: 0, coordinatorEpoch: 0 },
    ]);
    const { entries } = await as('operator', embedded).audit.list({});
    assert.ok(entries.some((e) => e.action === 'transaction.abort' && e.target === `producer ${producerId}`));
    const afterAbort = await as('viewer', embedded).transactions.hanging({ maxTransactionTimeoutMs: 0 });
    assert.deepEqual(
      afterAbort.transactions.filter((h) => h.topic === topic),
      [],
    );
    const [partition] = (await as('viewer', embedded).topics.detail({ topic })).partitions;
    assert.deepEqual([partition!.lastStableOffset, partition!.highWatermark], [2, 2]);
  });
});
