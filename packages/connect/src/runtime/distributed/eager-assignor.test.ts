import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConfigView } from './assignor-common.ts';
import {
  CONFIG_MISMATCH,
  NO_ERROR,
  decodeAssignment,
  encodeExtendedWorkerState,
  encodeWorkerState,
} from './connect-protocol.ts';
import { EagerAssignor, eagerAssignment } from './eager-assignor.ts';

function configView(offset: number, taskCounts: Record<string, number>): ConfigView {
  return {
    offset,
    connectors: () => Object.keys(taskCounts),
    tasks: (connector) =>
      Array.from({ length: taskCounts[connector] ?? 0 }, (_, task) => ({ connector, task })),
  };
}

describe('EagerAssignor', () => {
  it('assigns sorted connectors round-robin over sorted members, then tasks continuing the round', () => {
    const { connectors, tasks } = eagerAssignment(['w3', 'w1', 'w2'], configView(5, { b: 1, a: 3 }));
    assert.deepEqual(Object.fromEntries(connectors), { w1: ['a'], w2: ['b'] });
    assert.deepEqual(Object.fromEntries(tasks), {
      w3: [
        { connector: 'a', task: 0 },
        { connector: 'b', task: 0 },
      ],
      w1: [{ connector: 'a', task: 1 }],
      w2: [{ connector: 'a', task: 2 }],
    });
  });

  it('reads v0 and v1 metadata alike and writes v0 assignments with the leader and config offset', () => {
    const members = [
      { memberId: 'w1', metadata: encodeWorkerState({ url: 'http://w1/', configOffset: 5 }) },
      {
        memberId: 'w2',
        metadata: encodeExtendedWorkerState({ url: 'http://w2/', configOffset: 4, assignment: null }, false),
      },
    ];
    const result = new EagerAssignor().performAssignment('w2', members, {
      snapshot: configView(5, { a: 2 }),
    });
    assert.deepEqual(decodeAssignment(result.encoded.get('w1')!), {
      error: NO_ERROR,
      leader: 'w2',
      leaderUrl: 'http://w2/',
      configOffset: 5,
      connectors: ['a'],
      tasks: [{ connector: 'a', task: 1 }],
    });
    assert.deepEqual(result.assignments.get('w2')!.tasks, [{ connector: 'a', task: 0 }]);
  });

  it('answers CONFIG_MISMATCH when the leader cannot catch up to the highest member config offset', () => {
    const members = [
      { memberId: 'w1', metadata: encodeWorkerState({ url: 'u1', configOffset: 9 }) },
      { memberId: 'w2', metadata: encodeWorkerState({ url: 'u2', configOffset: 3 }) },
    ];
    const behind = new EagerAssignor().performAssignment('w2', members, {
      snapshot: configView(3, { a: 1 }),
      freshSnapshot: () => configView(7, { a: 1 }),
    });
    for (const assignment of behind.assignments.values()) {
      assert.equal(assignment.error, CONFIG_MISMATCH);
      assert.equal(assignment.configOffset, 9);
      assert.deepEqual(assignment.connectors, []);
    }
    assert.equal(behind.snapshot, null);

    const caughtUp = new EagerAssignor().performAssignment('w2', members, {
      snapshot: configView(3, { a: 1 }),
      freshSnapshot: () => configView(10, { a: 1 }),
    });
    assert.equal(caughtUp.assignments.get('w1')!.error, NO_ERROR);
    assert.equal(caughtUp.assignments.get('w1')!.configOffset, 10);
  });
});
