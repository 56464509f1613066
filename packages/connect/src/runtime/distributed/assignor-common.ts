/**
 * What both Connect assignors share (Kafka's ConnectAssignor and the leader-side parts of WorkerCoordinator):
 * the members' JoinGroup metadata, read as extended worker states whatever version each sent, and the
 * leader's config check.
 *
 * Invariants:
 * - the assignment is computed at the highest config offset any member reported; a leader whose snapshot
 *   (even a fresh one) is behind it answers every member with CONFIG_MISMATCH, so all read the config topic
 *   to the end and rejoin;
 * - members are visited in the order Java's HashMap iterates their ids, as Kafka's assignors do, so that the
 *   same group produces the same assignment bytes from a Sluice leader as from a Java one.
 */
import {
  decodeExtendedWorkerState,
  type ConnectorTaskId,
  type ExtendedWorkerState,
} from './connect-protocol.ts';
import { javaHashMapOrder } from './java-collections.ts';

/** The parts of a config snapshot an assignor reads; ClusterConfigState satisfies it. */
export interface ConfigView {
  readonly offset: number;
  connectors(): string[];
  tasks(connector: string): ConnectorTaskId[];
}

/** The leader's config: its current snapshot, and a way to take a fresh one (Kafka's configFreshSnapshot). */
export interface LeaderConfig {
  snapshot: ConfigView;
  freshSnapshot?: () => ConfigView;
}

/** One JoinGroup response member: id and the metadata of the protocol the group selected. */
export interface MemberMetadata {
  memberId: string;
  metadata: Buffer;
}

/** Decodes the members' metadata, keyed by member id in Java HashMap order. */
export function decodeMembers(members: readonly MemberMetadata[]): Map<string, ExtendedWorkerState> {
  const decoded = new Map(
    members.map((member) => [member.memberId, decodeExtendedWorkerState(member.metadata)]),
  );
  return new Map(javaHashMapOrder([...decoded.keys()]).map((id) => [id, decoded.get(id)!]));
}

export function maxConfigOffset(states: Iterable<ExtendedWorkerState>): number {
  let max: number | null = null;
  for (const state of states) max = max === null ? state.configOffset : Math.max(max, state.configOffset);
  if (max === null) throw new Error('No members to assign to');
  return max;
}

/**
 * The snapshot to assign from and its offset, or null when the leader cannot catch up to `maxOffset`
 * (Kafka's ensureLeaderConfig).
 */
export function ensureLeaderConfig(
  maxOffset: number,
  config: LeaderConfig,
): { offset: number; snapshot: ConfigView } | null {
  if (config.snapshot.offset >= maxOffset) return { offset: maxOffset, snapshot: config.snapshot };
  const fresh = config.freshSnapshot?.();
  if (fresh === undefined || fresh.offset < maxOffset) return null;
  return { offset: fresh.offset, snapshot: fresh };
}
