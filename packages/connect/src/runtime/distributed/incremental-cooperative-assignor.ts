/**
 * Kafka's IncrementalCooperativeAssignor (KIP-415), for groups on the `compatible` (v1) and `sessioned` (v2)
 * protocols. Members keep running what they have; each assignment lists only what a member should start and
 * what it should stop (revoke), and a balanced cluster is reached over at most two rebalances: the first
 * revokes what must move, the second (which the revoking members request) assigns it.
 *
 * The leader keeps state between rebalances (one instance lives as long as the worker):
 * - previousAssignment: what the leader believes is running after its last assignment. Work in it that no
 *   member reports now is *lost* (its worker left); it is held back until `scheduled.rebalance.max.delay.ms`
 *   after the loss was first seen, so a worker that bounces gets its work back, and the delay is sent to the
 *   members so they rejoin when it expires. Then it goes to the workers that joined empty meanwhile, or else
 *   is assigned as new work. With a delay of 0, or when no member has left (a member just missed its
 *   assignment), lost work is reassigned at once;
 * - the previous generation: if the last completed generation is not the one the leader assigned, its view is
 *   stale and is dropped;
 * - revokedInPrevious / successive revoking rebalances: consecutive load-balancing revocations back off
 *   exponentially (1 ms * 40^n, capped at the max delay) so the group cannot revoke in a loop.
 *
 * Invariants: work is never assigned to two members (duplicates are revoked from all holders and reassigned);
 * deleted connectors and their tasks are revoked from whoever runs them; new work goes to the least loaded
 * members (ties by member id), connectors and tasks balanced separately. Members are visited in Java HashMap
 * order of their ids, sets are sorted where Kafka sorts them and iterated in Java HashSet order where Kafka
 * iterates HashSets, so choices and lists match a Java leader's (the replay test compares them with Kafka's).
 */
import {
  CONFIG_MISMATCH,
  NO_ERROR,
  compatibilityFromProtocol,
  encodeExtendedAssignment,
  protocolVersion,
  type ConnectorTaskId,
  type ExtendedAssignment,
} from './connect-protocol.ts';
import {
  decodeMembers,
  ensureLeaderConfig,
  maxConfigOffset,
  type ConfigView,
  type LeaderConfig,
  type MemberMetadata,
} from './assignor-common.ts';
import { javaHashMapOrder } from './java-collections.ts';
import {
  WorkSet,
  addAllTo,
  assignConnectors,
  assignTasks,
  duplicatedAssignments,
  intersection,
  isEmptyLoad,
  loadBalancingRevocations,
  minusPerWorker,
  removeFromLoads,
  taskKey,
  workerLoads,
  type ConnectorsAndTasks,
  type WorkerLoad,
} from './worker-load.ts';

export type { ConnectorsAndTasks } from './worker-load.ts';

export const SCHEDULED_REBALANCE_MAX_DELAY_MS_DEFAULT = 300000;

/** Milliseconds since the epoch; injected so delays can be tested deterministically. */
export interface Clock {
  now(): number;
}

/** The outcome of one assignment, per member id (Kafka's ClusterAssignment). */
export interface ClusterAssignment {
  newlyAssignedConnectors: Map<string, string[]>;
  newlyAssignedTasks: Map<string, ConnectorTaskId[]>;
  newlyRevokedConnectors: Map<string, string[]>;
  newlyRevokedTasks: Map<string, ConnectorTaskId[]>;
  /** What each member runs once it has applied this assignment. */
  allAssignedConnectors: Map<string, string[]>;
  allAssignedTasks: Map<string, ConnectorTaskId[]>;
}

export interface IncrementalAssignmentResult {
  assignments: Map<string, ExtendedAssignment>;
  encoded: Map<string, Buffer>;
  cluster: ClusterAssignment;
  snapshot: ConfigView | null;
}

/** Kafka's ExponentialBackoff(initial, 40, maxDelay, jitter 0), for successive revoking rebalances. */
function revokingRebalanceBackoff(maxDelay: number, attempts: number): number {
  const initial = Math.min(maxDelay, maxDelay === 0 ? 0 : 1);
  const expMax = maxDelay > initial ? Math.log(maxDelay / Math.max(initial, 1)) / Math.log(40) : 0;
  if (expMax === 0) return initial;
  return Math.min(Math.trunc(initial * Math.pow(40, Math.min(attempts, expMax))), maxDelay);
}

export class IncrementalCooperativeAssignor {
  private previousAssignment = new WorkSet();
  private readonly previousRevocation = new WorkSet();
  private revokedInPrevious = false;
  private readonly candidateWorkersForReassignment = new Set<string>();
  private scheduledRebalance = 0;
  private delay = 0;
  private previousGenerationId = -1;
  private previousMembers = new Set<string>();
  private numSuccessiveRevokingRebalances = 0;

  constructor(
    private readonly clock: Clock,
    private readonly maxDelay = SCHEDULED_REBALANCE_MAX_DELAY_MS_DEFAULT,
  ) {}

  /** The delay the last assignment announced (ms until the planned rebalance), 0 when none. */
  get scheduledDelay(): number {
    return this.delay;
  }

  /**
   * The leader's assignment from the members' JoinGroup metadata. `protocol` is the protocol the group chose
   * (`compatible` or `sessioned`); generation ids are the coordinator's current one and the last one this
   * worker completed.
   */
  performAssignment(
    leaderId: string,
    protocol: string,
    members: readonly MemberMetadata[],
    config: LeaderConfig,
    generation: { lastCompletedGenerationId: number; generationId: number },
  ): IncrementalAssignmentResult {
    const states = decodeMembers(members);
    const leaderState = states.get(leaderId);
    if (!leaderState) throw new Error(`Leader ${leaderId} is not among the members`);
    const version = protocolVersion(compatibilityFromProtocol(protocol));
    const maxOffset = maxConfigOffset(states.values());
    const leader = ensureLeaderConfig(maxOffset, config);
    const cluster = leader
      ? this.computeAssignment(
          leader.snapshot,
          generation.lastCompletedGenerationId,
          generation.generationId,
          new Map(
            [...states].map(([id, state]) => [
              id,
              { connectors: state.assignment?.connectors ?? [], tasks: state.assignment?.tasks ?? [] },
            ]),
          ),
        )
      : emptyClusterAssignment();
    const assignments = new Map<string, ExtendedAssignment>();
    for (const memberId of states.keys()) {
      assignments.set(memberId, {
        version,
        error: leader ? NO_ERROR : CONFIG_MISMATCH,
        leader: leaderId,
        leaderUrl: leaderState.url,
        configOffset: leader ? leader.offset : maxOffset,
        connectors: cluster.newlyAssignedConnectors.get(memberId) ?? [],
        tasks: cluster.newlyAssignedTasks.get(memberId) ?? [],
        revokedConnectors: cluster.newlyRevokedConnectors.get(memberId) ?? [],
        revokedTasks: cluster.newlyRevokedTasks.get(memberId) ?? [],
        delay: leader ? this.delay : 0,
      });
    }
    const sessioned = version >= 2;
    const encoded = new Map(
      [...assignments].map(([memberId, assignment]) => [
        memberId,
        encodeExtendedAssignment(assignment, sessioned)!,
      ]),
    );
    return { assignments, encoded, cluster, snapshot: leader?.snapshot ?? null };
  }

  /**
   * The core of the assignor: from the config and what each member reports running (in the order to visit the
   * members), what each should start and stop. Updates the leader's state for the next round.
   */
  computeAssignment(
    config: ConfigView,
    lastCompletedGenerationId: number,
    currentGenerationId: number,
    memberAssignments: ReadonlyMap<string, ConnectorsAndTasks>,
  ): ClusterAssignment {
    if (this.previousGenerationId !== lastCompletedGenerationId) this.previousAssignment = new WorkSet();

    const configuredConnectors = [...config.connectors()].sort();
    const configured = new WorkSet(
      configuredConnectors,
      configuredConnectors.flatMap((connector) => config.tasks(connector)),
    );
    const members = new Map([...memberAssignments].map(([id, work]) => [id, WorkSet.of(work)]));
    const active = new WorkSet();
    for (const work of members.values()) active.addAll(work);

    if (!this.previousRevocation.isEmpty()) {
      const stillRunning =
        [...this.previousRevocation.connectors].some((c) => active.connectors.has(c)) ||
        [...this.previousRevocation.tasks.values()].some((t) => active.hasTask(t));
      if (stillRunning) this.previousAssignment = active;
      this.previousRevocation.clear();
    }

    const deleted = this.previousAssignment.sortedMinus(configured);
    const duplicated = duplicatedAssignments(members);
    const lost = this.previousAssignment.sortedMinus(active, deleted);
    const created = configured.sortedMinus(this.previousAssignment, active);

    const current = workerLoads(members, deleted);
    const toRevoke = new Map<string, WorkSet>();
    const deletedToRevoke = intersection(deleted, members);
    const duplicatedToRevoke = intersection(duplicated, members);
    addAllTo(toRevoke, deletedToRevoke);
    addAllTo(toRevoke, duplicatedToRevoke);
    const next = workerLoads(members, new WorkSet());
    removeFromLoads(next, deletedToRevoke);
    removeFromLoads(next, duplicatedToRevoke);

    const lostToReassign = new WorkSet();
    this.handleLostAssignments(lost, lostToReassign, next);

    if (this.delay === 0) {
      const balancing = loadBalancingRevocations(configured, next);
      if (this.revokedInPrevious && balancing.size > 0) {
        this.numSuccessiveRevokingRebalances++;
        this.delay = revokingRebalanceBackoff(this.maxDelay, this.numSuccessiveRevokingRebalances);
        if (this.delay !== 0) {
          this.scheduledRebalance = this.clock.now() + this.delay;
        } else {
          addAllTo(toRevoke, balancing);
          removeFromLoads(next, balancing);
        }
      } else if (balancing.size > 0) {
        addAllTo(toRevoke, balancing);
        removeFromLoads(next, balancing);
        this.revokedInPrevious = true;
      } else if (this.revokedInPrevious) {
        this.revokedInPrevious = false;
        this.numSuccessiveRevokingRebalances = 0;
      }
    } else {
      this.revokedInPrevious = false;
    }

    const toAssign = new WorkSet().addAll(created).addAll(lostToReassign);
    assignConnectors(next, [...toAssign.connectors]);
    assignTasks(next, [...toAssign.tasks.values()]);

    const nextConnectors = new Map(next.map((load) => [load.worker, load.connectors]));
    const nextTasks = new Map(next.map((load) => [load.worker, load.tasks]));
    const currentConnectors = new Map(current.map((load) => [load.worker, load.connectors]));
    const currentTasks = new Map(current.map((load) => [load.worker, load.tasks]));
    const revokedConnectors = new Map([...toRevoke].map(([worker, work]) => [worker, [...work.connectors]]));
    const revokedTasks = new Map([...toRevoke].map(([worker, work]) => [worker, [...work.tasks.values()]]));

    this.previousAssignment = this.computePreviousAssignment(toRevoke, next, lost);
    this.previousGenerationId = currentGenerationId;
    this.previousMembers = new Set(memberAssignments.keys());

    return {
      newlyAssignedConnectors: minusPerWorker(nextConnectors, currentConnectors, (c) => c),
      newlyAssignedTasks: minusPerWorker(nextTasks, currentTasks, taskKey),
      newlyRevokedConnectors: revokedConnectors,
      newlyRevokedTasks: revokedTasks,
      allAssignedConnectors: minusPerWorker(nextConnectors, revokedConnectors, (c) => c),
      allAssignedTasks: minusPerWorker(nextTasks, revokedTasks, taskKey),
    };
  }

  private computePreviousAssignment(
    toRevoke: Map<string, WorkSet>,
    next: WorkerLoad[],
    lost: WorkSet,
  ): WorkSet {
    const previous = new WorkSet(
      next.flatMap((load) => load.connectors),
      next.flatMap((load) => load.tasks),
    );
    for (const revoked of toRevoke.values()) {
      previous.removeAll(revoked);
      this.previousRevocation.addAll(revoked);
    }
    return previous.addAll(lost);
  }

  private handleLostAssignments(lost: WorkSet, lostToReassign: WorkSet, next: WorkerLoad[]): void {
    if (lost.isEmpty() && !this.revokedInPrevious) {
      this.resetDelay();
      return;
    }
    const now = this.clock.now();
    const activeMembers = new Set(next.map((load) => load.worker));
    const noneLeft = [...this.previousMembers].every((member) => activeMembers.has(member));
    if ((this.scheduledRebalance <= 0 && noneLeft) || this.maxDelay === 0) {
      lostToReassign.addAll(lost);
      return;
    }
    if (this.scheduledRebalance > 0 && now >= this.scheduledRebalance) {
      const byWorker = new Map(next.map((load) => [load.worker, load]));
      const candidates = [...this.candidateWorkersForReassignment]
        .map((worker) => byWorker.get(worker))
        .filter((load) => load !== undefined);
      if (candidates.length > 0) {
        [...lost.connectors].forEach((connector, i) =>
          candidates[i % candidates.length]!.connectors.push(connector),
        );
        [...lost.tasks.values()].forEach((task, i) => candidates[i % candidates.length]!.tasks.push(task));
      } else {
        lostToReassign.addAll(lost);
      }
      this.resetDelay();
      this.revokedInPrevious = false;
      return;
    }
    const emptyWorkers = javaHashMapOrder(next.filter(isEmptyLoad).map((load) => load.worker));
    for (const worker of emptyWorkers) this.candidateWorkersForReassignment.add(worker);
    if (now < this.scheduledRebalance) {
      const remaining = this.scheduledRebalance - now;
      this.delay = remaining > 0 ? Math.min(remaining, this.maxDelay) : 0;
    } else {
      this.delay = this.maxDelay;
    }
    this.scheduledRebalance = now + this.delay;
  }

  private resetDelay(): void {
    this.candidateWorkersForReassignment.clear();
    this.scheduledRebalance = 0;
    this.delay = 0;
  }
}

function emptyClusterAssignment(): ClusterAssignment {
  return {
    newlyAssignedConnectors: new Map(),
    newlyAssignedTasks: new Map(),
    newlyRevokedConnectors: new Map(),
    newlyRevokedTasks: new Map(),
    allAssignedConnectors: new Map(),
    allAssignedTasks: new Map(),
  };
}
