import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TailBuffer, type TailCounts } from './tail-buffer.ts';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** Every record the server sent is in the list, waiting, or dropped. */
function assertAccounted(counts: TailCounts) {
  assert.equal(counts.received, counts.shown + counts.waiting + counts.dropped);
}

test('the list keeps the newest records, newest first, and counts the ones it drops', () => {
  const buffer = new TailBuffer<number>(5);
  buffer.receive(range(0, 3), 10, 2);
  assert.deepEqual(buffer.rows(), [2, 1, 0]);
  buffer.receive(range(3, 9), 5, 0);
  assert.deepEqual(buffer.rows(), [8, 7, 6, 5, 4]);
  const counts = buffer.counts();
  assert.deepEqual(counts, { received: 9, shown: 5, waiting: 0, dropped: 4, skipped: 15, filteredOut: 2 });
  assertAccounted(counts);
});

test('an event larger than the buffer keeps its newest records', () => {
  const buffer = new TailBuffer<number>(3);
  buffer.receive(range(0, 10), 0, 0);
  assert.deepEqual(buffer.rows(), [9, 8, 7]);
  assert.equal(buffer.counts().dropped, 7);
});

test('paused, the list stays as it was while arrivals wait, and are counted', () => {
  const buffer = new TailBuffer<number>(4);
  buffer.receive(range(0, 2), 0, 0);
  const before = buffer.rows();
  buffer.pause();
  buffer.receive(range(2, 5), 1, 1);
  assert.equal(buffer.rows(), before, 'the same list, not a copy');
  assert.deepEqual(buffer.counts(), {
    received: 5,
    shown: 2,
    waiting: 3,
    dropped: 0,
    skipped: 1,
    filteredOut: 1,
  });
  buffer.resume();
  assert.deepEqual(buffer.rows(), [4, 3, 2, 1]);
  const counts = buffer.counts();
  assert.deepEqual(counts, { received: 5, shown: 4, waiting: 0, dropped: 1, skipped: 1, filteredOut: 1 });
  assertAccounted(counts);
});

test('while paused, waiting records are bounded too, and what they push out is dropped', () => {
  const buffer = new TailBuffer<number>(3);
  buffer.pause();
  buffer.receive(range(0, 7), 0, 0);
  assert.deepEqual(buffer.counts(), {
    received: 7,
    shown: 0,
    waiting: 3,
    dropped: 4,
    skipped: 0,
    filteredOut: 0,
  });
  assertAccounted(buffer.counts());
  buffer.resume();
  assert.deepEqual(buffer.rows(), [6, 5, 4]);
  assertAccounted(buffer.counts());
});

test('clear empties the list and starts the counts over, and a paused tail stays paused', () => {
  const buffer = new TailBuffer<number>(3);
  buffer.receive(range(0, 5), 9, 9);
  buffer.pause();
  buffer.receive([5], 0, 0);
  buffer.clear();
  assert.deepEqual(buffer.rows(), []);
  assert.deepEqual(buffer.counts(), {
    received: 0,
    shown: 0,
    waiting: 0,
    dropped: 0,
    skipped: 0,
    filteredOut: 0,
  });
  assert.equal(buffer.paused, true);
  buffer.receive([6], 0, 0);
  assert.equal(buffer.counts().waiting, 1);
});

test('the invariant holds through a long random run of events, pauses and resumes', () => {
  const buffer = new TailBuffer<number>(50);
  let next = 0;
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let step = 0; step < 2_000; step++) {
    const roll = random();
    if (roll < 0.05) buffer.pause();
    else if (roll < 0.1) buffer.resume();
    else {
      const count = Math.floor(random() * 40);
      buffer.receive(range(next, next + count), Math.floor(random() * 10), Math.floor(random() * 10));
      next += count;
    }
    assertAccounted(buffer.counts());
    const rows = buffer.rows();
    assert.ok(rows.length <= 50);
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1]! > rows[i]!, 'newest first, in order');
  }
  assert.equal(buffer.counts().received, next);
});
