/**
 * Kafka's EagerAssignor, for groups on the `default` protocol (v0): every rebalance revokes everything and
 * the leader assigns all connectors, then all tasks, round-robin over the members sorted by id. Connectors
 * and tasks are assigned in two passes, continuing the same round, because assigning a connector with its
 * tasks would, for single-task connectors in an even-sized group, give some members only connectors.
 *
 * Invariants: connectors are taken in sorted order and each connector's tasks in task order; assignments are
 * written in the v0 layout whatever protocol versions the members sent.
 */
import {
  CONFIG_MISMATCH,
  NO_ERROR,
  compareTaskIds,
  encodeAssignment,
  type Assignment,
  type ConnectorTaskId,
} from './connect-protocol.ts';
import {
  decodeMembers,
  ensureLeaderConfig,
  maxConfigOffset,
  type ConfigView,
  type LeaderConfig,
  type MemberMetadata,
} from './assignor-common.ts';

export interface EagerAssignmentResult {
  /** Each member's assignment, in the order members were visited. */
  assignments: Map<string, Assignment>;
  /** The same, encoded for SyncGroup. */
  encoded: Map<string, Buffer>;
  /** The snapshot assigned from; null on CONFIG_MISMATCH. */
  snapshot: ConfigView | null;
}

/** Round-robin of sorted connectors, then their tasks, over sorted member ids. */
export function eagerAssignment(
  memberIds: readonly string[],
  config: ConfigView,
): { connectors: Map<string, string[]>; tasks: Map<string, ConnectorTaskId[]> } {
  const members = [...memberIds].sort();
  const connectors = new Map<string, string[]>();
  const tasks = new Map<string, ConnectorTaskId[]>();
  let next = 0;
  const nextMember = (): string => members[next++ % members.length]!;
  const sortedConnectors = [...config.connectors()].sort();
  for (const connector of sortedConnectors) {
    const member = nextMember();
    connectors.set(member, [...(connectors.get(member) ?? []), connector]);
  }
  for (const connector of sortedConnectors) {
    for (const task of [...config.tasks(connector)].sort(compareTaskIds)) {
      const member = nextMember();
      tasks.set(member, [...(tasks.get(member) ?? []), task]);
    }
  }
  return { connectors, tasks };
}

export class EagerAssignor {
  performAssignment(
    leaderId: string,
    members: readonly MemberMetadata[],
    config: LeaderConfig,
  ): EagerAssignmentResult {
    const states = decodeMembers(members);
    const leaderState = states.get(leaderId);
    if (!leaderState) throw new Error(`Leader ${leaderId} is not among the members`);
    const maxOffset = maxConfigOffset(states.values());
    const leader = ensureLeaderConfig(maxOffset, config);
    const assignments = new Map<string, Assignment>();
    const { connectors, tasks } = leader
      ? eagerAssignment([...states.keys()], leader.snapshot)
      : { connectors: new Map<string, string[]>(), tasks: new Map<string, ConnectorTaskId[]>() };
    for (const memberId of states.keys()) {
      assignments.set(memberId, {
        error: leader ? NO_ERROR : CONFIG_MISMATCH,
        leader: leaderId,
        leaderUrl: leaderState.url,
        configOffset: leader ? leader.offset : maxOffset,
        connectors: connectors.get(memberId) ?? [],
        tasks: tasks.get(memberId) ?? [],
      });
    }
    const encoded = new Map(
      [...assignments].map(([memberId, assignment]) => [memberId, encodeAssignment(assignment)]),
    );
    return { assignments, encoded, snapshot: leader?.snapshot ?? null };
  }
}
