/**
 * Recovery after a crash that left a torn tail on the active segment: the broker starts, truncates the tail,
 * serves everything before it, and keeps appending after it.
 */
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startBroker, tempDataDir } from './support/broker-process.ts';
import { kcatReadAll } from './support/kcat.ts';
import { runOk } from './support/run.ts';

const ACTIVE_SEGMENT = '00000000000000000000.log';

async function produce(bootstrap: string, topic: string, values: string[]): Promise<void> {
  await runOk('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0'], { input: `${values.join('\n')}\n` });
}

async function crashWithTornTail(tear: (segmentPath: string) => void): Promise<void> {
  const dataDir = tempDataDir();
  const topic = 'torn';
  const first = await startBroker({ dataDir });
  const values = Array.from({ length: 100 }, (_, i) => `record-${i}`);
  await produce(first.bootstrap, topic, values.slice(0, 50));
  await produce(first.bootstrap, topic, values.slice(50));
  await first.stop('SIGKILL');

  const segment = join(dataDir, `${topic}-0`, ACTIVE_SEGMENT);
  const goodSize = statSync(segment).size;
  tear(segment);
  assert.ok(statSync(segment).size > goodSize, 'the tear must add bytes');

  const second = await startBroker({ dataDir });
  try {
    assert.deepEqual(
      await kcatReadAll(second.bootstrap, topic),
      values,
      'records before the torn tail survive',
    );
    assert.equal(statSync(segment).size, goodSize, 'the torn tail is truncated');
    await produce(second.bootstrap, topic, ['after-recovery']);
    assert.deepEqual(await kcatReadAll(second.bootstrap, topic), [...values, 'after-recovery']);
  } finally {
    await second.stop();
  }
}

describe('recovery of a torn active segment', () => {
  it('truncates garbage written after the last batch', async () => {
    await crashWithTornTail((segment) =>
      appendFileSync(segment, Buffer.from('garbage that is not a record batch\n'.repeat(8))),
    );
  });

  it('truncates half of a batch written at the end', async () => {
    await crashWithTornTail((segment) => {
      const log = readFileSync(segment);
      // The second batch holds records 50-99; append its first half again, as a write cut short would leave it.
      const firstBatchSize = log.readInt32BE(8) + 12;
      const secondBatch = log.subarray(firstBatchSize);
      appendFileSync(segment, secondBatch.subarray(0, Math.floor(secondBatch.length / 2)));
    });
  });

  it('truncates a complete batch whose CRC does not match', async () => {
    await crashWithTornTail((segment) => {
      const log = readFileSync(segment);
      const firstBatchSize = log.readInt32BE(8) + 12;
      // A copy of the next batch, placed at the next offset so only its CRC can tell it apart; the flipped
      // byte lies inside the records, which the CRC covers (baseOffset is outside it).
      const copy = Buffer.from(
        log.subarray(firstBatchSize, firstBatchSize + log.readInt32BE(firstBatchSize + 8) + 12),
      );
      copy.writeBigInt64BE(100n, 0);
      copy[61] = copy[61]! ^ 0xff;
      appendFileSync(segment, copy);
    });
  });
});
