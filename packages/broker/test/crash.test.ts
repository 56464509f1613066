/**
 * Durability under SIGKILL: an idempotent producer (acks=all) sends while the broker is killed and restarted on
 * the same data directory and port. Every acknowledged record must be in the log exactly once afterwards.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { startBroker, tempDataDir } from './support/broker-process.ts';
import { kcatReadAll } from './support/kcat.ts';

const PRODUCER = fileURLToPath(new URL('./clients/idempotent_producer.py', import.meta.url));
const RECORDS = 30_000;

describe('crash safety', () => {
  it('keeps every acknowledged record exactly once across SIGKILL and restart', async () => {
    const dataDir = tempDataDir();
    const topic = 'crash';
    const first = await startBroker({ dataDir, configs: { 'num.partitions': '2' } });
    const port = first.port;

    const producer = spawn('/usr/bin/python3', [PRODUCER, first.bootstrap, topic, String(RECORDS)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    producer.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    producer.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const producerDone = new Promise<number | null>((resolve) => producer.once('exit', resolve));

    // Kill the broker once a few thousand records are acknowledged, i.e. in the middle of the stream.
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(
        () => reject(new Error(`producer made no progress:\n${out}\n${err}`)),
        30_000,
      );
      const poll = setInterval(() => {
        if ((out.match(/^ACK /gm)?.length ?? 0) >= 3000) {
          clearInterval(poll);
          clearTimeout(deadline);
          resolve();
        }
      }, 20);
    });
    await first.stop('SIGKILL');
    const ackedBeforeKill = out.match(/^ACK /gm)?.length ?? 0;
    await new Promise((r) => setTimeout(r, 300));
    const second = await startBroker({ dataDir, port });
    try {
      const code = await producerDone;
      assert.equal(code, 0, `producer failed:\n${err}`);
      const acked = out
        .split('\n')
        .filter((line) => line.startsWith('ACK '))
        .map((line) => line.split(' ')[1]!);
      const failed = out.split('\n').filter((line) => line.startsWith('FAIL '));
      assert.ok(acked.length > ackedBeforeKill, 'the producer resumed after the restart');
      assert.equal(failed.length, 0, `undelivered records: ${failed.slice(0, 5).join('; ')}`);

      const stored = await kcatReadAll(second.bootstrap, topic, { timeoutMs: 60_000 });
      const counts = new Map<string, number>();
      for (const value of stored) counts.set(value, (counts.get(value) ?? 0) + 1);
      const missing = acked.filter((value) => !counts.has(value));
      const duplicated = [...counts].filter(([, n]) => n > 1).map(([value]) => value);
      assert.deepEqual(missing, [], `${missing.length} acknowledged records are missing`);
      assert.deepEqual(duplicated, [], `${duplicated.length} records are stored more than once`);
      assert.equal(new Set(acked).size, RECORDS, 'every record was acknowledged once');
    } finally {
      producer.kill('SIGKILL');
      await second.stop();
    }
  });
});
