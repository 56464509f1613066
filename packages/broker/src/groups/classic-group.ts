/**
 * A classic group's state (Kafka's ClassicGroup): its members as they joined, the generation, the protocol and
 * the leader; plus the answers the classic protocol gives outside a rebalance.
 *
 * Invariants: a member id is in `members` once; a static member's instance id maps to its current member id in
 * `staticMembers` (an older member id of that instance is fenced); the group's state changes only through
 * transitionTo, which records when (offsets of an Empty group expire counting from it).
 */
import type { JoinGroupResponse, SyncGroupResponse } from '@sluice/protocol';
import { ErrorCode } from '@sluice/protocol';

export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

/** A member as it joined (its JoinGroup fields), plus what the coordinator keeps about it. */
export interface Member extends Omit<JoinRequest, 'groupId' | 'requireKnownMemberId'> {
  assignment: Buffer;
  awaitingJoin: ((response: JoinGroupResponse) => void) | null;
  awaitingSync: ((response: SyncGroupResponse) => void) | null;
  sessionTimer: NodeJS.Timeout | null;
}

export interface CommittedOffset {
  offset: bigint;
  leaderEpoch: number;
  metadata: string;
  commitTimestamp: bigint;
}

export class ClassicGroup {
  private currentState: GroupState = 'Empty';
  /** When the group entered its current state; offsets of an Empty group expire counting from it. */
  stateTimestamp: number;
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, Member>();
  /**
   * Member ids handed out with MEMBER_ID_REQUIRED, accepted on the rejoin; each is forgotten if its member
   * does not rejoin within its session timeout, so clients that never come back cannot grow this.
   */
  readonly pendingMemberIds = new Map<string, NodeJS.Timeout>();
  readonly staticMembers = new Map<string, string>();
  joinTimer: NodeJS.Timeout | null = null;
  /** The first rebalance of an empty group waits out group.initial.rebalance.delay.ms for more members. */
  initialDelay = false;
  /** When the current rebalance must end even if members are missing. */
  rebalanceDeadline = 0;

  constructor(
    readonly groupId: string,
    now: number,
  ) {
    this.stateTimestamp = now;
  }

  get state(): GroupState {
    return this.currentState;
  }

  transitionTo(state: GroupState, now: number): void {
    this.currentState = state;
    this.stateTimestamp = now;
  }
}

export interface JoinRequest {
  groupId: string;
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: { name: string; metadata: Buffer }[];
  /** JoinGroup v4+: a new member must first learn its member id (MEMBER_ID_REQUIRED). */
  requireKnownMemberId: boolean;
}

export function joinError(errorCode: number, memberId = ''): JoinGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode,
    generationId: -1,
    protocolType: null,
    protocolName: null,
    leader: '',
    skipAssignment: false,
    memberId,
    members: [],
  };
}

/**
 * A JoinGroup answer that hands back the group's current generation without a rebalance. A leader (a static
 * leader that restarted) also gets the member list, with skipAssignment (v9+) telling it not to assign again,
 * as Kafka answers; older clients assign again, and SyncGroup in a Stable group keeps the current assignment.
 */
export function currentGeneration(group: ClassicGroup, memberId: string): JoinGroupResponse {
  const isLeader = group.leaderId === memberId;
  return {
    throttleTimeMs: 0,
    errorCode: ErrorCode.NONE,
    generationId: group.generationId,
    protocolType: group.protocolType,
    protocolName: group.protocolName,
    leader: group.leaderId ?? '',
    skipAssignment: isLeader,
    memberId,
    members: isLeader
      ? [...group.members.values()].map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          metadata: m.protocols.find((p) => p.name === group.protocolName)?.metadata ?? Buffer.alloc(0),
        }))
      : [],
  };
}

export function syncResponse(
  errorCode: number,
  group?: ClassicGroup,
  assignment: Buffer = Buffer.alloc(0),
): SyncGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode,
    protocolType: group?.protocolType ?? null,
    protocolName: group?.protocolName ?? null,
    assignment,
  };
}

/** The coordinator keys committed offsets by "topic:partition"; topic names cannot contain ':'. */
export function splitOffsetKey(key: string): { topic: string; partition: number } {
  const at = key.lastIndexOf(':');
  return { topic: key.slice(0, at), partition: Number(key.slice(at + 1)) };
}
