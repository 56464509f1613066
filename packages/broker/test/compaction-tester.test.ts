/**
 * Log compaction checked the way Kafka's LogCompactionTester checks it, against a real broker and kcat: many keys
 * updated and deleted at random while an aggressive cleaner (small segments, min.cleanable.dirty.ratio 0.01,
 * delete.retention.ms 500) compacts the topic. Every record a reader sees is the one written at that offset,
 * offsets strictly increase, a reader never sees a key's latest record go back to an older one between reads,
 * and once the tombstones expired a reader from the beginning sees exactly the latest value of every live key
 * and nothing of a deleted one. A broker SIGKILLed while throttled passes run comes back with every key's latest
 * value.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { kcatReadAll } from './support/kcat.ts';
import { runOk } from './support/run.ts';

interface Written {
  key: string;
  value: string | null;
}

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function createCompactedTopic(broker: BrokerProcess, topic: string, configs: Record<string, string>) {
  const client = await KafkaConnection.connect('127.0.0.1', broker.port);
  try {
    const created = await client.request(ApiKey.CreateTopics, {
      topics: [
        {
          name: topic,
          numPartitions: 1,
          replicationFactor: 1,
          assignments: [],
          configs: Object.entries({ 'cleanup.policy': 'compact', ...configs }).map(([name, value]) => ({
            name,
            value,
          })),
        },
      ],
      timeoutMs: 10_000,
      validateOnly: false,
    });
    assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE, 'create');
  } finally {
    client.close();
  }
}

/** Produces the records in order with kcat (an empty value is sent as a tombstone) and appends them to `log`. */
async function produce(broker: BrokerProcess, topic: string, records: Written[], log: Written[]) {
  const input = records.map((r) => `${r.key}:${r.value ?? ''}\n`).join('');
  await runOk(
    'kcat',
    ['-b', broker.bootstrap, '-P', '-t', topic, '-K:', '-Z', '-X', 'batch.num.messages=25'],
    {
      input,
    },
  );
  log.push(...records);
}

/** Every record from the beginning: checks each against what was written at its offset, and their order. */
async function readChecked(broker: BrokerProcess, topic: string, written: readonly Written[]) {
  const lines = await kcatReadAll(broker.bootstrap, topic, { format: '%o\t%k\t%S\t%s\n', timeoutMs: 60_000 });
  const lastOffsetOfKey = new Map<string, number>();
  let previous = -1;
  for (const line of lines) {
    const [offsetText, key, length, value] = line.split('\t') as [string, string, string, string];
    const offset = Number(offsetText);
    assert.ok(offset > previous, `offsets strictly increase: ${offset} after ${previous}`);
    previous = offset;
    const expected = written[offset];
    assert.ok(expected, `offset ${offset} was written`);
    assert.deepEqual(
      { key, value: length === '-1' ? null : value },
      expected,
      `offset ${offset} is as written`,
    );
    lastOffsetOfKey.set(key, offset);
  }
  return lastOffsetOfKey;
}

function latestOf(written: readonly Written[]): Map<string, string | null> {
  const latest = new Map<string, string | null>();
  for (const { key, value } of written) latest.set(key, value);
  return latest;
}

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const cleanings = (broker: BrokerProcess, topic: string) =>
  broker.output().split(`cleaned ${topic}-0 `).length - 1;

describe('log compaction tester', () => {
  let broker: BrokerProcess;
  before(async () => {
    broker = await startBroker({ configs: { 'log.cleaner.backoff.ms': '50' } });
  });
  after(async () => {
    await broker.stop();
  });

  it('keeps exactly the latest value of every live key while keys are updated and deleted at random', async () => {
    const topic = 'tester';
    await createCompactedTopic(broker, topic, {
      'segment.bytes': '4096',
      'min.cleanable.dirty.ratio': '0.01',
      'delete.retention.ms': '500',
    });
    const next = random(16);
    const written: Written[] = [];
    const keys = Array.from({ length: 80 }, (_, i) => `key-${i}`);
    let seen = new Map<string, number>();
    for (let round = 0; round < 8; round++) {
      const records = Array.from({ length: 300 }, (_, i): Written => {
        const key = keys[Math.floor(next() * keys.length)]!;
        return { key, value: next() < 0.2 ? null : `r${round}-${i}` };
      });
      await produce(broker, topic, records, written);
      const now = await readChecked(broker, topic, written);
      for (const [key, offset] of now) {
        const before = seen.get(key);
        assert.ok(
          before === undefined || offset >= before,
          `${key} went back from offset ${before} to ${offset} between reads`,
        );
      }
      seen = now;
    }
    assert.ok(cleanings(broker, topic) > 0, 'the cleaner ran while the keys were written');

    // Filler keys push every tombstone out of the active segment (which is never cleaned); after
    // delete.retention.ms, passes over new dirt remove the expired tombstones.
    const filler = (tag: string) =>
      Array.from({ length: 120 }, (_, i) => ({ key: `filler-${i}`, value: tag }));
    await produce(broker, topic, filler('a'), written);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const latest = latestOf(written);
    const deleted = [...latest].filter(([, value]) => value === null).map(([key]) => key);
    assert.ok(deleted.length > 0, 'some keys end deleted');
    let round = 0;
    await waitFor('every expired tombstone is gone', async () => {
      await produce(broker, topic, filler(`b${round++}`), written);
      await new Promise((resolve) => setTimeout(resolve, 700));
      const lastOffsets = await readChecked(broker, topic, written);
      return deleted.every((key) => !lastOffsets.has(key));
    });
    const final = latestOf(written);
    const lastOffsets = await readChecked(broker, topic, written);
    const read = new Map([...lastOffsets].map(([key, offset]) => [key, written[offset]!.value]));
    assert.deepEqual(
      new Map([...read].sort()),
      new Map([...final].filter(([, value]) => value !== null).sort()),
      'exactly the live keys, each with its latest value',
    );
  });

  it('recovers every key after a SIGKILL while throttled passes run', async () => {
    const topic = 'killed';
    const configs = { 'log.cleaner.backoff.ms': '50', 'log.cleaner.io.max.bytes.per.second': '40000' };
    let victim = await startBroker({ configs });
    try {
      await createCompactedTopic(victim, topic, {
        'segment.bytes': '8192',
        'min.cleanable.dirty.ratio': '0.01',
      });
      const next = random(42);
      const written: Written[] = [];
      const keys = Array.from({ length: 200 }, (_, i) => `key-${i}`);
      const values = (round: number) =>
        Array.from({ length: 600 }, (_, i): Written => {
          const key = keys[Math.floor(next() * keys.length)]!;
          return { key, value: `${round}-${i}-${'x'.repeat(40)}` };
        });
      for (let kill = 0; kill < 3; kill++) {
        await produce(victim, topic, values(kill), written);
        const passesBefore = cleanings(victim, topic);
        // Reading and writing ~100 KB at 40 KB/s: a pass takes seconds, so the kill lands inside one.
        await new Promise((resolve) => setTimeout(resolve, 1500 + Math.floor(next() * 1500)));
        await victim.stop('SIGKILL');
        victim = await startBroker({ dataDir: victim.dataDir, configs });
        const lastOffsets = await readChecked(victim, topic, written);
        const read = new Map([...lastOffsets].map(([key, offset]) => [key, written[offset]!.value]));
        assert.deepEqual(
          new Map([...read].sort()),
          new Map([...latestOf(written)].sort()),
          `after kill ${kill} (${passesBefore} passes had finished), every key has its latest value`,
        );
      }
    } finally {
      await victim.stop();
    }
  });
});
