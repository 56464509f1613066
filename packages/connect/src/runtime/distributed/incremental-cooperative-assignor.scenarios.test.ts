/**
 * The rebalance scenarios of Kafka's IncrementalCooperativeAssignorTest, replayed against this assignor with a
 * harness that works as Kafka's does: members are handed over in Java HashMap order, every assignment is
 * checked for redundant work, and members apply revocations and assignments before the next round.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { ConnectorTaskId } from './connect-protocol.ts';
import {
  IncrementalCooperativeAssignor,
  SCHEDULED_REBALANCE_MAX_DELAY_MS_DEFAULT,
  type ClusterAssignment,
  type ConnectorsAndTasks,
} from './incremental-cooperative-assignor.ts';
import { javaHashMapOrder } from './java-collections.ts';

const key = (t: ConnectorTaskId): string => `${t.connector}-${t.task}`;

class Harness {
  readonly connectors = new Map<string, number>([
    ['connector1', 4],
    ['connector2', 4],
  ]);
  readonly members = new Map<string, ConnectorsAndTasks>([['worker1', { connectors: [], tasks: [] }]]);
  now = 1_000_000;
  generationId = 1000;
  rebalanceDelay = SCHEDULED_REBALANCE_MAX_DELAY_MS_DEFAULT;
  assignor = this.newAssignor();
  returned: ClusterAssignment | null = null;

  newAssignor(): IncrementalCooperativeAssignor {
    return new IncrementalCooperativeAssignor({ now: () => this.now }, this.rebalanceDelay);
  }

  initAssignor(): void {
    this.assignor = this.newAssignor();
  }

  addWorkers(...workers: string[]): void {
    for (const worker of workers) this.members.set(worker, { connectors: [], tasks: [] });
  }

  rebalance(options: { fail?: boolean; mismatchedGeneration?: boolean } = {}): void {
    this.generationId++;
    const lastCompleted = options.mismatchedGeneration ? this.generationId - 2 : this.generationId - 1;
    const ordered = new Map(
      javaHashMapOrder([...this.members.keys()]).map((worker) => {
        const work = this.members.get(worker)!;
        return [worker, { connectors: [...work.connectors], tasks: [...work.tasks] }];
      }),
    );
    const config = {
      offset: 618,
      connectors: () => [...this.connectors.keys()],
      tasks: (connector: string) =>
        Array.from({ length: this.connectors.get(connector) ?? 0 }, (_, task) => ({ connector, task })),
    };
    const returned = this.assignor.computeAssignment(config, lastCompleted, this.generationId, ordered);
    this.returned = returned;
    this.assertNoRedundantAssignments(returned);
    if (!options.fail) this.apply(returned);
  }

  private apply(returned: ClusterAssignment): void {
    const workers = new Set([
      ...returned.newlyAssignedConnectors.keys(),
      ...returned.newlyAssignedTasks.keys(),
    ]);
    for (const map of [
      returned.newlyRevokedConnectors,
      returned.newlyRevokedTasks,
      returned.allAssignedConnectors,
    ]) {
      for (const worker of map.keys()) workers.add(worker);
    }
    for (const worker of workers) {
      const work = this.members.get(worker) ?? { connectors: [], tasks: [] };
      const revokedConnectors = new Set(returned.newlyRevokedConnectors.get(worker) ?? []);
      const revokedTasks = new Set((returned.newlyRevokedTasks.get(worker) ?? []).map(key));
      const next = {
        connectors: [
          ...work.connectors.filter((c) => !revokedConnectors.has(c)),
          ...(returned.newlyAssignedConnectors.get(worker) ?? []),
        ],
        tasks: [
          ...work.tasks.filter((t) => !revokedTasks.has(key(t))),
          ...(returned.newlyAssignedTasks.get(worker) ?? []),
        ],
      };
      assert.deepEqual(new Set(next.connectors), new Set(returned.allAssignedConnectors.get(worker)));
      assert.deepEqual(
        new Set(next.tasks.map(key)),
        new Set((returned.allAssignedTasks.get(worker) ?? []).map(key)),
      );
      this.members.set(worker, next);
    }
  }

  private assertNoRedundantAssignments(returned: ClusterAssignment): void {
    const newConnectors = [...returned.newlyAssignedConnectors.values()].flat();
    const newTasks = [...returned.newlyAssignedTasks.values()].flat().map(key);
    assert.equal(new Set(newConnectors).size, newConnectors.length, 'connectors assigned twice');
    assert.equal(new Set(newTasks).size, newTasks.length, 'tasks assigned twice');
    const existing = new Set([...this.members.values()].flatMap((w) => w.connectors));
    assert.deepEqual(
      newConnectors.filter((c) => existing.has(c)),
      [],
      'connectors newly assigned that already run',
    );
  }

  get delay(): number {
    return this.assignor.scheduledDelay;
  }

  assertWorkers(...workers: string[]): void {
    const all = new Set<string>();
    for (const map of Object.values(this.returned!))
      for (const worker of (map as Map<string, unknown>).keys()) all.add(worker);
    assert.deepEqual([...all].sort(), [...workers].sort());
  }

  assertConnectorAllocations(...counts: number[]): void {
    const actual = [...this.members.values()].map((w) => w.connectors.length).sort((a, b) => a - b);
    assert.deepEqual(
      actual,
      [...counts].sort((a, b) => a - b),
      'connector allocations',
    );
  }

  assertTaskAllocations(...counts: number[]): void {
    const actual = [...this.members.values()].map((w) => w.tasks.length).sort((a, b) => a - b);
    assert.deepEqual(
      actual,
      [...counts].sort((a, b) => a - b),
      'task allocations',
    );
  }

  assertDelay(delay: number): void {
    assert.equal(this.delay, delay, 'rebalance delay');
  }

  assertNoRevocations(): void {
    const revoked = [
      ...this.returned!.newlyRevokedConnectors.values(),
      ...this.returned!.newlyRevokedTasks.values(),
    ];
    assert.deepEqual(revoked.flat(), []);
  }

  assertEmptyAssignment(): void {
    const returned = this.returned!;
    assert.deepEqual(
      [
        ...returned.newlyAssignedConnectors.values(),
        ...returned.newlyAssignedTasks.values(),
        ...returned.newlyRevokedConnectors.values(),
        ...returned.newlyRevokedTasks.values(),
      ].flat(),
      [],
    );
  }

  assertBalancedAndCompleteAllocation(): void {
    const connectorCounts = [...this.members.values()].map((w) => w.connectors.length);
    const taskCounts = [...this.members.values()].map((w) => w.tasks.length);
    assert.ok(
      Math.max(...connectorCounts) - Math.min(...connectorCounts) <= 1,
      `connectors ${connectorCounts}`,
    );
    assert.ok(Math.max(...taskCounts) - Math.min(...taskCounts) <= 1, `tasks ${taskCounts}`);
    const allConnectors = [...this.members.values()].flatMap((w) => w.connectors).sort();
    assert.deepEqual(allConnectors, [...this.connectors.keys()].sort());
    const allTasks = [...this.members.values()].flatMap((w) => w.tasks.map(key)).sort();
    const expected = [...this.connectors]
      .flatMap(([c, n]) => Array.from({ length: n }, (_, i) => `${c}-${i}`))
      .sort();
    assert.deepEqual(allTasks, expected);
  }
}

describe("Kafka's IncrementalCooperativeAssignorTest scenarios", () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });

  it('testTaskAssignmentWhenWorkerJoins', () => {
    h.rebalance();
    h.assertDelay(0);
    h.assertWorkers('worker1');
    h.assertConnectorAllocations(2);
    h.assertTaskAllocations(8);
    h.assertBalancedAndCompleteAllocation();

    h.addWorkers('worker2');
    h.rebalance();
    h.assertDelay(0);
    h.assertWorkers('worker1', 'worker2');
    h.assertConnectorAllocations(0, 1);
    h.assertTaskAllocations(0, 4);

    h.rebalance();
    h.assertNoRevocations();
    h.assertDelay(0);
    h.assertConnectorAllocations(1, 1);
    h.assertTaskAllocations(4, 4);
    h.assertBalancedAndCompleteAllocation();

    h.now += h.delay;
    h.rebalance();
    h.assertDelay(0);
    h.assertEmptyAssignment();
  });

  it('testAssignmentsWhenWorkersJoinAfterRevocations', () => {
    h.connectors.set('connector3', 4);
    h.rebalance();
    h.assertDelay(0);
    h.assertConnectorAllocations(3);
    h.assertTaskAllocations(12);

    h.addWorkers('worker2');
    h.rebalance();
    h.assertConnectorAllocations(0, 2);
    h.assertTaskAllocations(0, 6);

    h.addWorkers('worker3');
    h.rebalance();
    assert.ok(h.delay > 0);
    h.assertConnectorAllocations(0, 1, 2);
    h.assertTaskAllocations(3, 3, 6);

    h.now += h.delay;
    h.addWorkers('worker4');
    h.rebalance();
    h.assertConnectorAllocations(0, 0, 1, 1);
    h.assertTaskAllocations(0, 3, 3, 3);

    h.addWorkers('worker5');
    h.rebalance();
    assert.ok(h.delay > 40);
    h.assertConnectorAllocations(0, 0, 1, 1, 1);
    h.assertTaskAllocations(1, 2, 3, 3, 3);

    h.now += h.delay;
    h.addWorkers('worker6');
    h.rebalance();
    h.assertDelay(0);
    h.assertConnectorAllocations(0, 0, 0, 1, 1, 1);
    h.assertTaskAllocations(0, 1, 2, 2, 2, 2);

    h.rebalance();
    h.assertConnectorAllocations(0, 0, 0, 1, 1, 1);
    h.assertTaskAllocations(2, 2, 2, 2, 2, 2);
    h.assertBalancedAndCompleteAllocation();
  });

  it('testImmediateRevocationsWhenMaxDelayIs0', () => {
    h.rebalanceDelay = 0;
    h.initAssignor();
    h.connectors.set('connector3', 4);
    h.rebalance();
    h.assertConnectorAllocations(3);
    h.assertTaskAllocations(12);

    h.addWorkers('worker2');
    h.rebalance();
    h.assertConnectorAllocations(0, 2);
    h.assertTaskAllocations(0, 6);

    h.addWorkers('worker3');
    h.rebalance();
    h.assertDelay(0);
    h.assertConnectorAllocations(0, 1, 1);
    h.assertTaskAllocations(3, 3, 4);

    h.rebalance();
    h.assertNoRevocations();
    h.assertConnectorAllocations(1, 1, 1);
    h.assertTaskAllocations(4, 4, 4);
    h.assertBalancedAndCompleteAllocation();
  });

  it('testSuccessiveRevocationsWhenMaxDelayIsEqualToExpBackOffInitialInterval', () => {
    h.rebalanceDelay = 1;
    h.initAssignor();
    h.connectors.set('connector3', 4);
    h.rebalance();
    h.addWorkers('worker2');
    h.rebalance();
    h.assertConnectorAllocations(0, 2);
    h.assertTaskAllocations(0, 6);

    h.addWorkers('worker3');
    h.rebalance();
    h.assertDelay(1);
    h.assertConnectorAllocations(0, 1, 2);
    h.assertTaskAllocations(3, 3, 6);
  });

  it('testWorkerJoiningDuringDelayedRebalance', () => {
    h.connectors.set('connector3', 4);
    h.rebalance();
    h.addWorkers('worker2');
    h.rebalance();
    h.addWorkers('worker3');
    h.rebalance();
    assert.ok(h.delay > 0);
    h.assertNoRevocations();
    h.assertConnectorAllocations(0, 1, 2);
    h.assertTaskAllocations(3, 3, 6);

    h.now += Math.trunc(h.delay / 2);
    h.addWorkers('worker4');
    h.rebalance();
    assert.ok(h.delay > 0);
    h.assertNoRevocations();
    h.assertConnectorAllocations(0, 0, 1, 2);
    h.assertTaskAllocations(0, 3, 3, 6);

    h.now += h.delay;
    h.addWorkers('worker5');
    h.rebalance();
    h.assertDelay(0);
    h.assertConnectorAllocations(0, 0, 0, 1, 1);
    h.assertTaskAllocations(0, 0, 2, 3, 3);

    h.rebalance();
    h.assertDelay(0);
    h.assertNoRevocations();
    h.assertConnectorAllocations(0, 0, 1, 1, 1);
    h.assertTaskAllocations(2, 2, 2, 3, 3);
    h.assertBalancedAndCompleteAllocation();
  });

  it('testTaskAssignmentWhenWorkerLeavesPermanently', () => {
    h.addWorkers('worker2');
    h.rebalance();
    h.assertConnectorAllocations(1, 1);
    h.assertTaskAllocations(4, 4);

    h.members.delete('worker2');
    h.rebalance();
    h.assertDelay(h.rebalanceDelay);
    h.assertWorkers('worker1');
    h.assertEmptyAssignment();

    h.now += h.rebalanceDelay / 2;
    h.rebalance();
    h.assertDelay(h.rebalanceDelay / 2);
    h.assertEmptyAssignment();

    h.now += h.rebalanceDelay / 2 + 1;
    h.rebalance();
    h.assertDelay(0);
    h.assertConnectorAllocations(2);
    h.assertTaskAllocations(8);
    h.assertBalancedAndCompleteAllocation();
  });

  it('testTaskAssignmentWhenWorkerBounces', () => {
    h.addWorkers('worker2');
    h.rebalance();
    h.members.delete('worker2');
    h.rebalance();
    h.assertDelay(h.rebalanceDelay);
    h.now += h.rebalanceDelay / 2;
    h.rebalance();
    h.assertDelay(h.rebalanceDelay / 2);
    h.now += h.rebalanceDelay / 4;

    h.addWorkers('worker2');
    h.rebalance();
    h.assertDelay(h.rebalanceDelay / 4);
    h.assertWorkers('worker1', 'worker2');
    h.assertEmptyAssignment();

    h.now += h.rebalanceDelay / 4;
    h.rebalance();
    h.assertDelay(0);
    h.assertNoRevocations();
    h.assertConnectorAllocations(1, 1);
    h.assertTaskAllocations(4, 4);
    h.assertBalancedAndCompleteAllocation();
  });

  it('testTaskAssignmentWhenLeaderLeavesPermanently and testTaskAssignmentWhenLeaderBounces', () => {
    h.addWorkers('worker2', 'worker3');
    h.rebalance();
    h.assertConnectorAllocations(0, 1, 1);
    h.assertTaskAllocations(2, 3, 3);

    h.members.delete('worker1');
    h.initAssignor();
    h.rebalance();
    h.assertDelay(0);
    h.assertWorkers('worker2', 'worker3');
    h.assertConnectorAllocations(1, 1);
    h.assertTaskAllocations(4, 4);
    h.assertBalancedAndCompleteAllocation();

    h.addWorkers('worker1');
    h.rebalance();
    h.assertDelay(0);
    h.assertConnectorAllocations(0, 1, 1);
    h.assertTaskAllocations(0, 3, 3);

    h.rebalance();
    h.assertNoRevocations();
    h.assertConnectorAllocations(0, 1, 1);
    h.assertTaskAllocations(2, 3, 3);
    h.assertBalancedAndCompleteAllocation();
  });

  it('testTaskAssignmentWhenFirstAssignmentAttemptFails', () => {
    h.addWorkers('worker2');
    h.rebalance({ fail: true });
    h.assertDelay(0);
    h.assertConnectorAllocations(0, 0);
    h.assertTaskAllocations(0, 0);

    h.rebalance();
    h.assertDelay(0);
    h.assertConnectorAllocations(1, 1);
    h.assertTaskAllocations(4, 4);
    h.assertBalancedAndCompleteAllocation();
  });

  for (const mismatchedGeneration of [false, true]) {
    const name = mismatchedGeneration
      ? 'testTaskAssignmentWhenSubsequentAssignmentAttemptFailsOutsideTheAssignor'
      : 'testTaskAssignmentWhenSubsequentAssignmentAttemptFails';
    it(name, () => {
      h.addWorkers('worker2');
      h.rebalance();
      h.addWorkers('worker3');
      h.rebalance({ fail: true });
      h.assertDelay(0);
      h.assertConnectorAllocations(0, 1, 1);
      h.assertTaskAllocations(0, 4, 4);

      h.rebalance({ mismatchedGeneration });
      assert.ok(h.delay > 0);
      h.assertConnectorAllocations(0, 1, 1);
      h.assertTaskAllocations(0, 4, 4);

      h.now += h.delay;
      h.rebalance();
      h.assertConnectorAllocations(0, 1, 1);
      h.assertTaskAllocations(0, 3, 3);

      h.rebalance();
      h.assertConnectorAllocations(0, 1, 1);
      h.assertTaskAllocations(2, 3, 3);
      h.assertBalancedAndCompleteAllocation();
    });
  }

  it('testTaskAssignmentWhenConnectorsAreDeleted', () => {
    h.connectors.set('connector3', 4);
    h.addWorkers('worker2');
    h.rebalance();
    h.assertConnectorAllocations(1, 2);
    h.assertTaskAllocations(6, 6);

    h.connectors.delete('connector3');
    h.rebalance();
    h.assertDelay(0);
    h.assertConnectorAllocations(1, 1);
    h.assertTaskAllocations(4, 4);
    h.assertBalancedAndCompleteAllocation();
  });

  it('testTaskAssignmentWhenTasksDuplicatedInWorkerAssignment', () => {
    h.rebalance();
    h.members.set('worker2', {
      connectors: ['connector1'],
      tasks: [0, 1, 2, 3].map((task) => ({ connector: 'connector1', task })),
    });
    h.rebalance();
    h.assertDelay(0);
    h.assertConnectorAllocations(0, 1);
    h.assertTaskAllocations(0, 4);

    h.rebalance();
    h.assertNoRevocations();
    h.assertConnectorAllocations(1, 1);
    h.assertTaskAllocations(4, 4);
    h.assertBalancedAndCompleteAllocation();

    h.rebalance();
    h.assertEmptyAssignment();
  });

  it('testDuplicatedAssignmentHandleWhenTheDuplicatedAssignmentsDeleted', () => {
    h.rebalance();
    h.connectors.delete('connector1');
    h.members.set('worker2', {
      connectors: ['connector1'],
      tasks: [0, 1, 2, 3].map((task) => ({ connector: 'connector1', task })),
    });
    h.rebalance();
    h.assertDelay(0);
    h.assertConnectorAllocations(0, 1);
    h.assertTaskAllocations(0, 2);

    h.rebalance();
    h.assertNoRevocations();
    h.assertConnectorAllocations(0, 1);
    h.assertTaskAllocations(2, 2);
    h.assertBalancedAndCompleteAllocation();

    h.now += h.delay;
    h.rebalance();
    h.assertDelay(0);
    h.assertEmptyAssignment();
  });
});
