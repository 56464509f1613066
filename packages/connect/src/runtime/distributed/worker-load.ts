/**
 * The working sets of the incremental cooperative assignor (Kafka's ConnectorsAndTasks and WorkerLoad, and
 * the set algebra and balancing steps IncrementalCooperativeAssignor runs over them).
 *
 * Invariants: a WorkSet holds each connector and task once, in insertion order (Kafka's LinkedHashSet);
 * differences meant to be sorted (Kafka's TreeSets) say so; a WorkerLoad's lists keep assignment order, which
 * decides what a load-balancing revocation takes first (the oldest work).
 */
import { compareTaskIds, type ConnectorTaskId } from './connect-protocol.ts';
import { javaHashSetOrder, javaHashSetOrderBy, javaTaskIdHash } from './java-collections.ts';

/** Connectors and tasks, each in insertion order without duplicates (Kafka's ConnectorsAndTasks). */
export interface ConnectorsAndTasks {
  connectors: string[];
  tasks: ConnectorTaskId[];
}

export const taskKey = (id: ConnectorTaskId): string => `${id.connector}\u0000${id.task}`;

/** A mutable, insertion-ordered set of connectors and tasks. */
export class WorkSet {
  readonly connectors = new Set<string>();
  readonly tasks = new Map<string, ConnectorTaskId>();

  constructor(connectors: Iterable<string> = [], tasks: Iterable<ConnectorTaskId> = []) {
    this.addConnectors(connectors);
    this.addTasks(tasks);
  }

  static of(work: ConnectorsAndTasks): WorkSet {
    return new WorkSet(work.connectors, work.tasks);
  }

  addConnectors(connectors: Iterable<string>): this {
    for (const connector of connectors) this.connectors.add(connector);
    return this;
  }

  addTasks(tasks: Iterable<ConnectorTaskId>): this {
    for (const task of tasks) this.tasks.set(taskKey(task), task);
    return this;
  }

  addAll(other: WorkSet): this {
    return this.addConnectors(other.connectors).addTasks(other.tasks.values());
  }

  removeAll(other: WorkSet): this {
    for (const connector of other.connectors) this.connectors.delete(connector);
    for (const key of other.tasks.keys()) this.tasks.delete(key);
    return this;
  }

  hasTask(task: ConnectorTaskId): boolean {
    return this.tasks.has(taskKey(task));
  }

  isEmpty(): boolean {
    return this.connectors.size === 0 && this.tasks.size === 0;
  }

  clear(): void {
    this.connectors.clear();
    this.tasks.clear();
  }

  /** `this` minus every `others`, sorted (Kafka builds these differences as TreeSets). */
  sortedMinus(...others: WorkSet[]): WorkSet {
    const connectors = [...this.connectors].filter((c) => others.every((o) => !o.connectors.has(c)));
    const tasks = [...this.tasks.values()].filter((t) => others.every((o) => !o.hasTask(t)));
    return new WorkSet(connectors.sort(), tasks.sort(compareTaskIds));
  }

  toPlain(): ConnectorsAndTasks {
    return { connectors: [...this.connectors], tasks: [...this.tasks.values()] };
  }
}

/** A member's load while assignments are computed (Kafka's WorkerLoad); lists keep assignment order. */
export interface WorkerLoad {
  worker: string;
  connectors: string[];
  tasks: ConnectorTaskId[];
}

export const isEmptyLoad = (load: WorkerLoad): boolean =>
  load.connectors.length === 0 && load.tasks.length === 0;

export function duplicatedAssignments(members: Map<string, WorkSet>): WorkSet {
  const connectorCounts = new Map<string, number>();
  const taskCounts = new Map<string, { task: ConnectorTaskId; count: number }>();
  for (const work of members.values()) {
    for (const connector of work.connectors)
      connectorCounts.set(connector, (connectorCounts.get(connector) ?? 0) + 1);
    for (const [key, task] of work.tasks)
      taskCounts.set(key, { task, count: (taskCounts.get(key)?.count ?? 0) + 1 });
  }
  const connectors = [...connectorCounts].filter(([, count]) => count > 1).map(([connector]) => connector);
  const tasks = [...taskCounts.values()].filter(({ count }) => count > 1).map(({ task }) => task);
  return new WorkSet(connectors.sort(), tasks.sort(compareTaskIds));
}

/**
 * Per member, what it runs of `work`, in the order Kafka's intersection has: a HashSet copy of the member's
 * work, retained.
 */
export function intersection(work: WorkSet, members: Map<string, WorkSet>): Map<string, WorkSet> {
  return new Map(
    [...members].map(([worker, assigned]) => [
      worker,
      new WorkSet(
        javaHashSetOrder([...assigned.connectors]).filter((c) => work.connectors.has(c)),
        javaHashSetOrderBy([...assigned.tasks.values()], javaTaskIdHash).filter((t) => work.hasTask(t)),
      ),
    ]),
  );
}

export function workerLoads(members: Map<string, WorkSet>, exclude: WorkSet): WorkerLoad[] {
  return [...members].map(([worker, work]) => ({
    worker,
    connectors: [...work.connectors].filter((c) => !exclude.connectors.has(c)),
    tasks: [...work.tasks.values()].filter((t) => !exclude.hasTask(t)),
  }));
}

export function addAllTo(target: Map<string, WorkSet>, source: Map<string, WorkSet>): void {
  for (const [worker, work] of source) {
    const existing = target.get(worker);
    if (existing) existing.addAll(work);
    else target.set(worker, new WorkSet().addAll(work));
  }
}

export function removeFromLoads(loads: WorkerLoad[], toRemove: Map<string, WorkSet>): void {
  for (const load of loads) {
    const remove = toRemove.get(load.worker);
    if (!remove) continue;
    load.connectors = load.connectors.filter((c) => !remove.connectors.has(c));
    load.tasks = load.tasks.filter((t) => !remove.hasTask(t));
  }
}

export function minusPerWorker<T>(
  base: Map<string, T[]>,
  subtract: Map<string, T[]>,
  key: (item: T) => string,
): Map<string, T[]> {
  return new Map(
    [...base].map(([worker, items]) => {
      const remove = new Set((subtract.get(worker) ?? []).map(key));
      return [worker, items.filter((item) => !remove.has(key(item)))];
    }),
  );
}

/** What to revoke so that, with the configured work, every worker ends within one of the average. */
export function loadBalancingRevocations(configured: WorkSet, workers: WorkerLoad[]): Map<string, WorkSet> {
  const result = new Map<string, WorkSet>();
  if (workers.every(isEmptyLoad) || configured.isEmpty()) return result;
  const connectorRevocations = revocationsFor(configured.connectors.size, workers, (load) => load.connectors);
  const taskRevocations = revocationsFor(configured.tasks.size, workers, (load) => load.tasks);
  for (const [worker, connectors] of connectorRevocations) {
    result.set(worker, new WorkSet(connectors));
  }
  for (const [worker, tasks] of taskRevocations) {
    const existing = result.get(worker);
    if (existing) existing.addTasks(tasks);
    else result.set(worker, new WorkSet([], tasks));
  }
  return result;
}

function revocationsFor<E>(
  total: number,
  workers: WorkerLoad[],
  allocation: (load: WorkerLoad) => E[],
): Map<string, E[]> {
  const result = new Map<string, E[]>();
  const minPerWorker = Math.floor(total / workers.length);
  const extras = total % workers.length;
  const sizes = workers.map((load) => allocation(load).length);
  const atMinimum = sizes.filter((size) => size === minPerWorker).length;
  const atOneExtra = sizes.filter((size) => size === minPerWorker + 1).length;
  if (atOneExtra === extras && atMinimum + atOneExtra === workers.length) return result;
  let allocatedExtras = 0;
  for (const load of workers) {
    const size = allocation(load).length;
    if (size <= minPerWorker) continue;
    let max: number;
    if (allocatedExtras < extras) {
      allocatedExtras++;
      if (size === minPerWorker + 1) continue;
      max = minPerWorker + 1;
    } else {
      max = minPerWorker;
    }
    result.set(load.worker, allocation(load).slice(0, size - max));
  }
  return result;
}

/** Stable sort by load, then worker id; then fill the least loaded first, a round at a time. */
function assignRoundRobin<E>(workers: WorkerLoad[], items: E[], allocation: (load: WorkerLoad) => E[]): void {
  workers.sort(
    (a, b) =>
      allocation(a).length - allocation(b).length || (a.worker < b.worker ? -1 : a.worker > b.worker ? 1 : 0),
  );
  const first = workers[0];
  if (!first) return;
  let next = 0;
  while (next < items.length) {
    const firstLoad = allocation(first).length;
    let upTo = workers.findIndex((load) => allocation(load).length > firstLoad);
    if (upTo === -1) upTo = workers.length;
    for (const load of workers.slice(0, upTo)) {
      allocation(load).push(items[next++]!);
      if (next >= items.length) break;
    }
  }
}

export function assignConnectors(workers: WorkerLoad[], connectors: string[]): void {
  assignRoundRobin(workers, connectors, (load) => load.connectors);
}

export function assignTasks(workers: WorkerLoad[], tasks: ConnectorTaskId[]): void {
  assignRoundRobin(workers, tasks, (load) => load.tasks);
}
