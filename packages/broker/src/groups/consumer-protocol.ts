/**
 * The consumer protocol (KIP-848): ConsumerGroupHeartbeat and ConsumerGroupDescribe, with server-side
 * assignment. One heartbeat both keeps a member alive and carries its subscription and the partitions it owns;
 * the answer carries its epoch and, when it changed, its assignment.
 *
 * Every change is written to __consumer_offsets (group epoch, member subscription, target assignment, current
 * member assignment: Kafka's record types) before the heartbeat that caused it is answered, and rebuilt from
 * there on start; members then have one session timeout to heartbeat again.
 */
import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  encodeConsumerGroupMemberRecord,
  encodeConsumerGroupMetadataRecord,
  encodeCurrentMemberAssignmentRecord,
  encodeTargetAssignmentMemberRecord,
  encodeTargetAssignmentMetadataRecord,
  type ConsumerGroupDescribeResponseDescribedGroup,
  type ConsumerGroupHeartbeatRequest,
  type ConsumerGroupHeartbeatResponse,
  type ConsumerOffsetsRecord,
} from '@sluice/protocol';
import type { BrokerConfigStore } from '../config/config-store.ts';
import type { Logger } from '../logger.ts';
import type { TopicRegistry } from '../metadata/topic-registry.ts';
import { DEFAULT_ASSIGNOR, assignors, type Assignment } from './assignors.ts';
import {
  ConsumerGroup,
  MemberState,
  cloneAssignment,
  reconcile,
  type ConsumerGroupMember,
} from './consumer-group.ts';

export type PersistRecords = (
  groupId: string,
  records: { key: Buffer; value: Buffer | null }[],
) => Promise<number>;

export interface ConsumerProtocolDeps {
  topics: TopicRegistry;
  config: BrokerConfigStore;
  log: Logger;
  now: () => number;
  persist: PersistRecords;
  /**
   * Whether a classic group of this id stands in the way: one with members does (GROUP_ID_NOT_FOUND); an
   * empty one is dropped so the consumer group takes its id over, keeping its committed offsets.
   */
  classicGroupInTheWay: (groupId: string) => boolean;
}

export interface HeartbeatContext {
  apiVersion: number;
  clientId: string;
  clientHost: string;
}

function heartbeatError(
  errorCode: number,
  errorMessage: string | null = null,
): ConsumerGroupHeartbeatResponse {
  return {
    throttleTimeMs: 0,
    errorCode,
    errorMessage,
    memberId: null,
    memberEpoch: 0,
    heartbeatIntervalMs: 0,
    assignment: null,
  };
}

export class ConsumerProtocolGroups {
  private readonly groups = new Map<string, ConsumerGroup>();

  constructor(private readonly deps: ConsumerProtocolDeps) {}

  get(groupId: string): ConsumerGroup | undefined {
    return this.groups.get(groupId);
  }

  all(): IterableIterator<ConsumerGroup> {
    return this.groups.values();
  }

  // ---- ConsumerGroupHeartbeat -----------------------------------------------------------------------------

  async heartbeat(
    request: ConsumerGroupHeartbeatRequest,
    context: HeartbeatContext,
  ): Promise<ConsumerGroupHeartbeatResponse> {
    const problem = this.validate(request, context.apiVersion);
    if (problem) return problem;
    const { groupId, memberEpoch } = request;
    if (this.deps.classicGroupInTheWay(groupId))
      return heartbeatError(ErrorCode.GROUP_ID_NOT_FOUND, `Group ${groupId} is not a consumer group.`);

    let group = this.groups.get(groupId);
    if (memberEpoch < 0) {
      const member = group?.members.get(request.memberId);
      if (!group || !member)
        return heartbeatError(
          ErrorCode.UNKNOWN_MEMBER_ID,
          `Member ${request.memberId} is not a member of group ${groupId}.`,
        );
      const errorCode = await this.removeMember(group, member, 'left the group');
      if (errorCode !== ErrorCode.NONE) return heartbeatError(errorCode);
      return { ...heartbeatError(ErrorCode.NONE), memberId: request.memberId, memberEpoch };
    }

    const records: { key: Buffer; value: Buffer | null }[] = [];
    let member: ConsumerGroupMember | undefined;
    let bumpEpoch = false;
    if (memberEpoch === 0) {
      if (!group) {
        group = new ConsumerGroup(groupId);
        this.groups.set(groupId, group);
      }
      if (request.instanceId !== null) {
        const holder = [...group.members.values()].find((m) => m.instanceId === request.instanceId);
        if (holder && holder.memberId !== request.memberId)
          return heartbeatError(
            ErrorCode.UNRELEASED_INSTANCE_ID,
            `Static member ${holder.memberId} with instance id ${request.instanceId} is still in the group.`,
          );
      }
      // v0: the coordinator names members; v1+ (KIP-1082): the member names itself.
      const memberId = context.apiVersion === 0 ? randomUUID() : request.memberId;
      const previous = group.members.get(memberId);
      // A member rejoining with epoch 0 has lost its partitions: it starts over.
      if (previous) this.forget(group, previous);
      member = {
        memberId,
        instanceId: request.instanceId,
        rackId: request.rackId,
        clientId: context.clientId,
        clientHost: context.clientHost,
        subscribedTopicNames: [],
        subscribedTopicRegex: null,
        serverAssignor: null,
        rebalanceTimeoutMs: request.rebalanceTimeoutMs,
        memberEpoch: 0,
        previousMemberEpoch: -1,
        state: MemberState.STABLE,
        assigned: new Map(),
        revoking: new Map(),
        sessionTimer: null,
        revocationTimer: null,
      };
      group.members.set(memberId, member);
      bumpEpoch = true;
    } else {
      member = group?.members.get(request.memberId);
      if (!group || !member)
        return heartbeatError(
          ErrorCode.UNKNOWN_MEMBER_ID,
          `Member ${request.memberId} is not a member of group ${groupId}.`,
        );
      if (!this.epochAccepted(member, memberEpoch, request))
        return heartbeatError(
          ErrorCode.FENCED_MEMBER_EPOCH,
          `The member epoch ${memberEpoch} does not match the expected epoch ${member.memberEpoch}.`,
        );
    }

    // Fields a heartbeat leaves null (or -1) are unchanged.
    if (request.subscribedTopicNames !== null) {
      const names = [...new Set(request.subscribedTopicNames)].sort();
      if (names.join('\u0000') !== member.subscribedTopicNames.join('\u0000')) bumpEpoch = true;
      member.subscribedTopicNames = names;
    }
    if (
      request.subscribedTopicRegex !== null &&
      request.subscribedTopicRegex !== member.subscribedTopicRegex
    ) {
      member.subscribedTopicRegex = request.subscribedTopicRegex || null;
      bumpEpoch = true;
    }
    if (request.serverAssignor !== null && request.serverAssignor !== member.serverAssignor) {
      member.serverAssignor = request.serverAssignor;
      bumpEpoch = true;
    }
    if (request.rebalanceTimeoutMs !== -1) member.rebalanceTimeoutMs = request.rebalanceTimeoutMs;
    if (request.rackId !== null) member.rackId = request.rackId;
    if (request.instanceId !== null) member.instanceId = request.instanceId;
    if (bumpEpoch) records.push(this.memberRecord(group, member));

    // New partitions of a subscribed topic, or a subscribed topic created or deleted, also start a new epoch.
    const signature = this.subscriptionSignature(group);
    if (bumpEpoch || signature !== group.subscriptionSignature) {
      group.subscriptionSignature = signature;
      group.groupEpoch++;
      records.push(encodeConsumerGroupMetadataRecord(groupId, { epoch: group.groupEpoch }));
    }
    if (group.assignmentEpoch < group.groupEpoch) records.push(...this.computeTargetAssignment(group));

    const owned = request.topicPartitions === null ? null : this.byName(request.topicPartitions);
    const changed = reconcile(group, member, owned) || memberEpoch === 0;
    if (changed) records.push(this.currentAssignmentRecord(group, member));
    this.watchRevocation(group, member);
    this.touchSession(group, member);

    if (records.length > 0) {
      const errorCode = await this.deps.persist(groupId, records);
      if (errorCode !== ErrorCode.NONE) return heartbeatError(errorCode);
    }
    const full =
      request.rebalanceTimeoutMs !== -1 &&
      (request.subscribedTopicNames !== null || request.subscribedTopicRegex !== null) &&
      request.topicPartitions !== null;
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      memberId: member.memberId,
      memberEpoch: member.memberEpoch,
      heartbeatIntervalMs: this.deps.config.getNumber('group.consumer.heartbeat.interval.ms'),
      assignment: changed || full ? { topicPartitions: this.byId(member.assigned) } : null,
    };
  }

  private validate(request: ConsumerGroupHeartbeatRequest, apiVersion: number) {
    const invalid = (message: string) => heartbeatError(ErrorCode.INVALID_REQUEST, message);
    if (request.groupId === '') return invalid("GroupId can't be empty.");
    if (request.instanceId === '') return invalid("InstanceId can't be empty.");
    if (request.rackId === '') return invalid("RackId can't be empty.");
    if (request.memberEpoch < -2) return invalid(`MemberEpoch ${request.memberEpoch} is invalid.`);
    if ((request.memberEpoch !== 0 || apiVersion >= 1) && request.memberId === '')
      return invalid("MemberId can't be empty.");
    if (request.memberEpoch === 0) {
      if (request.rebalanceTimeoutMs === -1)
        return invalid('RebalanceTimeoutMs must be provided in first request.');
      if (request.topicPartitions === null || request.topicPartitions.length > 0)
        return invalid('TopicPartitions must be empty when (re-)joining.');
      if (request.subscribedTopicNames === null && request.subscribedTopicRegex === null)
        return invalid('SubscribedTopicNames or SubscribedTopicRegex must be set in first request.');
    }
    if (request.subscribedTopicRegex !== null && request.subscribedTopicRegex !== '') {
      try {
        new RegExp(`^(?:${request.subscribedTopicRegex})$`);
      } catch {
        return heartbeatError(
          ErrorCode.INVALID_REGULAR_EXPRESSION,
          `SubscribedTopicRegex \`${request.subscribedTopicRegex}\` is not a valid regular expression.`,
        );
      }
    }
    if (request.serverAssignor !== null && !assignors.has(request.serverAssignor))
      return heartbeatError(
        ErrorCode.UNSUPPORTED_ASSIGNOR,
        `ServerAssignor ${request.serverAssignor} is not supported. Supported assignors: ${[...assignors.keys()].join(', ')}.`,
      );
    return null;
  }

  /**
   * A heartbeat must carry the member's epoch; the previous one is accepted while the member still owns only
   * partitions it was given (it may have missed the answer that moved it on), as in Kafka.
   */
  private epochAccepted(
    member: ConsumerGroupMember,
    epoch: number,
    request: ConsumerGroupHeartbeatRequest,
  ): boolean {
    if (epoch === member.memberEpoch) return true;
    if (epoch !== member.previousMemberEpoch || request.topicPartitions === null) return false;
    const owned = this.byName(request.topicPartitions);
    for (const [topic, partitions] of owned)
      for (const p of partitions) if (!member.assigned.get(topic)?.has(p)) return false;
    return true;
  }

  /** The topics a member subscribes to: its names, plus existing topics matching its regex. */
  private topicsOf(member: ConsumerGroupMember): string[] {
    if (member.subscribedTopicRegex === null) return member.subscribedTopicNames;
    const pattern = new RegExp(`^(?:${member.subscribedTopicRegex})$`);
    const matched = this.deps.topics
      .list()
      .filter((t) => !t.isInternal && pattern.test(t.name))
      .map((t) => t.name);
    return [...new Set([...member.subscribedTopicNames, ...matched])].sort();
  }

  private subscriptionSignature(group: ConsumerGroup): string {
    const topics = new Set<string>();
    for (const member of group.members.values()) for (const t of this.topicsOf(member)) topics.add(t);
    return [...topics]
      .sort()
      .map((t) => `${t}:${this.deps.topics.get(t)?.partitions.length ?? 0}`)
      .join(',');
  }

  /** Runs the group's assignor for the current group epoch; returns the records that store the result. */
  private computeTargetAssignment(group: ConsumerGroup): { key: Buffer; value: Buffer | null }[] {
    const members = [...group.members.values()];
    const assignorName = this.selectAssignor(members);
    const partitionCounts = new Map<string, number>();
    const subscriptions = members.map((m) => ({ memberId: m.memberId, subscribedTopics: this.topicsOf(m) }));
    for (const { subscribedTopics } of subscriptions)
      for (const topic of subscribedTopics) {
        const metadata = this.deps.topics.get(topic);
        if (metadata) partitionCounts.set(topic, metadata.partitions.length);
      }
    const target = assignors.get(assignorName)!({
      members: subscriptions,
      partitionCounts,
      previous: group.target,
    });
    group.target.clear();
    for (const [memberId, assignment] of target) group.target.set(memberId, assignment);
    group.assignmentEpoch = group.groupEpoch;
    group.assignorName = assignorName;
    this.deps.log.info(
      `consumer group ${group.groupId} epoch ${group.groupEpoch}: ${members.length} member(s), assignor ${assignorName}`,
    );
    return [
      ...members.map((m) =>
        encodeTargetAssignmentMemberRecord(group.groupId, m.memberId, {
          topicPartitions: this.byId(group.target.get(m.memberId) ?? new Map()),
        }),
      ),
      encodeTargetAssignmentMetadataRecord(group.groupId, { assignmentEpoch: group.assignmentEpoch }),
    ];
  }

  /** The assignor most members ask for (ties to the first name in Kafka's order), or the default. */
  private selectAssignor(members: ConsumerGroupMember[]): string {
    const votes = new Map<string, number>();
    for (const m of members)
      if (m.serverAssignor) votes.set(m.serverAssignor, (votes.get(m.serverAssignor) ?? 0) + 1);
    if (votes.size === 0) return DEFAULT_ASSIGNOR;
    return [...votes].sort(
      (a, b) => b[1] - a[1] || [...assignors.keys()].indexOf(a[0]) - [...assignors.keys()].indexOf(b[0]),
    )[0]![0];
  }

  // ---- Members leaving ------------------------------------------------------------------------------------

  /** Drops a member without recording it (its rejoin or removal writes what follows). */
  private forget(group: ConsumerGroup, member: ConsumerGroupMember): void {
    if (member.sessionTimer) clearTimeout(member.sessionTimer);
    if (member.revocationTimer) clearTimeout(member.revocationTimer);
    group.members.delete(member.memberId);
    group.target.delete(member.memberId);
  }

  /** Removes a member (left, session expired, or failed to revoke in time): its partitions go to the others. */
  async removeMember(group: ConsumerGroup, member: ConsumerGroupMember, reason: string): Promise<number> {
    this.forget(group, member);
    group.groupEpoch++;
    this.deps.log.info(`consumer group ${group.groupId}: member ${member.memberId} ${reason}`);
    return this.deps.persist(group.groupId, [
      encodeCurrentMemberAssignmentRecord(group.groupId, member.memberId, null),
      encodeTargetAssignmentMemberRecord(group.groupId, member.memberId, null),
      encodeConsumerGroupMemberRecord(group.groupId, member.memberId, null),
      encodeConsumerGroupMetadataRecord(group.groupId, { epoch: group.groupEpoch }),
    ]);
  }

  private touchSession(group: ConsumerGroup, member: ConsumerGroupMember): void {
    if (member.sessionTimer) clearTimeout(member.sessionTimer);
    member.sessionTimer = setTimeout(() => {
      if (group.members.get(member.memberId) !== member) return;
      void this.removeMember(group, member, 'session expired');
    }, this.deps.config.getNumber('group.consumer.session.timeout.ms'));
    member.sessionTimer.unref();
  }

  /** A member has its rebalance timeout to confirm a revocation; after that it is fenced. */
  private watchRevocation(group: ConsumerGroup, member: ConsumerGroupMember): void {
    if (member.state !== MemberState.UNREVOKED_PARTITIONS) {
      if (member.revocationTimer) clearTimeout(member.revocationTimer);
      member.revocationTimer = null;
      return;
    }
    if (member.revocationTimer) return;
    member.revocationTimer = setTimeout(() => {
      member.revocationTimer = null;
      if (group.members.get(member.memberId) !== member) return;
      if (member.state !== MemberState.UNREVOKED_PARTITIONS) return;
      void this.removeMember(group, member, 'did not revoke its partitions within its rebalance timeout');
    }, member.rebalanceTimeoutMs);
    member.revocationTimer.unref();
  }

  // ---- Records --------------------------------------------------------------------------------------------

  private memberRecord(group: ConsumerGroup, member: ConsumerGroupMember) {
    return encodeConsumerGroupMemberRecord(group.groupId, member.memberId, {
      instanceId: member.instanceId,
      rackId: member.rackId,
      clientId: member.clientId,
      clientHost: member.clientHost,
      subscribedTopicNames: member.subscribedTopicNames,
      subscribedTopicRegex: member.subscribedTopicRegex,
      rebalanceTimeoutMs: member.rebalanceTimeoutMs,
      serverAssignor: member.serverAssignor,
      classicMemberMetadata: null,
    });
  }

  private currentAssignmentRecord(group: ConsumerGroup, member: ConsumerGroupMember) {
    return encodeCurrentMemberAssignmentRecord(group.groupId, member.memberId, {
      memberEpoch: member.memberEpoch,
      previousMemberEpoch: member.previousMemberEpoch,
      state: member.state,
      assignedPartitions: this.byId(member.assigned),
      partitionsPendingRevocation: this.byId(member.revoking),
    });
  }

  /** Replays one record of __consumer_offsets at start. */
  apply(record: ConsumerOffsetsRecord): void {
    if (record.type === 'offset' || record.type === 'group' || record.type === 'ignored') return;
    let group = this.groups.get(record.group);
    if (!group) {
      if (record.value === null) return;
      group = new ConsumerGroup(record.group);
      this.groups.set(record.group, group);
    }
    switch (record.type) {
      case 'consumer-group':
        if (record.value === null) this.groups.delete(record.group);
        else group.groupEpoch = record.value.epoch;
        return;
      case 'target-assignment':
        if (record.value !== null) group.assignmentEpoch = record.value.assignmentEpoch;
        return;
      case 'target-member':
        if (record.value === null) group.target.delete(record.memberId);
        else group.target.set(record.memberId, this.byName(record.value.topicPartitions));
        return;
      case 'consumer-member': {
        if (record.value === null) {
          group.members.delete(record.memberId);
          return;
        }
        const member = this.loadedMember(group, record.memberId);
        Object.assign(member, {
          instanceId: record.value.instanceId,
          rackId: record.value.rackId,
          clientId: record.value.clientId,
          clientHost: record.value.clientHost,
          subscribedTopicNames: record.value.subscribedTopicNames,
          subscribedTopicRegex: record.value.subscribedTopicRegex,
          serverAssignor: record.value.serverAssignor,
          rebalanceTimeoutMs: record.value.rebalanceTimeoutMs,
        });
        return;
      }
      case 'current-assignment': {
        if (record.value === null) return;
        const member = this.loadedMember(group, record.memberId);
        member.memberEpoch = record.value.memberEpoch;
        member.previousMemberEpoch = record.value.previousMemberEpoch;
        member.state = record.value.state as MemberState;
        member.assigned = this.byName(record.value.assignedPartitions);
        member.revoking = this.byName(record.value.partitionsPendingRevocation);
        return;
      }
    }
  }

  private loadedMember(group: ConsumerGroup, memberId: string): ConsumerGroupMember {
    let member = group.members.get(memberId);
    if (!member) {
      member = {
        memberId,
        instanceId: null,
        rackId: null,
        clientId: '',
        clientHost: '',
        subscribedTopicNames: [],
        subscribedTopicRegex: null,
        serverAssignor: null,
        rebalanceTimeoutMs: 0,
        memberEpoch: 0,
        previousMemberEpoch: -1,
        state: MemberState.STABLE,
        assigned: new Map(),
        revoking: new Map(),
        sessionTimer: null,
        revocationTimer: null,
      };
      group.members.set(memberId, member);
    }
    return member;
  }

  /** After loading (the groups `loaded` picks): members get a session timeout to come back. */
  resumeLoaded(loaded: (groupId: string) => boolean): void {
    for (const group of this.groups.values()) {
      if (!loaded(group.groupId)) continue;
      group.subscriptionSignature = this.subscriptionSignature(group);
      for (const member of group.members.values()) {
        this.touchSession(group, member);
        this.watchRevocation(group, member);
      }
    }
  }

  /** Drops an empty group (DeleteGroups, or its offsets all expired); returns the records that say so. */
  deleteGroup(groupId: string): { key: Buffer; value: Buffer | null }[] {
    this.groups.delete(groupId);
    return [
      encodeTargetAssignmentMetadataRecord(groupId, null),
      encodeConsumerGroupMetadataRecord(groupId, null),
    ];
  }

  // ---- ConsumerGroupDescribe ------------------------------------------------------------------------------

  describe(groupId: string, isClassic: boolean): ConsumerGroupDescribeResponseDescribedGroup {
    const group = this.groups.get(groupId);
    const base = {
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      groupId,
      groupState: '',
      groupEpoch: 0,
      assignmentEpoch: 0,
      assignorName: '',
      members: [],
      authorizedOperations: -2147483648,
    };
    if (!group)
      return {
        ...base,
        errorCode: ErrorCode.GROUP_ID_NOT_FOUND,
        errorMessage: isClassic ? `Group ${groupId} is not a consumer group.` : `Group ${groupId} not found.`,
      };
    const withNames = (assignment: Assignment) => ({
      topicPartitions: [...assignment]
        .filter(([, ps]) => ps.size > 0)
        .map(([topicName, ps]) => ({
          topicId: this.deps.topics.get(topicName)?.topicId ?? 'AAAAAAAAAAAAAAAAAAAAAA',
          topicName,
          partitions: [...ps].sort((a, b) => a - b),
        })),
    });
    return {
      ...base,
      groupState: group.state,
      groupEpoch: group.groupEpoch,
      assignmentEpoch: group.assignmentEpoch,
      assignorName: group.assignorName || DEFAULT_ASSIGNOR,
      members: [...group.members.values()].map((m) => ({
        memberId: m.memberId,
        instanceId: m.instanceId,
        rackId: m.rackId,
        memberEpoch: m.memberEpoch,
        clientId: m.clientId,
        clientHost: m.clientHost,
        subscribedTopicNames: m.subscribedTopicNames,
        subscribedTopicRegex: m.subscribedTopicRegex,
        assignment: withNames(m.assigned),
        targetAssignment: withNames(group.target.get(m.memberId) ?? new Map()),
      })),
    };
  }

  // ---- Topic ids <-> names --------------------------------------------------------------------------------

  private byId(assignment: Assignment): { topicId: string; partitions: number[] }[] {
    return [...assignment]
      .filter(([, ps]) => ps.size > 0)
      .flatMap(([topic, ps]) => {
        const metadata = this.deps.topics.get(topic);
        return metadata ? [{ topicId: metadata.topicId, partitions: [...ps].sort((a, b) => a - b) }] : [];
      });
  }

  /** Partitions by topic name; ids of topics that no longer exist are dropped. */
  private byName(partitions: readonly { topicId: string; partitions: number[] }[]): Assignment {
    const assignment: Assignment = new Map();
    for (const { topicId, partitions: ps } of partitions) {
      const topic = this.deps.topics.getById(topicId);
      if (topic) assignment.set(topic.name, new Set(ps));
    }
    return cloneAssignment(assignment);
  }

  /** Forgets the groups `unloading` picks (their coordinator partition moved away), stopping their timers. */
  unload(unloading: (groupId: string) => boolean): void {
    for (const group of [...this.groups.values()]) {
      if (!unloading(group.groupId)) continue;
      for (const member of group.members.values()) {
        if (member.sessionTimer) clearTimeout(member.sessionTimer);
        if (member.revocationTimer) clearTimeout(member.revocationTimer);
      }
      this.groups.delete(group.groupId);
    }
  }

  close(): void {
    for (const group of this.groups.values())
      for (const member of group.members.values()) {
        if (member.sessionTimer) clearTimeout(member.sessionTimer);
        if (member.revocationTimer) clearTimeout(member.revocationTimer);
      }
  }
}
