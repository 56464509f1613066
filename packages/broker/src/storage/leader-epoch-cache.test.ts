/** Kafka's LeaderEpochFileCache rules, and the leader-epoch-checkpoint file as Kafka writes it. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDataDir } from '../../test/support/broker-process.ts';
import { LEADER_EPOCH_CHECKPOINT_FILE, LeaderEpochCache } from './leader-epoch-cache.ts';

describe('LeaderEpochCache', () => {
  it('writes the checkpoint in Kafka format and reads it back', () => {
    const dir = tempDataDir('sluice-epochs-');
    const cache = new LeaderEpochCache(dir);
    cache.assign(0, 0);
    cache.assign(0, 5);
    cache.assign(2, 10);
    cache.assign(5, 30);
    assert.equal(readFileSync(join(dir, LEADER_EPOCH_CHECKPOINT_FILE), 'utf8'), '0\n3\n0 0\n2 10\n5 30\n');
    assert.deepEqual(new LeaderEpochCache(dir).epochEntries(), cache.epochEntries());
  });

  it('rejects a checkpoint whose count does not match its entries', () => {
    const dir = tempDataDir('sluice-epochs-');
    writeFileSync(join(dir, LEADER_EPOCH_CHECKPOINT_FILE), '0\n2\n0 0\n');
    assert.throws(() => new LeaderEpochCache(dir), /expected 2 entries/);
  });

  it('drops entries a new assignment contradicts', () => {
    const cache = new LeaderEpochCache(tempDataDir('sluice-epochs-'));
    cache.assign(1, 0);
    cache.assign(2, 10);
    cache.assign(3, 20);
    cache.assign(4, 15);
    assert.deepEqual(cache.epochEntries(), [
      { epoch: 1, startOffset: 0 },
      { epoch: 2, startOffset: 10 },
      { epoch: 4, startOffset: 15 },
    ]);
    cache.assign(4, 12);
    assert.deepEqual(cache.epochEntries().at(-1), { epoch: 4, startOffset: 12 }, 'same epoch, earlier start');
  });

  it('answers endOffsetFor as OffsetForLeaderEpoch does', () => {
    const cache = new LeaderEpochCache(tempDataDir('sluice-epochs-'));
    cache.assign(2, 10);
    cache.assign(4, 20);
    cache.assign(7, 35);
    assert.deepEqual(cache.endOffsetFor(7, 50), { epoch: 7, endOffset: 50 }, 'latest epoch ends at the LEO');
    assert.deepEqual(cache.endOffsetFor(4, 50), { epoch: 4, endOffset: 35 });
    assert.deepEqual(cache.endOffsetFor(5, 50), { epoch: 4, endOffset: 35 }, 'unknown epoch: the floor');
    assert.deepEqual(cache.endOffsetFor(1, 50), { epoch: 1, endOffset: 10 }, 'below all known epochs');
    assert.deepEqual(cache.endOffsetFor(8, 50), { epoch: -1, endOffset: -1 }, 'newer than any');
    assert.deepEqual(cache.endOffsetFor(-1, 50), { epoch: -1, endOffset: -1 });
  });

  it('truncates from the end and from the start', () => {
    const dir = tempDataDir('sluice-epochs-');
    const cache = new LeaderEpochCache(dir);
    cache.assign(1, 0);
    cache.assign(2, 10);
    cache.assign(3, 20);
    cache.truncateFromEnd(20);
    assert.deepEqual(
      cache.epochEntries().map((e) => e.epoch),
      [1, 2],
    );
    cache.truncateFromEnd(25);
    assert.equal(cache.epochEntries().length, 2, 'nothing starts at or after 25');
    cache.assign(3, 20);
    cache.truncateFromStart(15);
    assert.deepEqual(cache.epochEntries(), [
      { epoch: 2, startOffset: 15 },
      { epoch: 3, startOffset: 20 },
    ]);
    assert.equal(readFileSync(join(dir, LEADER_EPOCH_CHECKPOINT_FILE), 'utf8'), '0\n2\n2 15\n3 20\n');
  });
});
