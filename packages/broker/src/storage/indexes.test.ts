import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDataDir } from '../../test/support/broker-process.ts';
import { OffsetIndex } from './offset-index.ts';
import { TimeIndex } from './time-index.ts';

const dir = () => tempDataDir('sluice-index-');

describe('OffsetIndex', () => {
  it('finds the last entry at or before an offset and persists 8-byte entries', () => {
    const path = join(dir(), '00000000000000000100.index');
    const index = new OffsetIndex(path, 100, 1000);
    index.append(100, 0);
    index.append(150, 4096);
    index.append(220, 9000);
    assert.deepEqual(index.lookup(99), { offset: 100, position: 0 });
    assert.deepEqual(index.lookup(149), { offset: 100, position: 0 });
    assert.deepEqual(index.lookup(150), { offset: 150, position: 4096 });
    assert.deepEqual(index.lookup(10_000), { offset: 220, position: 9000 });
    index.close();
    const bytes = readFileSync(path);
    assert.equal(bytes.length, 24);
    assert.equal(bytes.readUInt32BE(8), 50, 'relative offset');
    assert.equal(bytes.readUInt32BE(12), 4096, 'position');
  });

  it('drops a torn trailing entry on load and truncates by position', () => {
    const path = join(dir(), '00000000000000000000.index');
    const index = new OffsetIndex(path, 0, 1000);
    for (let i = 1; i <= 5; i++) index.append(i * 10, i * 1000);
    index.close();
    appendFileSync(path, Buffer.from([1, 2, 3]));
    const reopened = new OffsetIndex(path, 0, 1000);
    assert.equal(reopened.entries, 5);
    assert.equal(statSync(path).size, 40);
    reopened.truncateToPosition(3000);
    assert.equal(reopened.entries, 2);
    assert.deepEqual(reopened.lookup(1_000_000), { offset: 20, position: 2000 });
    reopened.close();
  });

  it('reports full at segment.index.bytes / 8 entries', () => {
    const index = new OffsetIndex(join(dir(), 'x.index'), 0, 3);
    for (let i = 0; i < 3; i++) index.append(i, i * 10);
    assert.equal(index.isFull, true);
    index.close();
  });
});

describe('TimeIndex', () => {
  it('keeps only increasing timestamps and finds the entry before a timestamp', () => {
    const path = join(dir(), '00000000000000000000.timeindex');
    const index = new TimeIndex(path, 0, 1000);
    index.maybeAppend(1000, 5);
    index.maybeAppend(900, 7);
    index.maybeAppend(2000, 9);
    index.maybeAppend(3000, 20);
    assert.equal(index.entries, 3);
    assert.equal(index.lookupBefore(1000), null);
    assert.deepEqual(index.lookupBefore(2500), { timestamp: 2000, offset: 9 });
    index.close();
    assert.equal(readFileSync(path).length, 36);
    const reopened = new TimeIndex(path, 0, 1000);
    assert.deepEqual(reopened.last, { timestamp: 3000, offset: 20 });
    reopened.truncateFromOffset(10);
    assert.deepEqual(reopened.last, { timestamp: 2000, offset: 9 });
    reopened.close();
  });
});
