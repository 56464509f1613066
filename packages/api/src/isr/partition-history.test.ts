import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildTimeline,
  changedStates,
  eventsBetween,
  partitionStateKey,
  type ObservedState,
  type PartitionState,
} from './partition-history.ts';

function state(partition: number, leader: number, leaderEpoch: number, replicas: number[], isr: number[]) {
  return {
    topic: 't',
    topicId: 'id-1',
    partition,
    leader,
    leaderEpoch,
    replicas,
    isr,
  } satisfies PartitionState;
}
const at = (time: number, s: PartitionState): ObservedState => ({ ...s, at: time });
const keyed = (...states: PartitionState[]) =>
  new Map(states.map((s) => [partitionStateKey(s.topic, s.partition), s]));

describe('partition history: change detection', () => {
  it('records new and changed partitions only, ISR order aside', () => {
    const previous = keyed(state(0, 1, 3, [1, 2], [1, 2]), state(1, 2, 0, [2, 3], [2, 3]));
    const changed = changedStates(previous, [
      state(0, 1, 3, [1, 2], [2, 1]),
      state(1, 2, 0, [2, 3], [2]),
      state(2, 3, 0, [3, 1], [3, 1]),
    ]);
    assert.deepEqual(
      changed.map((s) => [s.partition, s.isr]),
      [
        [1, [2]],
        [2, [3, 1]],
      ],
    );
  });

  it('sees a leader epoch bump, a replica set change and a topic created again under its name', () => {
    const before = state(0, 1, 3, [1, 2], [1, 2]);
    assert.equal(changedStates(keyed(before), [state(0, 1, 4, [1, 2], [1, 2])]).length, 1);
    assert.equal(changedStates(keyed(before), [state(0, 1, 3, [2, 1], [1, 2])]).length, 1);
    assert.equal(changedStates(keyed(before), [{ ...before, topicId: 'id-2' }]).length, 1);
  });

  it('writes a tombstone once for each partition of a topic that is gone', () => {
    const previous = keyed(state(0, 1, 3, [1, 2], [1, 2]));
    const [tombstone] = changedStates(previous, []);
    assert.deepEqual(tombstone, { ...state(0, -1, 3, [], []) });
    assert.deepEqual(changedStates(keyed(tombstone!), []), []);
  });
});

describe('partition history: events', () => {
  it('names every change of a reassignment from 1,2 to 2,3 and its leader change with the epoch', () => {
    const moving = at(2000, state(0, 1, 5, [2, 3, 1], [1, 2]));
    assert.deepEqual(eventsBetween(state(0, 1, 5, [1, 2], [1, 2]), moving), [
      { kind: 'replica-added', at: 2000, replica: 3 },
    ]);
    const caughtUp = at(3000, state(0, 1, 5, [2, 3, 1], [1, 2, 3]));
    assert.deepEqual(eventsBetween(moving, caughtUp), [{ kind: 'isr-join', at: 3000, replica: 3 }]);
    assert.deepEqual(eventsBetween(caughtUp, at(4000, state(0, 2, 6, [2, 3], [2, 3]))), [
      { kind: 'isr-leave', at: 4000, replica: 1 },
      { kind: 'replica-removed', at: 4000, replica: 1 },
      { kind: 'leader-change', at: 4000, from: 1, to: 2, leaderEpoch: 6 },
    ]);
  });

  it('says when only the leader epoch or the replicas’ order moved, when the console first saw a partition, and a deletion', () => {
    assert.deepEqual(eventsBetween(state(0, 1, 5, [1, 2], [1, 2]), at(9, state(0, 1, 6, [1, 2], [1, 2]))), [
      { kind: 'leader-epoch', at: 9, leader: 1, leaderEpoch: 6 },
    ]);
    assert.deepEqual(eventsBetween(state(0, 1, 5, [1, 2], [1, 2]), at(9, state(0, 1, 6, [2, 1], [1, 2]))), [
      { kind: 'replicas-reordered', at: 9, replicas: [2, 1] },
      { kind: 'leader-epoch', at: 9, leader: 1, leaderEpoch: 6 },
    ]);
    assert.deepEqual(eventsBetween(null, at(9, state(0, 1, 6, [1, 2], [1]))), [
      { kind: 'first-seen', at: 9, leader: 1, leaderEpoch: 6, replicas: [1, 2], isr: [1] },
    ]);
    assert.deepEqual(eventsBetween(state(0, 1, 6, [1, 2], [1]), at(10, state(0, -1, 6, [], []))), [
      { kind: 'topic-deleted', at: 10 },
    ]);
  });
});

describe('partition history: timeline', () => {
  it('draws lanes from the state before the window, merging spans, and lists the events inside it', () => {
    const states = [
      at(0, state(0, 1, 1, [1, 2], [1, 2])),
      at(150, state(0, 1, 1, [1, 2], [1])),
      at(200, state(0, 1, 1, [1, 2], [1, 2])),
      at(300, state(0, 2, 2, [1, 2], [2])),
    ];
    const timeline = buildTimeline(0, states, 100, 400);
    assert.deepEqual(timeline.lanes, [
      {
        replica: 1,
        spans: [
          { from: 100, to: 300, status: 'leader' },
          { from: 300, to: 400, status: 'out-of-isr' },
        ],
      },
      {
        replica: 2,
        spans: [
          { from: 100, to: 150, status: 'in-isr' },
          { from: 150, to: 200, status: 'out-of-isr' },
          { from: 200, to: 300, status: 'in-isr' },
          { from: 300, to: 400, status: 'leader' },
        ],
      },
    ]);
    assert.deepEqual(
      timeline.events.map((e) => `${e.at} ${e.kind}`),
      ['150 isr-leave', '200 isr-join', '300 isr-leave', '300 leader-change'],
    );
    assert.deepEqual(timeline.current, state(0, 2, 2, [1, 2], [2]));
  });

  it('starts lanes when the partition was first seen, and keeps only the newest topic id', () => {
    const old = { ...state(0, 3, 9, [3], [3]), topicId: 'id-0' };
    const timeline = buildTimeline(0, [at(0, old), at(250, state(0, 1, 0, [1], [1]))], 100, 400);
    assert.deepEqual(timeline.lanes, [{ replica: 1, spans: [{ from: 250, to: 400, status: 'leader' }] }]);
    assert.deepEqual(
      timeline.events.map((e) => e.kind),
      ['first-seen'],
    );
  });
});
