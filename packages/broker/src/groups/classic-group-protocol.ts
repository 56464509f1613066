/**
 * The classic group protocol (Kafka's ClassicGroup handling in GroupMetadataManager): JoinGroup, SyncGroup,
 * Heartbeat and LeaveGroup over the groups the coordinator has loaded, following Kafka's state machine:
 *
 *   Empty --join--> PreparingRebalance --all joined or timeout--> CompletingRebalance --leader syncs--> Stable
 *   Stable/CompletingRebalance --join, leave, session expiry--> PreparingRebalance;  no members --> Empty
 *
 * Invariants: a response is owed to every pending JoinGroup and SyncGroup, and each is resolved exactly once
 * (with an error code when the rebalance it waited for is abandoned, or NOT_COORDINATOR when the coordinator
 * unloads the group); a group becomes Stable only once its metadata record is committed.
 */
import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  encodeGroupMetadataRecord,
  type JoinGroupResponse,
  type SyncGroupResponse,
} from '@sluice/protocol';
import type { BrokerConfigStore } from '../config/config-store.ts';
import type { Logger } from '../logger.ts';
import {
  currentGeneration,
  joinError,
  syncResponse,
  type ClassicGroup,
  type JoinRequest,
  type Member,
} from './classic-group.ts';
import type { ConsumerProtocolGroups, PersistRecords } from './consumer-protocol.ts';

export interface ClassicGroupProtocolDeps {
  config: BrokerConfigStore;
  log: Logger;
  now: () => number;
  /** The loaded classic groups, by id. */
  groups: Map<string, ClassicGroup>;
  /** The group of this id, created (Empty) when `create` and missing. */
  group: (groupId: string, create: boolean) => ClassicGroup | undefined;
  consumerGroups: ConsumerProtocolGroups;
  /** Appends to the group's __consumer_offsets partition; resolves with the coordinator error once committed. */
  persist: PersistRecords;
}

export class ClassicGroupProtocol {
  constructor(private readonly deps: ClassicGroupProtocolDeps) {}

  // ---- JoinGroup ------------------------------------------------------------------------------------------

  join(request: JoinRequest): Promise<JoinGroupResponse> {
    const minSession = this.deps.config.getNumber('group.min.session.timeout.ms');
    const maxSession = this.deps.config.getNumber('group.max.session.timeout.ms');
    if (request.groupId === '') return Promise.resolve(joinError(ErrorCode.INVALID_GROUP_ID));
    if (request.sessionTimeoutMs < minSession || request.sessionTimeoutMs > maxSession) {
      return Promise.resolve(joinError(ErrorCode.INVALID_SESSION_TIMEOUT, request.memberId));
    }
    if (request.protocols.length === 0 || request.protocolType === '') {
      return Promise.resolve(joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, request.memberId));
    }
    const consumerGroup = this.deps.consumerGroups.get(request.groupId);
    if (consumerGroup) {
      // Classic members cannot join a consumer-protocol group with members; an empty one turns classic.
      if (consumerGroup.members.size > 0)
        return Promise.resolve(joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, request.memberId));
      void this.deps.persist(request.groupId, this.deps.consumerGroups.deleteGroup(request.groupId));
    }
    const group = this.deps.group(request.groupId, true)!;
    if (group.state === 'Dead')
      return Promise.resolve(joinError(ErrorCode.COORDINATOR_NOT_AVAILABLE, request.memberId));
    if (group.members.size > 0 && !this.supportsProtocols(group, request)) {
      return Promise.resolve(joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, request.memberId));
    }

    let memberId = request.memberId;
    if (request.groupInstanceId !== null) {
      const previous = group.staticMembers.get(request.groupInstanceId);
      if (memberId !== '' && previous !== undefined && previous !== memberId) {
        return Promise.resolve(joinError(ErrorCode.FENCED_INSTANCE_ID, memberId));
      }
      if (memberId === '') {
        memberId = `${request.groupInstanceId}-${randomUUID()}`;
        if (previous !== undefined) return this.replaceStaticMember(group, previous, memberId, request);
      }
    } else if (memberId === '') {
      memberId = `${request.clientId}-${randomUUID()}`;
      if (request.requireKnownMemberId) {
        const pendingId = memberId;
        const expiry = setTimeout(() => {
          if (!group.pendingMemberIds.delete(pendingId)) return;
          this.maybeCompleteJoin(group);
        }, request.sessionTimeoutMs);
        expiry.unref();
        group.pendingMemberIds.set(memberId, expiry);
        return Promise.resolve(joinError(ErrorCode.MEMBER_ID_REQUIRED, memberId));
      }
    } else if (!group.members.has(memberId) && !group.pendingMemberIds.has(memberId)) {
      return Promise.resolve(joinError(ErrorCode.UNKNOWN_MEMBER_ID, memberId));
    }
    clearTimeout(group.pendingMemberIds.get(memberId));
    group.pendingMemberIds.delete(memberId);
    if (group.members.size >= this.deps.config.getNumber('group.max.size') && !group.members.has(memberId)) {
      return Promise.resolve(joinError(ErrorCode.GROUP_MAX_SIZE_REACHED, memberId));
    }

    return new Promise((resolve) => {
      const existing = group.members.get(memberId);
      const { groupId: _groupId, requireKnownMemberId: _required, ...joined } = request;
      const member: Member = existing ?? {
        ...joined,
        memberId,
        assignment: Buffer.alloc(0),
        awaitingJoin: null,
        awaitingSync: null,
        sessionTimer: null,
      };
      const changed = !existing || !this.sameProtocols(existing, request);
      Object.assign(member, {
        sessionTimeoutMs: request.sessionTimeoutMs,
        rebalanceTimeoutMs: request.rebalanceTimeoutMs,
        protocols: request.protocols,
        protocolType: request.protocolType,
      });
      // A rejoin of a previous pending join replaces it; the older request is answered as superseded.
      member.awaitingJoin?.(joinError(ErrorCode.UNKNOWN_MEMBER_ID, memberId));
      member.awaitingJoin = resolve;
      group.members.set(memberId, member);
      if (request.groupInstanceId !== null) group.staticMembers.set(request.groupInstanceId, memberId);
      this.touchSession(group, member);
      if (group.state === 'PreparingRebalance') {
        this.maybeCompleteJoin(group);
      } else if (group.state === 'Stable' && !changed && memberId !== group.leaderId) {
        // A follower rejoining a Stable group with unchanged protocols gets the current generation back
        // without a rebalance; a leader's or a changed member's rejoin rebalances, as in Kafka.
        member.awaitingJoin = null;
        resolve(currentGeneration(group, memberId));
      } else {
        this.prepareRebalance(group, `member ${memberId} joined`);
      }
    });
  }

  private replaceStaticMember(
    group: ClassicGroup,
    oldId: string,
    newId: string,
    request: JoinRequest,
  ): Promise<JoinGroupResponse> {
    const old = group.members.get(oldId);
    if (!old) {
      group.staticMembers.delete(request.groupInstanceId!);
      return this.join({
        ...request,
        memberId: newId,
        groupInstanceId: request.groupInstanceId,
        requireKnownMemberId: false,
      });
    }
    // A static member restarting within its session keeps its partitions: no rebalance when the group is
    // Stable and its protocols are unchanged (KIP-345).
    old.awaitingJoin?.(joinError(ErrorCode.FENCED_INSTANCE_ID, oldId));
    old.awaitingSync?.(syncResponse(ErrorCode.FENCED_INSTANCE_ID));
    if (old.sessionTimer) clearTimeout(old.sessionTimer);
    group.members.delete(oldId);
    const member: Member = {
      ...old,
      memberId: newId,
      clientId: request.clientId,
      awaitingJoin: null,
      awaitingSync: null,
      sessionTimer: null,
    };
    group.members.set(newId, member);
    group.staticMembers.set(request.groupInstanceId!, newId);
    if (group.leaderId === oldId) group.leaderId = newId;
    this.touchSession(group, member);
    if (group.state === 'Stable' && this.sameProtocols(old, request)) {
      return this.storeStaticReplacement(group, old, member);
    }
    return this.join({ ...request, memberId: newId, requireKnownMemberId: false });
  }

  /**
   * Writes the group's metadata naming the static member's new member id before answering, as Kafka's
   * updateStaticMemberAndRebalance does: a coordinator that restarts or moves would otherwise load the old
   * id and fence the live member with FENCED_INSTANCE_ID. A failed write puts the old id back and answers
   * the error, so the restarted member retries its join.
   */
  private async storeStaticReplacement(
    group: ClassicGroup,
    old: Member,
    replacement: Member,
  ): Promise<JoinGroupResponse> {
    const errorCode = await this.deps.persist(group.groupId, [this.groupMetadataRecord(group)]);
    const stillCurrent =
      this.deps.groups.get(group.groupId) === group &&
      group.members.get(replacement.memberId) === replacement;
    if (errorCode === ErrorCode.NONE) {
      return stillCurrent
        ? currentGeneration(group, replacement.memberId)
        : joinError(ErrorCode.UNKNOWN_MEMBER_ID, replacement.memberId);
    }
    if (stillCurrent) {
      if (replacement.sessionTimer) clearTimeout(replacement.sessionTimer);
      group.members.delete(replacement.memberId);
      const restored: Member = {
        ...replacement,
        memberId: old.memberId,
        clientId: old.clientId,
        sessionTimer: null,
      };
      group.members.set(old.memberId, restored);
      group.staticMembers.set(old.groupInstanceId!, old.memberId);
      if (group.leaderId === replacement.memberId) group.leaderId = old.memberId;
      this.touchSession(group, restored);
    }
    return joinError(errorCode);
  }

  private sameProtocols(member: Member, request: JoinRequest): boolean {
    return (
      member.protocols.length === request.protocols.length &&
      member.protocols.every(
        (p, i) => p.name === request.protocols[i]!.name && p.metadata.equals(request.protocols[i]!.metadata),
      )
    );
  }

  private supportsProtocols(group: ClassicGroup, request: JoinRequest): boolean {
    const type = group.protocolType ?? [...group.members.values()][0]?.protocolType;
    if (type !== undefined && type !== request.protocolType) return false;
    const names = new Set(request.protocols.map((p) => p.name));
    return [...group.members.values()].every((m) => m.protocols.some((p) => names.has(p.name)));
  }

  private prepareRebalance(group: ClassicGroup, reason: string): void {
    if (group.state === 'CompletingRebalance') {
      for (const member of group.members.values()) {
        member.awaitingSync?.(syncResponse(ErrorCode.REBALANCE_IN_PROGRESS, group));
        member.awaitingSync = null;
      }
    }
    const initial = group.state === 'Empty';
    group.transitionTo('PreparingRebalance', this.deps.now());
    group.initialDelay = initial;
    this.deps.log.debug(`group ${group.groupId} preparing to rebalance: ${reason}`);
    if (group.joinTimer) clearTimeout(group.joinTimer);
    const rebalanceTimeout = Math.max(...[...group.members.values()].map((m) => m.rebalanceTimeoutMs), 0);
    group.rebalanceDeadline = this.deps.now() + rebalanceTimeout;
    // The first rebalance of an empty group waits group.initial.rebalance.delay.ms for more members.
    const delay = initial
      ? Math.min(this.deps.config.getNumber('group.initial.rebalance.delay.ms'), rebalanceTimeout)
      : rebalanceTimeout;
    group.joinTimer = setTimeout(() => this.completeJoin(group), delay);
    group.joinTimer.unref();
    if (!initial) this.maybeCompleteJoin(group);
  }

  /** Ends the join phase early once every known member has rejoined (not during the initial delay). */
  private maybeCompleteJoin(group: ClassicGroup): void {
    if (group.state !== 'PreparingRebalance') return;
    if (group.initialDelay) return;
    const allJoined = [...group.members.values()].every((m) => m.awaitingJoin !== null);
    if (allJoined && group.pendingMemberIds.size === 0) this.completeJoin(group);
  }

  private completeJoin(group: ClassicGroup): void {
    if (group.state !== 'PreparingRebalance') return;
    if (group.joinTimer) clearTimeout(group.joinTimer);
    group.joinTimer = null;
    for (const member of [...group.members.values()]) {
      if (member.awaitingJoin === null) this.removeMember(group, member);
    }
    if (group.members.size === 0) {
      group.transitionTo('Empty', this.deps.now());
      group.generationId++;
      group.protocolName = null;
      group.leaderId = null;
      return;
    }
    group.generationId++;
    const members = [...group.members.values()];
    group.protocolType = members[0]!.protocolType;
    group.protocolName = this.selectProtocol(members);
    if (!group.leaderId || !group.members.has(group.leaderId)) group.leaderId = members[0]!.memberId;
    group.transitionTo('CompletingRebalance', this.deps.now());
    this.deps.log.info(
      `group ${group.groupId} generation ${group.generationId}: ${members.length} member(s), protocol ${group.protocolName}`,
    );
    for (const member of members) {
      const metadata = (m: Member) => m.protocols.find((p) => p.name === group.protocolName)!.metadata;
      member.awaitingJoin!({
        throttleTimeMs: 0,
        errorCode: ErrorCode.NONE,
        generationId: group.generationId,
        protocolType: group.protocolType,
        protocolName: group.protocolName,
        leader: group.leaderId,
        skipAssignment: false,
        memberId: member.memberId,
        members:
          member.memberId === group.leaderId
            ? members.map((m) => ({
                memberId: m.memberId,
                groupInstanceId: m.groupInstanceId,
                metadata: metadata(m),
              }))
            : [],
      });
      member.awaitingJoin = null;
      this.touchSession(group, member);
    }
  }

  /** The protocol every member supports with the most first-choice votes, as Kafka picks it. */
  private selectProtocol(members: Member[]): string {
    const candidates = members[0]!.protocols
      .map((p) => p.name)
      .filter((name) => members.every((m) => m.protocols.some((p) => p.name === name)));
    const votes = new Map(candidates.map((c) => [c, 0]));
    for (const member of members) {
      const choice = member.protocols.find((p) => votes.has(p.name));
      if (choice) votes.set(choice.name, votes.get(choice.name)! + 1);
    }
    return [...votes].sort((a, b) => b[1] - a[1])[0]![0];
  }

  // ---- SyncGroup, Heartbeat, LeaveGroup -------------------------------------------------------------------

  sync(
    groupId: string,
    memberId: string,
    groupInstanceId: string | null,
    generationId: number,
    assignments: { memberId: string; assignment: Buffer }[],
  ): Promise<SyncGroupResponse> {
    const group = this.deps.groups.get(groupId);
    if (group && this.isFenced(group, memberId, groupInstanceId)) {
      return Promise.resolve(syncResponse(ErrorCode.FENCED_INSTANCE_ID));
    }
    const member = group?.members.get(memberId);
    if (!group || !member) return Promise.resolve(syncResponse(ErrorCode.UNKNOWN_MEMBER_ID));
    if (generationId !== group.generationId)
      return Promise.resolve(syncResponse(ErrorCode.ILLEGAL_GENERATION));
    this.touchSession(group, member);
    if (group.state === 'PreparingRebalance')
      return Promise.resolve(syncResponse(ErrorCode.REBALANCE_IN_PROGRESS, group));
    if (group.state === 'Stable')
      return Promise.resolve(syncResponse(ErrorCode.NONE, group, member.assignment));
    return new Promise((resolve) => {
      member.awaitingSync = resolve;
      if (memberId !== group.leaderId) return;
      const byMember = new Map(assignments.map((a) => [a.memberId, a.assignment]));
      for (const m of group.members.values()) m.assignment = byMember.get(m.memberId) ?? Buffer.alloc(0);
      const generation = group.generationId;
      void this.deps.persist(groupId, [this.groupMetadataRecord(group)]).then((errorCode) => {
        // A rebalance that began while the metadata was written has already answered these syncs, and a
        // resignation has answered them and unloaded the group.
        if (group.state !== 'CompletingRebalance' || group.generationId !== generation) return;
        if (this.deps.groups.get(groupId) !== group) return;
        if (errorCode === ErrorCode.NONE) group.transitionTo('Stable', this.deps.now());
        for (const m of group.members.values()) {
          m.awaitingSync?.(
            syncResponse(errorCode, group, errorCode === ErrorCode.NONE ? m.assignment : Buffer.alloc(0)),
          );
          m.awaitingSync = null;
        }
        if (errorCode !== ErrorCode.NONE) this.prepareRebalance(group, 'group metadata could not be stored');
      });
    });
  }

  private groupMetadataRecord(group: ClassicGroup): { key: Buffer; value: Buffer | null } {
    return encodeGroupMetadataRecord(group.groupId, {
      protocolType: group.protocolType ?? '',
      generation: group.generationId,
      protocol: group.protocolName,
      leader: group.leaderId,
      currentStateTimestamp: BigInt(this.deps.now()),
      members: [...group.members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        rebalanceTimeout: m.rebalanceTimeoutMs,
        sessionTimeout: m.sessionTimeoutMs,
        subscription: m.protocols.find((p) => p.name === group.protocolName)?.metadata ?? Buffer.alloc(0),
        assignment: m.assignment,
      })),
    });
  }

  heartbeat(groupId: string, memberId: string, groupInstanceId: string | null, generationId: number): number {
    const group = this.deps.groups.get(groupId);
    if (group && this.isFenced(group, memberId, groupInstanceId)) return ErrorCode.FENCED_INSTANCE_ID;
    const member = group?.members.get(memberId);
    if (!group || !member) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    this.touchSession(group, member);
    return group.state === 'PreparingRebalance' ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE;
  }

  /**
   * LeaveGroup: answered once what the departures wrote (the group's metadata when it became Empty) is
   * committed, as Kafka's runtime completes it; a failed write is every departed member's error.
   */
  async leave(
    groupId: string,
    members: { memberId: string; groupInstanceId: string | null }[],
  ): Promise<number[]> {
    const group = this.deps.groups.get(groupId);
    const writes: Promise<number>[] = [];
    const codes = members.map(({ memberId, groupInstanceId }) => {
      const id =
        memberId || (groupInstanceId !== null ? group?.staticMembers.get(groupInstanceId) : undefined);
      const member = id ? group?.members.get(id) : undefined;
      if (!group || !member) return ErrorCode.UNKNOWN_MEMBER_ID;
      if (groupInstanceId !== null && member.groupInstanceId !== groupInstanceId)
        return ErrorCode.FENCED_INSTANCE_ID;
      this.removeMember(group, member);
      const written = this.afterMembershipChange(group, `member ${member.memberId} left`);
      if (written) writes.push(written);
      return ErrorCode.NONE;
    });
    const failed = (await Promise.all(writes)).find((code) => code !== ErrorCode.NONE);
    return failed === undefined ? codes : codes.map((code) => (code === ErrorCode.NONE ? failed : code));
  }

  /** A static member's old incarnation (its instance id now belongs to another member id) is fenced (KIP-345). */
  isFenced(group: ClassicGroup, memberId: string, groupInstanceId: string | null): boolean {
    if (groupInstanceId === null) return false;
    const current = group.staticMembers.get(groupInstanceId);
    return current !== undefined && current !== memberId;
  }

  private removeMember(group: ClassicGroup, member: Member): void {
    if (member.sessionTimer) clearTimeout(member.sessionTimer);
    member.awaitingJoin?.(joinError(ErrorCode.UNKNOWN_MEMBER_ID, member.memberId));
    member.awaitingSync?.(syncResponse(ErrorCode.UNKNOWN_MEMBER_ID));
    group.members.delete(member.memberId);
    if (member.groupInstanceId !== null) group.staticMembers.delete(member.groupInstanceId);
  }

  /** Returns the write of the group's metadata when the group became Empty (which never rejects). */
  private afterMembershipChange(group: ClassicGroup, reason: string): Promise<number> | undefined {
    if (group.members.size === 0 && group.state !== 'PreparingRebalance') {
      group.transitionTo('Empty', this.deps.now());
      group.generationId++;
      return this.deps.persist(group.groupId, [this.groupMetadataRecord(group)]);
    }
    if (group.state === 'PreparingRebalance') this.maybeCompleteJoin(group);
    else if (group.state !== 'Empty') this.prepareRebalance(group, reason);
    return undefined;
  }

  touchSession(group: ClassicGroup, member: Member): void {
    if (member.sessionTimer) clearTimeout(member.sessionTimer);
    member.sessionTimer = setTimeout(() => {
      if (group.members.get(member.memberId) !== member) return;
      this.deps.log.info(`group ${group.groupId}: member ${member.memberId} session expired`);
      this.removeMember(group, member);
      void this.afterMembershipChange(group, `member ${member.memberId} session expired`);
    }, member.sessionTimeoutMs);
    member.sessionTimer.unref();
  }
}
