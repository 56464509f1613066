/**
 * A partition's history as the console observes it in Metadata: its leader, leader epoch, replica set and ISR.
 * The sampler keeps the last state it saw of every partition and writes a state only when it differs
 * (changedStates); readers turn consecutive states into events (eventsBetween) and into per-replica lanes for
 * a time window (buildTimeline).
 *
 * Invariant: of two consecutive states of one partition (same topic id), the second differs from the first. A
 * state with no replicas is a tombstone: the topic was gone from Metadata when sampled.
 */
import type { PartitionState } from '../cluster-source/cluster-source.ts';

export type { PartitionState };

export interface ObservedState extends PartitionState {
  at: number;
}

export type PartitionEvent =
  | { kind: 'first-seen'; at: number; leader: number; leaderEpoch: number; replicas: number[]; isr: number[] }
  | { kind: 'isr-join' | 'isr-leave' | 'replica-added' | 'replica-removed'; at: number; replica: number }
  | { kind: 'leader-change'; at: number; from: number; to: number; leaderEpoch: number }
  | { kind: 'leader-epoch'; at: number; leader: number; leaderEpoch: number }
  | { kind: 'replicas-reordered'; at: number; replicas: number[] }
  | { kind: 'topic-deleted'; at: number };

export const partitionStateKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

const sameList = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** Whether two states of a partition tell the same (ISR order aside: it carries no meaning). */
export function sameState(a: PartitionState, b: PartitionState): boolean {
  return (
    a.topicId === b.topicId &&
    a.leader === b.leader &&
    a.leaderEpoch === b.leaderEpoch &&
    sameList(a.replicas, b.replicas) &&
    sameList(
      [...a.isr].sort((x, y) => x - y),
      [...b.isr].sort((x, y) => x - y),
    )
  );
}

export function isTombstone(state: PartitionState): boolean {
  return state.replicas.length === 0;
}

/**
 * The states to record from one sample of the whole cluster: each partition that is new or changed since
 * `previous` (the last recorded state per partitionStateKey), and a tombstone for each partition whose topic is
 * gone (a partition of a topic still present never disappears: Kafka cannot remove partitions).
 */
export function changedStates(
  previous: ReadonlyMap<string, PartitionState>,
  observed: readonly PartitionState[],
): PartitionState[] {
  const changed: PartitionState[] = [];
  const seen = new Set<string>();
  for (const state of observed) {
    const key = partitionStateKey(state.topic, state.partition);
    seen.add(key);
    const before = previous.get(key);
    if (!before || !sameState(before, state)) changed.push(state);
  }
  for (const [key, before] of previous) {
    if (seen.has(key) || isTombstone(before)) continue;
    changed.push({ ...before, leader: -1, replicas: [], isr: [] });
  }
  return changed;
}

/** What happened between two consecutive states of a partition (`before` null: the first one seen). */
export function eventsBetween(before: PartitionState | null, after: ObservedState): PartitionEvent[] {
  const { at } = after;
  if (isTombstone(after)) return [{ kind: 'topic-deleted', at }];
  if (!before || isTombstone(before) || before.topicId !== after.topicId) {
    const { leader, leaderEpoch, replicas, isr } = after;
    return [{ kind: 'first-seen', at, leader, leaderEpoch, replicas, isr }];
  }
  const events: PartitionEvent[] = [];
  for (const replica of after.replicas)
    if (!before.replicas.includes(replica)) events.push({ kind: 'replica-added', at, replica });
  for (const replica of before.isr)
    if (!after.isr.includes(replica)) events.push({ kind: 'isr-leave', at, replica });
  for (const replica of after.isr)
    if (!before.isr.includes(replica)) events.push({ kind: 'isr-join', at, replica });
  for (const replica of before.replicas)
    if (!after.replicas.includes(replica)) events.push({ kind: 'replica-removed', at, replica });
  const sameSet =
    before.replicas.length === after.replicas.length &&
    after.replicas.every((r) => before.replicas.includes(r));
  if (sameSet && !sameList(before.replicas, after.replicas))
    events.push({ kind: 'replicas-reordered', at, replicas: after.replicas });
  if (before.leader !== after.leader)
    events.push({
      kind: 'leader-change',
      at,
      from: before.leader,
      to: after.leader,
      leaderEpoch: after.leaderEpoch,
    });
  else if (before.leaderEpoch !== after.leaderEpoch)
    events.push({ kind: 'leader-epoch', at, leader: after.leader, leaderEpoch: after.leaderEpoch });
  return events;
}

/** Where a replica stood during a span: leading, following in the ISR, out of the ISR, or not a replica. */
export type ReplicaStatus = 'leader' | 'in-isr' | 'out-of-isr' | 'not-replica';

export interface ReplicaSpan {
  from: number;
  to: number;
  status: ReplicaStatus;
}

export interface PartitionTimeline {
  partition: number;
  /** One lane per broker that was a replica at some point of the window, by broker id. */
  lanes: { replica: number; spans: ReplicaSpan[] }[];
  /** Events inside the window, oldest first (what happened before it is summed up in the lanes' first spans). */
  events: PartitionEvent[];
  /** The state at the end of the window, null when the console has not seen the partition. */
  current: PartitionState | null;
}

function statusOf(state: PartitionState, replica: number): ReplicaStatus {
  if (!state.replicas.includes(replica)) return 'not-replica';
  if (state.leader === replica) return 'leader';
  return state.isr.includes(replica) ? 'in-isr' : 'out-of-isr';
}

/**
 * Lanes and events of one partition over [since, until], from its recorded states in time order: the last one
 * at or before `since` (when there is one) and every one after it. Lanes start when the console first saw the
 * partition if that is inside the window. States of an earlier topic id than the last one are left out: a
 * topic deleted and created again under its name starts over.
 */
export function buildTimeline(
  partition: number,
  states: readonly ObservedState[],
  since: number,
  until: number,
): PartitionTimeline {
  const topicId = states.at(-1)?.topicId;
  const own = states.filter((s) => s.topicId === topicId && s.at <= until);
  const events: PartitionEvent[] = [];
  own.forEach((state, i) => {
    if (state.at > since) events.push(...eventsBetween(i > 0 ? own[i - 1]! : null, state));
  });
  const replicas = [...new Set(own.flatMap((s) => s.replicas))].sort((a, b) => a - b);
  const lanes = replicas.map((replica) => {
    const spans: ReplicaSpan[] = [];
    own.forEach((state, i) => {
      const from = Math.max(since, state.at);
      const to = i + 1 < own.length ? own[i + 1]!.at : until;
      if (to <= from) return;
      const status = statusOf(state, replica);
      const last = spans.at(-1);
      if (last && last.status === status && last.to === from) last.to = to;
      else spans.push({ from, to, status });
    });
    return { replica, spans };
  });
  const last = own.at(-1);
  const current =
    last && !isTombstone(last)
      ? {
          topic: last.topic,
          topicId: last.topicId,
          partition: last.partition,
          leader: last.leader,
          leaderEpoch: last.leaderEpoch,
          replicas: last.replicas,
          isr: last.isr,
        }
      : null;
  return { partition, lanes, events, current };
}
