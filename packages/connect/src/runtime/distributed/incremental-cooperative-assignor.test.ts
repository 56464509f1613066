import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConfigView } from './assignor-common.ts';
import {
  CONFIG_MISMATCH,
  NO_ERROR,
  decodeExtendedAssignment,
  encodeExtendedWorkerState,
  type ConnectorTaskId,
} from './connect-protocol.ts';
import {
  IncrementalCooperativeAssignor,
  type ClusterAssignment,
  type ConnectorsAndTasks,
} from './incremental-cooperative-assignor.ts';

class TestClock {
  constructor(public current = 1_000_000) {}
  now(): number {
    return this.current;
  }
}

function configView(taskCounts: Record<string, number>, offset = 1): ConfigView {
  return {
    offset,
    connectors: () => Object.keys(taskCounts),
    tasks: (connector) =>
      Array.from({ length: taskCounts[connector] ?? 0 }, (_, task) => ({ connector, task })),
  };
}

const id = (name: string): ConnectorTaskId => {
  const at = name.lastIndexOf('-');
  return { connector: name.slice(0, at), task: Number(name.slice(at + 1)) };
};
const names = (tasks: readonly ConnectorTaskId[]): string[] =>
  tasks.map((t) => `${t.connector}-${t.task}`).sort();

/** A group of workers that apply each assignment: stop what is revoked, start what is assigned. */
class Group {
  readonly running = new Map<string, ConnectorsAndTasks>();
  generation = 0;

  constructor(
    readonly assignor: IncrementalCooperativeAssignor,
    workers: string[],
  ) {
    for (const worker of workers) this.join(worker);
  }

  join(worker: string): void {
    this.running.set(worker, { connectors: [], tasks: [] });
  }

  leave(worker: string): void {
    this.running.delete(worker);
  }

  rebalance(config: ConfigView): ClusterAssignment {
    const result = this.assignor.computeAssignment(
      config,
      this.generation,
      this.generation + 1,
      this.running,
    );
    this.generation++;
    for (const [worker, work] of this.running) {
      const revokedConnectors = result.newlyRevokedConnectors.get(worker) ?? [];
      const revokedTasks = names(result.newlyRevokedTasks.get(worker) ?? []);
      this.running.set(worker, {
        connectors: [
          ...work.connectors.filter((c) => !revokedConnectors.includes(c)),
          ...(result.newlyAssignedConnectors.get(worker) ?? []),
        ],
        tasks: [
          ...work.tasks.filter((t) => !revokedTasks.includes(names([t])[0]!)),
          ...(result.newlyAssignedTasks.get(worker) ?? []),
        ],
      });
    }
    return result;
  }

  counts(): Record<string, [number, number]> {
    return Object.fromEntries(
      [...this.running].sort().map(([worker, work]) => [worker, [work.connectors.length, work.tasks.length]]),
    );
  }

  allTasks(): string[] {
    return names([...this.running.values()].flatMap((work) => work.tasks));
  }
}

const revokedCount = (result: ClusterAssignment): number =>
  [...result.newlyRevokedConnectors.values(), ...result.newlyRevokedTasks.values()].reduce(
    (n, l) => n + l.length,
    0,
  );
const assignedCount = (result: ClusterAssignment): number =>
  [...result.newlyAssignedConnectors.values(), ...result.newlyAssignedTasks.values()].reduce(
    (n, l) => n + l.length,
    0,
  );

describe('IncrementalCooperativeAssignor', () => {
  const config = configView({ a: 4, b: 4 });

  it('balances new connectors and tasks over empty workers in one round, revoking nothing', () => {
    const group = new Group(new IncrementalCooperativeAssignor(new TestClock()), ['w1', 'w2', 'w3']);
    const result = group.rebalance(config);
    assert.equal(revokedCount(result), 0);
    assert.deepEqual(group.counts(), { w1: [1, 3], w2: [1, 3], w3: [0, 2] });
    assert.equal(group.allTasks().length, 8);
    assert.equal(group.assignor.scheduledDelay, 0);
    assert.equal(revokedCount(group.rebalance(config)) + assignedCount(group.rebalance(config)), 0, 'stable');
  });

  it("holds a departed worker's work for the scheduled delay, then reassigns it", () => {
    const clock = new TestClock();
    const group = new Group(new IncrementalCooperativeAssignor(clock, 300000), ['w1', 'w2', 'w3']);
    group.rebalance(config);
    const lostTasks = names(group.running.get('w3')!.tasks);
    group.leave('w3');

    let result = group.rebalance(config);
    assert.equal(assignedCount(result), 0, 'lost work waits');
    assert.equal(group.assignor.scheduledDelay, 300000);

    clock.current += 100000;
    result = group.rebalance(config);
    assert.equal(assignedCount(result), 0);
    assert.equal(group.assignor.scheduledDelay, 200000, 'the remaining delay is announced');

    clock.current += 200000;
    result = group.rebalance(config);
    assert.deepEqual(names([...result.newlyAssignedTasks.values()].flat()), lostTasks);
    assert.equal(group.assignor.scheduledDelay, 0);
    assert.equal(group.allTasks().length, 8);
    assert.deepEqual(group.counts(), { w1: [1, 4], w2: [1, 4] });
  });

  it('gives lost work to a worker that joined during the delay', () => {
    const clock = new TestClock();
    const group = new Group(new IncrementalCooperativeAssignor(clock, 300000), ['w1', 'w2', 'w3']);
    group.rebalance(config);
    const lost = group.running.get('w3')!;
    group.leave('w3');
    group.rebalance(config);
    group.join('w4');
    clock.current += 10000;
    group.rebalance(config);
    assert.deepEqual(group.running.get('w4'), { connectors: [], tasks: [] });
    clock.current += 290000;
    group.rebalance(config);
    assert.deepEqual(names(group.running.get('w4')!.tasks), names(lost.tasks));
    assert.deepEqual(group.running.get('w4')!.connectors, lost.connectors);
  });

  it('reassigns lost work at once when scheduled.rebalance.max.delay.ms is 0', () => {
    const group = new Group(new IncrementalCooperativeAssignor(new TestClock(), 0), ['w1', 'w2', 'w3']);
    group.rebalance(config);
    group.leave('w3');
    const result = group.rebalance(config);
    assert.equal(assignedCount(result), 2);
    assert.equal(group.assignor.scheduledDelay, 0);
    assert.equal(group.allTasks().length, 8);
  });

  it('makes room for a new worker by revoking first and assigning in the follow-up round', () => {
    const group = new Group(new IncrementalCooperativeAssignor(new TestClock()), ['w1', 'w2']);
    group.rebalance(config);
    assert.deepEqual(group.counts(), { w1: [1, 4], w2: [1, 4] });

    group.join('w3');
    const revoking = group.rebalance(config);
    assert.equal(assignedCount(revoking), 0);
    assert.deepEqual(
      Object.fromEntries(
        [...revoking.newlyRevokedTasks].filter(([, t]) => t.length > 0).map(([w, t]) => [w, t.length]),
      ),
      {
        w1: 1,
        w2: 1,
      },
    );
    assert.deepEqual(group.counts(), { w1: [1, 3], w2: [1, 3], w3: [0, 0] });

    const assigning = group.rebalance(config);
    assert.equal(revokedCount(assigning), 0);
    assert.equal(names(assigning.newlyAssignedTasks.get('w3')!).length, 2);
    assert.deepEqual(group.counts(), { w1: [1, 3], w2: [1, 3], w3: [0, 2] });
    assert.equal(group.allTasks().length, 8);
  });

  it('revokes a deleted connector and its tasks from the workers running them', () => {
    const group = new Group(new IncrementalCooperativeAssignor(new TestClock()), ['w1', 'w2']);
    group.rebalance(config);
    const result = group.rebalance(configView({ a: 4 }));
    assert.deepEqual(names([...result.newlyRevokedTasks.values()].flat()), ['b-0', 'b-1', 'b-2', 'b-3']);
    assert.deepEqual([...result.newlyRevokedConnectors.values()].flat(), ['b']);
    assert.equal(assignedCount(result), 0);
    assert.deepEqual(group.allTasks(), ['a-0', 'a-1', 'a-2', 'a-3']);
  });

  it('revokes work two workers both report, then assigns it once', () => {
    const assignor = new IncrementalCooperativeAssignor(new TestClock());
    const running = new Map<string, ConnectorsAndTasks>([
      ['w1', { connectors: ['a'], tasks: [id('a-0'), id('a-1')] }],
      ['w2', { connectors: ['a'], tasks: [id('a-1')] }],
    ]);
    const result = assignor.computeAssignment(configView({ a: 2 }), -1, 1, running);
    assert.deepEqual(result.newlyRevokedConnectors.get('w1'), ['a']);
    assert.deepEqual(result.newlyRevokedConnectors.get('w2'), ['a']);
    assert.deepEqual(names(result.newlyRevokedTasks.get('w1')!), ['a-1']);
    assert.deepEqual(names(result.newlyRevokedTasks.get('w2')!), ['a-1']);
  });

  it('encodes per-member assignments with the protocol version, leader and delay', () => {
    const clock = new TestClock();
    const assignor = new IncrementalCooperativeAssignor(clock);
    const member = (
      memberId: string,
      offset: number,
      connectors: string[] = [],
      tasks: ConnectorTaskId[] = [],
    ) => ({
      memberId,
      metadata: encodeExtendedWorkerState(
        {
          url: `http://${memberId}/`,
          configOffset: offset,
          assignment:
            connectors.length + tasks.length === 0
              ? null
              : {
                  version: 2,
                  error: 0,
                  leader: 'w1',
                  leaderUrl: 'http://w1/',
                  configOffset: offset,
                  connectors,
                  tasks,
                  revokedConnectors: [],
                  revokedTasks: [],
                  delay: 0,
                },
        },
        true,
      ),
    });
    const result = assignor.performAssignment(
      'w1',
      'sessioned',
      [member('w1', 4), member('w2', 4)],
      { snapshot: configView({ a: 2 }, 4) },
      { lastCompletedGenerationId: -1, generationId: 1 },
    );
    for (const [memberId, bytes] of result.encoded) {
      assert.equal(bytes.readInt16BE(0), 2);
      assert.deepEqual(decodeExtendedAssignment(bytes), result.assignments.get(memberId));
    }
    const w1 = result.assignments.get('w1')!;
    assert.equal(w1.error, NO_ERROR);
    assert.equal(w1.leaderUrl, 'http://w1/');
    assert.equal(w1.configOffset, 4);
    const all = [...result.assignments.values()];
    assert.deepEqual(
      all.flatMap((a) => a.connectors),
      ['a'],
    );
    assert.deepEqual(names(all.flatMap((a) => a.tasks)), ['a-0', 'a-1']);

    const mismatch = new IncrementalCooperativeAssignor(clock).performAssignment(
      'w1',
      'compatible',
      [member('w1', 4), member('w2', 6)],
      { snapshot: configView({ a: 2 }, 4) },
      { lastCompletedGenerationId: -1, generationId: 1 },
    );
    for (const assignment of mismatch.assignments.values()) {
      assert.equal(assignment.error, CONFIG_MISMATCH);
      assert.equal(assignment.configOffset, 6);
      assert.equal(assignment.version, 1);
    }
  });

  it('forgets its view of the previous assignment when a generation was not completed', () => {
    const clock = new TestClock();
    const assignor = new IncrementalCooperativeAssignor(clock);
    const running = new Map<string, ConnectorsAndTasks>([
      ['w1', { connectors: [], tasks: [] }],
      ['w2', { connectors: [], tasks: [] }],
    ]);
    assignor.computeAssignment(configView({ a: 2 }), -1, 1, running);
    // Nobody applied generation 1: with a stale view the work is new again, not lost.
    const result = assignor.computeAssignment(configView({ a: 2 }), 0, 2, running);
    assert.equal(assignedCount(result), 3);
    assert.equal(assignor.scheduledDelay, 0);
  });
});
