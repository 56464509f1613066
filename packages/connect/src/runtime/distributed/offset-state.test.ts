import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeOffsetKey, encodeOffsetValue } from './offset-records.ts';
import { OffsetTopicState } from './offset-state.ts';

describe('OffsetTopicState', () => {
  it('keeps the latest offset per key and lists partitions per connector until a tombstone', () => {
    const state = new OffsetTopicState();
    const fileA = encodeOffsetKey('file', { filename: 'a' });
    const fileB = encodeOffsetKey('file', { filename: 'b' });
    state.apply(fileA, encodeOffsetValue({ position: 1 }));
    state.apply(fileA, encodeOffsetValue({ position: 7 }));
    state.apply(fileB, encodeOffsetValue({ position: 3 }));
    state.apply(encodeOffsetKey('other', { p: 0 }), encodeOffsetValue({ o: 0 }));

    assert.deepEqual(state.offset(Buffer.from(fileA)), new Map([['position', 7n]]));
    assert.deepEqual(state.connectorPartitions('file'), [
      new Map([['filename', 'a']]),
      new Map([['filename', 'b']]),
    ]);

    state.apply(fileA, null);
    assert.equal(state.get(fileA), null);
    assert.deepEqual(state.connectorPartitions('file'), [new Map([['filename', 'b']])]);
    assert.deepEqual(state.connectorPartitions('none'), []);
  });

  it('matches keys by bytes, so another key order is another entry', () => {
    const state = new OffsetTopicState();
    state.apply(encodeOffsetKey('c', { a: 1, b: 2 }), encodeOffsetValue({ o: 1 }));
    assert.equal(state.get(encodeOffsetKey('c', { b: 2, a: 1 })), null);
  });

  it('stores keys that are not [connector, partition] without listing them', () => {
    const state = new OffsetTopicState();
    state.apply(Buffer.from('"junk"'), Buffer.from('{"o":1}'));
    const noKey: Buffer | null = null;
    state.apply(noKey, Buffer.from('{}'));
    assert.deepEqual(state.get(Buffer.from('"junk"')), Buffer.from('{"o":1}'));
    assert.deepEqual(state.connectorPartitions('junk'), []);
  });
});
