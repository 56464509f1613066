/**
 * The group coordinator of this broker (Kafka's GroupCoordinatorService with the offsets and loading side of its
 * GroupMetadataManager and OffsetMetadataManager): it decides which groups are served here, loads and unloads
 * them, stores their records, and keeps committed offsets. The classic protocol's state machine is
 * ClassicGroupProtocol; the consumer protocol of KIP-848 is ConsumerProtocolGroups.
 *
 * Invariants:
 * - this broker coordinates exactly the groups whose __consumer_offsets partition it leads: a partition becomes
 *   coordinated when this broker is elected its leader (its groups and offsets are then loaded from its log, up
 *   to the log end, and requests for them are answered COORDINATOR_LOAD_IN_PROGRESS meanwhile) and stops when
 *   it resigns (its groups are forgotten; pending joins and syncs are answered NOT_COORDINATOR); requests for any
 *   other group are answered NOT_COORDINATOR. A single broker leads every partition;
 * - committed offsets and group metadata are appended to the group's partition (Kafka's record formats) and are
 *   acknowledged, and applied to memory, only once committed (the high watermark passed them, as acks=all), and
 *   only while this broker still coordinates that partition.
 */
import {
  ErrorCode,
  ProtocolError,
  Reader,
  consumerProtocolSubscriptionVersions,
  decodeConsumerProtocolSubscription,
  encodeGroupMetadataRecord,
  encodeOffsetCommitRecord,
  encodeRecordBatch,
  type JoinGroupResponse,
  type SyncGroupResponse,
} from '@sluice/protocol';
import type { NodeEndpoint } from '../broker-services.ts';
import type { BrokerConfigStore } from '../config/config-store.ts';
import { causeOf, failureOf } from '../handlers/request-failure.ts';
import type { Logger, OncePerCauseLog } from '../logger.ts';
import { NO_LEADER } from '../metadata/partition-registration.ts';
import type { TopicRegistry } from '../metadata/topic-registry.ts';
import type { LeadershipListener, ReplicaManager } from '../replication/replica-manager.ts';
import {
  ClassicGroup,
  joinError,
  splitOffsetKey,
  syncResponse,
  type CommittedOffset,
  type JoinRequest,
} from './classic-group.ts';
import { ClassicGroupProtocol } from './classic-group-protocol.ts';
import { ConsumerProtocolGroups, type HeartbeatContext } from './consumer-protocol.ts';
import {
  CONSUMER_OFFSETS_TOPIC,
  coordinatorStoreError,
  loadConsumerOffsets,
  offsetsPartitionFor,
  offsetsTopicSpec,
  type ConsumerOffsetsRecord,
  type InternalTopicCreator,
} from './offsets-topic.ts';

export { CONSUMER_OFFSETS_TOPIC, javaStringHash } from './offsets-topic.ts';
export type { CommittedOffset, GroupState, JoinRequest } from './classic-group.ts';

/** offset.metadata.max.bytes */
const MAX_OFFSET_METADATA_BYTES = 4096;

export interface GroupCoordinatorOptions {
  topics: TopicRegistry;
  config: BrokerConfigStore;
  log: Logger;
  errorLog: OncePerCauseLog;
  now: () => number;
  /** This broker as clients reach it (the coordinator a single broker names). */
  node: NodeEndpoint;
  replicaManager: ReplicaManager;
  /** Creates __consumer_offsets: the TopicManager on a single broker, the controller in a cluster. */
  internalTopics: InternalTopicCreator;
}

/** A __consumer_offsets partition this broker leads (Kafka's CoordinatorRuntime context: LOADING, ACTIVE). */
interface CoordinatedPartition {
  state: 'loading' | 'active';
  leaderEpoch: number;
}

export class GroupCoordinator implements LeadershipListener {
  /** Classic groups, including groups that only store offsets (standalone consumers, admin tools). */
  private readonly groups = new Map<string, ClassicGroup>();
  /** Groups of the consumer protocol (KIP-848); a group id is classic or consumer, never both. */
  readonly consumerGroups: ConsumerProtocolGroups;
  private readonly classic: ClassicGroupProtocol;
  /** Committed offsets by group id, then by "topic:partition", whatever protocol the group speaks. */
  private readonly offsets = new Map<string, Map<string, CommittedOffset>>();
  /**
   * Transactional offset commits waiting for their transaction's marker (Kafka's pendingTransactionalOffsets):
   * by producer id, then group id, then "topic:partition". A COMMIT marker moves them into `offsets`; an ABORT
   * drops them. OffsetFetch with require_stable answers UNSTABLE_OFFSET_COMMIT for these partitions meanwhile.
   */
  private readonly pendingTxnOffsets = new Map<bigint, Map<string, Map<string, CommittedOffset>>>();
  /** The partitions led here, by index; a partition not in this map is not coordinated here. */
  private readonly coordinated = new Map<number, CoordinatedPartition>();
  private creatingOffsetsTopic: Promise<void> | null = null;
  private expirationTimer: NodeJS.Timeout | null = null;
  private readonly topics: TopicRegistry;
  private readonly config: BrokerConfigStore;
  private readonly log: Logger;
  private readonly errorLog: OncePerCauseLog;
  private readonly now: () => number;
  private readonly replicaManager: ReplicaManager;

  constructor(private readonly options: GroupCoordinatorOptions) {
    ({
      topics: this.topics,
      config: this.config,
      log: this.log,
      errorLog: this.errorLog,
      now: this.now,
      replicaManager: this.replicaManager,
    } = options);
    const { topics, config, log, now } = options;
    this.consumerGroups = new ConsumerProtocolGroups({
      topics,
      config,
      log,
      now,
      persist: (groupId, records) => this.persist(groupId, records),
      classicGroupInTheWay: (groupId) => {
        const classic = this.groups.get(groupId);
        if (!classic) return false;
        if (classic.members.size > 0 || classic.state !== 'Empty') return true;
        // An empty classic group becomes a consumer group; its committed offsets stay.
        this.groups.delete(groupId);
        return false;
      },
    });
    this.classic = new ClassicGroupProtocol({
      config,
      log,
      now,
      groups: this.groups,
      group: (groupId, create) => this.group(groupId, create),
      consumerGroups: this.consumerGroups,
      persist: (groupId, records) => this.persist(groupId, records),
    });
    this.replicaManager.addLeadershipListener(this);
  }

  private offsetsOf(groupId: string): Map<string, CommittedOffset> {
    let offsets = this.offsets.get(groupId);
    if (!offsets) this.offsets.set(groupId, (offsets = new Map()));
    return offsets;
  }

  /**
   * Creates __consumer_offsets when missing (FindCoordinator does this in Kafka too); resolves false when it
   * cannot be created. A single broker then leads (and loads) every partition.
   */
  async ensureOffsetsTopic(): Promise<boolean> {
    if (this.topics.get(CONSUMER_OFFSETS_TOPIC)) return true;
    const { partitions, replicationFactor, configs } = offsetsTopicSpec(this.config);
    this.creatingOffsetsTopic ??= this.options.internalTopics
      .ensureInternalTopic(CONSUMER_OFFSETS_TOPIC, partitions, replicationFactor, configs)
      .then(() => this.start())
      .finally(() => {
        this.creatingOffsetsTopic = null;
      });
    try {
      await this.creatingOffsetsTopic;
    } catch (error) {
      this.log.error(`cannot create ${CONSUMER_OFFSETS_TOPIC}: ${String(error)}`);
      return false;
    }
    return this.topics.get(CONSUMER_OFFSETS_TOPIC) !== undefined;
  }

  partitionFor(groupId: string): number {
    const partitions =
      this.topics.get(CONSUMER_OFFSETS_TOPIC)?.partitions.length ??
      this.config.getNumber('offsets.topic.num.partitions');
    return offsetsPartitionFor(groupId, partitions);
  }

  /**
   * Whether requests for this group may be served here (Kafka's GroupCoordinatorService checks): NONE,
   * NOT_COORDINATOR when this broker does not lead its partition, COORDINATOR_LOAD_IN_PROGRESS while loading.
   * A single broker without __consumer_offsets yet serves every group (the first write creates the topic).
   */
  coordinatorError(groupId: string): number {
    if (groupId === '') return ErrorCode.NONE;
    if (!this.replicaManager.clustered && !this.topics.get(CONSUMER_OFFSETS_TOPIC)) return ErrorCode.NONE;
    const coordinated = this.coordinated.get(this.partitionFor(groupId));
    if (!coordinated) return ErrorCode.NOT_COORDINATOR;
    return coordinated.state === 'loading' ? ErrorCode.COORDINATOR_LOAD_IN_PROGRESS : ErrorCode.NONE;
  }

  /**
   * FindCoordinator: the leader of the group's __consumer_offsets partition, or COORDINATOR_NOT_AVAILABLE while
   * the topic cannot be created or the partition has no leader this broker knows of.
   */
  async findCoordinator(groupId: string): Promise<NodeEndpoint | number> {
    if (!(await this.ensureOffsetsTopic())) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    const { node } = this.options;
    if (!this.replicaManager.clustered) return node;
    const { leaderId } = this.replicaManager.currentLeader(
      CONSUMER_OFFSETS_TOPIC,
      this.partitionFor(groupId),
    );
    if (leaderId === NO_LEADER) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    if (leaderId === node.nodeId) return node;
    return this.replicaManager.broker(leaderId) ?? ErrorCode.COORDINATOR_NOT_AVAILABLE;
  }

  /** A single broker leads every partition of __consumer_offsets: it loads them all (a cluster waits to be elected). */
  async start(): Promise<void> {
    if (this.replicaManager.clustered) return;
    const topic = this.topics.get(CONSUMER_OFFSETS_TOPIC);
    if (!topic) return;
    for (const { partitionIndex, leaderEpoch } of topic.partitions)
      await this.onElection(partitionIndex, Math.max(leaderEpoch, 0));
  }

  onBecomeLeader(topicName: string, partition: number, leaderEpoch: number): void {
    if (topicName !== CONSUMER_OFFSETS_TOPIC) return;
    void this.onElection(partition, leaderEpoch);
  }

  onBecomeFollower(topicName: string, partition: number): void {
    if (topicName === CONSUMER_OFFSETS_TOPIC) this.onResignation(partition);
  }

  onRemoved(topicName: string, partition: number): void {
    if (topicName === CONSUMER_OFFSETS_TOPIC) this.onResignation(partition);
  }

  /**
   * This broker became the leader of a __consumer_offsets partition: its groups and offsets are rebuilt from
   * the log, up to the log end (Kafka's onElection / scheduleLoadOperation). A newer epoch of a partition already
   * loaded or loading only records the epoch.
   */
  async onElection(partition: number, leaderEpoch: number): Promise<void> {
    const current = this.coordinated.get(partition);
    if (current) {
      current.leaderEpoch = Math.max(current.leaderEpoch, leaderEpoch);
      return;
    }
    const coordinated: CoordinatedPartition = { state: 'loading', leaderEpoch };
    this.coordinated.set(partition, coordinated);
    const stillLoading = () => this.coordinated.get(partition) === coordinated;
    const started = this.now();
    try {
      const log = this.replicaManager.partition(CONSUMER_OFFSETS_TOPIC, partition)?.log;
      // An empty partition (a topic just created) has nothing to load: it is coordinated at once.
      const records =
        log && log.logEndOffset > log.logStartOffset
          ? await loadConsumerOffsets(
              log,
              (record, producerId) => this.apply(record, producerId),
              stillLoading,
              this.config.getNumber('offsets.load.buffer.size'),
              (producerId, commit) => this.completeTransaction(partition, producerId, commit),
            )
          : 0;
      if (!stillLoading()) return;
      const ours = (groupId: string) => this.partitionFor(groupId) === partition;
      // Offsets may precede their consumer group's records: the classic shells they made give way.
      for (const group of this.consumerGroups.all())
        if (ours(group.groupId)) this.groups.delete(group.groupId);
      this.resumeLoadedGroups(ours);
      this.consumerGroups.resumeLoaded(ours);
      coordinated.state = 'active';
      if (records > 0)
        this.log.info(
          `loaded ${CONSUMER_OFFSETS_TOPIC}-${partition} (leader epoch ${leaderEpoch}): ${records} records ` +
            `in ${this.now() - started} ms`,
        );
    } catch (error) {
      this.log.error(`loading ${CONSUMER_OFFSETS_TOPIC}-${partition} failed: ${String(error)}`);
      if (stillLoading()) this.onResignation(partition);
    }
  }

  /**
   * This broker no longer leads a __consumer_offsets partition: its groups are forgotten here (the new leader
   * loads them), pending joins and syncs answered NOT_COORDINATOR so their members find the new coordinator.
   */
  onResignation(partition: number): void {
    if (!this.coordinated.delete(partition)) return;
    const ours = (groupId: string) => this.partitionFor(groupId) === partition;
    let unloaded = 0;
    for (const group of [...this.groups.values()]) {
      if (!ours(group.groupId)) continue;
      if (group.joinTimer) clearTimeout(group.joinTimer);
      for (const expiry of group.pendingMemberIds.values()) clearTimeout(expiry);
      for (const member of group.members.values()) {
        if (member.sessionTimer) clearTimeout(member.sessionTimer);
        member.awaitingJoin?.(joinError(ErrorCode.NOT_COORDINATOR, member.memberId));
        member.awaitingSync?.(syncResponse(ErrorCode.NOT_COORDINATOR));
        member.awaitingJoin = null;
        member.awaitingSync = null;
      }
      this.groups.delete(group.groupId);
      unloaded++;
    }
    for (const groupId of [...this.offsets.keys()]) if (ours(groupId)) this.offsets.delete(groupId);
    for (const byGroup of this.pendingTxnOffsets.values())
      for (const groupId of [...byGroup.keys()]) if (ours(groupId)) byGroup.delete(groupId);
    this.consumerGroups.unload(ours);
    this.log.info(`resigned ${CONSUMER_OFFSETS_TOPIC}-${partition}: unloaded ${unloaded} classic group(s)`);
  }

  /** Applies one loaded record; `producerId` is set for records of a transactional batch (TxnOffsetCommit). */
  private apply(record: ConsumerOffsetsRecord, producerId: bigint | null = null): void {
    if (record.type === 'offset' && producerId !== null) {
      if (record.value === null) return;
      const { offset, leaderEpoch, metadata, commitTimestamp } = record.value;
      this.pendingOffsetsOf(producerId, record.group).set(`${record.topic}:${record.partition}`, {
        offset,
        leaderEpoch,
        metadata,
        commitTimestamp,
      });
      if (!this.consumerGroups.get(record.group)) this.group(record.group, true);
      return;
    }
    if (record.type === 'offset') {
      const key = `${record.topic}:${record.partition}`;
      if (record.value === null) {
        this.offsets.get(record.group)?.delete(key);
        return;
      }
      const { offset, leaderEpoch, metadata, commitTimestamp } = record.value;
      this.offsetsOf(record.group).set(key, { offset, leaderEpoch, metadata, commitTimestamp });
      if (!this.consumerGroups.get(record.group)) this.group(record.group, true);
      return;
    }
    if (record.type !== 'group') {
      this.consumerGroups.apply(record);
      return;
    }
    if (record.value === null) {
      this.groups.delete(record.group);
      return;
    }
    const group = this.group(record.group, true)!;
    const { value } = record;
    group.generationId = value.generation;
    group.protocolType = value.protocolType || null;
    group.protocolName = value.protocol;
    group.leaderId = value.leader;
    // Only the newest metadata record of a group counts: it replaces the members of any earlier one.
    group.members.clear();
    group.staticMembers.clear();
    for (const m of value.members) {
      group.members.set(m.memberId, {
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        sessionTimeoutMs: m.sessionTimeout,
        rebalanceTimeoutMs: m.rebalanceTimeout,
        protocolType: value.protocolType,
        protocols: value.protocol === null ? [] : [{ name: value.protocol, metadata: m.subscription }],
        assignment: m.assignment,
        awaitingJoin: null,
        awaitingSync: null,
        sessionTimer: null,
      });
      if (m.groupInstanceId !== null) group.staticMembers.set(m.groupInstanceId, m.memberId);
    }
    const stateTimestamp =
      value.currentStateTimestamp >= 0n ? Number(value.currentStateTimestamp) : this.now();
    group.transitionTo(group.members.size > 0 ? 'Stable' : 'Empty', stateTimestamp);
  }

  /**
   * After loading, a group that had members is Stable in its stored generation, as in Kafka: members that
   * reconnect and heartbeat within their session timeout carry on without a rebalance; the others expire.
   */
  private resumeLoadedGroups(loaded: (groupId: string) => boolean): void {
    for (const group of this.groups.values()) {
      if (!loaded(group.groupId)) continue;
      for (const member of group.members.values()) this.classic.touchSession(group, member);
    }
  }

  private group(groupId: string, create: boolean): ClassicGroup | undefined {
    let group = this.groups.get(groupId);
    if (!group && create) {
      group = new ClassicGroup(groupId, this.now());
      this.groups.set(groupId, group);
    }
    return group;
  }

  /**
   * Appends records to the group's __consumer_offsets partition and resolves once they are committed (the high
   * watermark passed them, as acks=all), with the error a coordinator answers when the write fails (Kafka's
   * mapping: lost leadership NOT_COORDINATOR; too few replicas or a timeout COORDINATOR_NOT_AVAILABLE). Resolves
   * NONE only while this broker still coordinates the partition in the term it appended in. Never rejects:
   * callers may fire and forget.
   */
  private async persist(
    groupId: string,
    records: { key: Buffer; value: Buffer | null }[],
    tooLarge: number = ErrorCode.UNKNOWN_SERVER_ERROR,
    transactional: { producerId: bigint; producerEpoch: number } | null = null,
  ): Promise<number> {
    let errorCode: number;
    try {
      if (!(await this.ensureOffsetsTopic())) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
      const index = this.partitionFor(groupId);
      const coordinated = this.coordinated.get(index);
      const partition = this.replicaManager.partition(CONSUMER_OFFSETS_TOPIC, index);
      if (!coordinated || !partition) return ErrorCode.NOT_COORDINATOR;
      const batch = await encodeRecordBatch({
        records: records.map((r) => ({ key: r.key, value: r.value, timestamp: BigInt(this.now()) })),
        // TxnOffsetCommit: the producer's transactional batch, decided by its marker (no sequence, as in Kafka).
        ...(transactional ? { ...transactional, isTransactional: true, baseSequence: -1 } : {}),
      });
      const stillCoordinating = () => partition.isLeader && this.coordinated.get(index) === coordinated;
      if (!stillCoordinating()) return ErrorCode.NOT_COORDINATOR;
      if (partition.notEnoughReplicas() !== null) {
        errorCode = ErrorCode.NOT_ENOUGH_REPLICAS;
      } else {
        errorCode = partition.appendAsLeader(batch, transactional ? 'coordinator' : 'client').errorCode;
        if (errorCode === ErrorCode.NONE) {
          const committed = await partition.waitForHighWatermark(
            partition.log.logEndOffset,
            this.config.getNumber('offsets.commit.timeout.ms'),
          );
          errorCode = committed.errorCode;
          if (errorCode === ErrorCode.NONE && !stillCoordinating())
            errorCode = ErrorCode.NOT_LEADER_OR_FOLLOWER;
        }
      }
    } catch (error) {
      this.errorLog.error(
        `${CONSUMER_OFFSETS_TOPIC}: ${causeOf(error)}`,
        `Storing records of group ${groupId} failed`,
        error,
      );
      errorCode = failureOf(error).errorCode;
    }
    return coordinatorStoreError(errorCode, tooLarge);
  }

  // ---- The classic protocol -------------------------------------------------------------------------------

  join(request: JoinRequest): Promise<JoinGroupResponse> {
    return this.classic.join(request);
  }

  sync(
    groupId: string,
    memberId: string,
    groupInstanceId: string | null,
    generationId: number,
    assignments: { memberId: string; assignment: Buffer }[],
  ): Promise<SyncGroupResponse> {
    return this.classic.sync(groupId, memberId, groupInstanceId, generationId, assignments);
  }

  heartbeat(groupId: string, memberId: string, groupInstanceId: string | null, generationId: number): number {
    return this.classic.heartbeat(groupId, memberId, groupInstanceId, generationId);
  }

  leave(groupId: string, members: { memberId: string; groupInstanceId: string | null }[]): Promise<number[]> {
    return this.classic.leave(groupId, members);
  }

  // ---- Offsets --------------------------------------------------------------------------------------------

  async commitOffsets(
    groupId: string,
    memberId: string,
    groupInstanceId: string | null,
    generationIdOrMemberEpoch: number,
    offsets: {
      topic: string;
      partition: number;
      offset: bigint;
      leaderEpoch: number;
      metadata: string | null;
    }[],
    apiVersion: number,
  ): Promise<number[]> {
    const fail = (code: number) => offsets.map(() => code);
    if (groupId === '') return fail(ErrorCode.INVALID_GROUP_ID);
    const refused = this.validateCommit(
      groupId,
      memberId,
      groupInstanceId,
      generationIdOrMemberEpoch,
      apiVersion,
    );
    if (refused !== ErrorCode.NONE) return fail(refused);
    const results = offsets.map(({ topic, partition, metadata }) => {
      if (!this.topics.get(topic)?.partitions[partition]) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      if (metadata !== null && Buffer.byteLength(metadata) > MAX_OFFSET_METADATA_BYTES)
        return ErrorCode.OFFSET_METADATA_TOO_LARGE;
      return ErrorCode.NONE;
    });
    const accepted = offsets.filter((_, i) => results[i] === ErrorCode.NONE);
    if (accepted.length === 0) return results;
    const commitTimestamp = BigInt(this.now());
    const stored = await this.persist(
      groupId,
      accepted.map((o) =>
        encodeOffsetCommitRecord(groupId, o.topic, o.partition, {
          offset: o.offset,
          leaderEpoch: o.leaderEpoch,
          metadata: o.metadata ?? '',
          commitTimestamp,
          expireTimestamp: -1n,
        }),
      ),
      ErrorCode.INVALID_COMMIT_OFFSET_SIZE,
    );
    if (stored !== ErrorCode.NONE) return results.map((r) => (r === ErrorCode.NONE ? stored : r));
    const committed = this.offsetsOf(groupId);
    for (const o of accepted) {
      committed.set(`${o.topic}:${o.partition}`, {
        offset: o.offset,
        leaderEpoch: o.leaderEpoch,
        metadata: o.metadata ?? '',
        commitTimestamp,
      });
    }
    return results;
  }

  private pendingOffsetsOf(producerId: bigint, groupId: string): Map<string, CommittedOffset> {
    let byGroup = this.pendingTxnOffsets.get(producerId);
    if (!byGroup) this.pendingTxnOffsets.set(producerId, (byGroup = new Map()));
    let offsets = byGroup.get(groupId);
    if (!offsets) byGroup.set(groupId, (offsets = new Map()));
    return offsets;
  }

  /**
   * TxnOffsetCommit: the offsets are written to the group's partition in a transactional batch of the producer
   * (so its COMMIT or ABORT marker decides them, on this broker and on any that loads the partition later) and
   * held as pending until then. Who may commit is checked as for OffsetCommit, except that a commit from outside
   * the group protocol is accepted whatever the group's state (Kafka's transactional validation).
   */
  async commitTransactionalOffsets(
    groupId: string,
    producer: { producerId: bigint; producerEpoch: number },
    member: { memberId: string; groupInstanceId: string | null; generationId: number },
    offsets: {
      topic: string;
      partition: number;
      offset: bigint;
      leaderEpoch: number;
      metadata: string | null;
    }[],
  ): Promise<number[]> {
    const fail = (code: number) => offsets.map(() => code);
    if (groupId === '') return fail(ErrorCode.INVALID_GROUP_ID);
    const notHere = this.coordinatorError(groupId);
    if (notHere !== ErrorCode.NONE) return fail(notHere);
    const fromOutside = member.generationId < 0 && member.memberId === '';
    if (!fromOutside) {
      const refused = this.validateCommit(
        groupId,
        member.memberId,
        member.groupInstanceId,
        member.generationId,
        // A consumer-protocol member's epoch is checked as OffsetCommit v9+ checks it, whatever the version.
        9,
      );
      if (refused !== ErrorCode.NONE) return fail(refused);
    } else if (!this.consumerGroups.get(groupId)) {
      this.group(groupId, true);
    }
    const results = offsets.map(({ topic, partition, metadata }) => {
      if (!this.topics.get(topic)?.partitions[partition]) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      if (metadata !== null && Buffer.byteLength(metadata) > MAX_OFFSET_METADATA_BYTES)
        return ErrorCode.OFFSET_METADATA_TOO_LARGE;
      return ErrorCode.NONE;
    });
    const accepted = offsets.filter((_, i) => results[i] === ErrorCode.NONE);
    if (accepted.length === 0) return results;
    const commitTimestamp = BigInt(this.now());
    const values = accepted.map((o) => ({
      offset: o.offset,
      leaderEpoch: o.leaderEpoch,
      metadata: o.metadata ?? '',
      commitTimestamp,
      expireTimestamp: -1n,
    }));
    const stored = await this.persist(
      groupId,
      accepted.map((o, i) => encodeOffsetCommitRecord(groupId, o.topic, o.partition, values[i]!)),
      ErrorCode.INVALID_COMMIT_OFFSET_SIZE,
      producer,
    );
    if (stored !== ErrorCode.NONE) return results.map((r) => (r === ErrorCode.NONE ? stored : r));
    const pending = this.pendingOffsetsOf(producer.producerId, groupId);
    accepted.forEach((o, i) => {
      const { offset, leaderEpoch, metadata } = values[i]!;
      pending.set(`${o.topic}:${o.partition}`, { offset, leaderEpoch, metadata, commitTimestamp });
    });
    return results;
  }

  /**
   * A transaction marker of `producerId` was committed on __consumer_offsets-`partition` (or replayed on load):
   * its pending offsets for the groups of that partition become committed (COMMIT) or are dropped (ABORT).
   */
  completeTransaction(partition: number, producerId: bigint, commit: boolean): void {
    const byGroup = this.pendingTxnOffsets.get(producerId);
    if (!byGroup) return;
    for (const [groupId, pending] of [...byGroup]) {
      if (this.partitionFor(groupId) !== partition) continue;
      if (commit) {
        const committed = this.offsetsOf(groupId);
        for (const [key, offset] of pending) committed.set(key, offset);
      }
      byGroup.delete(groupId);
    }
    if (byGroup.size === 0) this.pendingTxnOffsets.delete(producerId);
  }

  /** Whether a transaction holds an offset of this group's partition not yet committed (require_stable). */
  hasPendingTransactionalOffset(groupId: string, topic: string, partition: number): boolean {
    const key = `${topic}:${partition}`;
    for (const byGroup of this.pendingTxnOffsets.values()) if (byGroup.get(groupId)?.has(key)) return true;
    return false;
  }

  /**
   * Who may commit, as Kafka decides it. A commit from outside the group protocol (generation -1, no member id:
   * assign() consumers, admin tools) needs a group without members. A classic member needs its member id and
   * generation; a consumer-protocol member its member id and current epoch, with OffsetCommit v9+.
   */
  private validateCommit(
    groupId: string,
    memberId: string,
    groupInstanceId: string | null,
    generationIdOrMemberEpoch: number,
    apiVersion: number,
  ): number {
    const fromOutside = generationIdOrMemberEpoch < 0 && memberId === '';
    const consumerGroup = this.consumerGroups.get(groupId);
    if (consumerGroup) {
      if (fromOutside) return consumerGroup.members.size > 0 ? ErrorCode.UNKNOWN_MEMBER_ID : ErrorCode.NONE;
      const member = consumerGroup.members.get(memberId);
      if (!member) return ErrorCode.UNKNOWN_MEMBER_ID;
      if (apiVersion < 9) return ErrorCode.UNSUPPORTED_VERSION;
      return generationIdOrMemberEpoch === member.memberEpoch ? ErrorCode.NONE : ErrorCode.STALE_MEMBER_EPOCH;
    }
    const group = this.groups.get(groupId);
    if (fromOutside) {
      // Kafka answers anyone else committing to a group with members as an unknown member.
      if (group && group.state !== 'Empty') return ErrorCode.UNKNOWN_MEMBER_ID;
      this.group(groupId, true);
      return ErrorCode.NONE;
    }
    if (group && this.classic.isFenced(group, memberId, groupInstanceId)) return ErrorCode.FENCED_INSTANCE_ID;
    const member = group?.members.get(memberId);
    if (!group || !member) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationIdOrMemberEpoch !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    if (group.state === 'CompletingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
    this.classic.touchSession(group, member);
    return ErrorCode.NONE;
  }

  /**
   * OffsetFetch v9+ from a consumer-protocol member names it and its epoch (for requireStable fetches): both
   * must be current. Other fetches are not checked.
   */
  validateFetch(groupId: string, memberId: string | null, memberEpoch: number): number {
    if (memberId === null && memberEpoch < 0) return ErrorCode.NONE;
    const consumerGroup = this.consumerGroups.get(groupId);
    if (!consumerGroup) return ErrorCode.NONE;
    const member = memberId === null ? undefined : consumerGroup.members.get(memberId);
    if (!member) return ErrorCode.UNKNOWN_MEMBER_ID;
    return member.memberEpoch === memberEpoch ? ErrorCode.NONE : ErrorCode.STALE_MEMBER_EPOCH;
  }

  /** Committed offsets of a group: the requested partitions, or all of them when `wanted` is null. */
  fetchOffsets(
    groupId: string,
    wanted: { topic: string; partitions: number[] }[] | null,
  ): { topic: string; partition: number; committed: CommittedOffset | null }[] {
    const offsets = this.offsets.get(groupId);
    if (wanted === null) {
      return [...(offsets ?? new Map<string, CommittedOffset>())].map(([key, committed]) => ({
        ...splitOffsetKey(key),
        committed,
      }));
    }
    return wanted.flatMap(({ topic, partitions }) =>
      partitions.map((partition) => ({
        topic,
        partition,
        committed: offsets?.get(`${topic}:${partition}`) ?? null,
      })),
    );
  }

  /** DeleteGroups: only groups without members may go; their offsets and metadata get tombstones. */
  async deleteGroup(groupId: string): Promise<number> {
    const group = this.groups.get(groupId);
    const consumerGroup = this.consumerGroups.get(groupId);
    if (!group && !consumerGroup) return ErrorCode.GROUP_ID_NOT_FOUND;
    if ((group?.members.size ?? 0) > 0 || (consumerGroup?.members.size ?? 0) > 0)
      return ErrorCode.NON_EMPTY_GROUP;
    const tombstones = [...(this.offsets.get(groupId)?.keys() ?? [])].map((key) => {
      const { topic, partition } = splitOffsetKey(key);
      return encodeOffsetCommitRecord(groupId, topic, partition, null);
    });
    tombstones.push(
      ...(consumerGroup
        ? this.consumerGroups.deleteGroup(groupId)
        : [encodeGroupMetadataRecord(groupId, null)]),
    );
    const errorCode = await this.persist(groupId, tombstones);
    if (errorCode !== ErrorCode.NONE) return errorCode;
    group?.transitionTo('Dead', this.now());
    this.groups.delete(groupId);
    this.offsets.delete(groupId);
    this.log.info(`deleted group ${groupId}`);
    return ErrorCode.NONE;
  }

  /**
   * OffsetDelete: removes committed offsets, except for topics the group's members are subscribed to
   * (GROUP_SUBSCRIBED_TO_TOPIC), as Kafka does.
   */
  async deleteOffsets(
    groupId: string,
    partitions: { topic: string; partition: number }[],
  ): Promise<{ errorCode: number; results: number[] }> {
    const group = this.groups.get(groupId);
    const consumerGroup = this.consumerGroups.get(groupId);
    if (!group && !consumerGroup) return { errorCode: ErrorCode.GROUP_ID_NOT_FOUND, results: [] };
    const subscribed = consumerGroup ? consumerGroup.subscribedTopics() : this.subscribedTopics(group!);
    const offsets = this.offsetsOf(groupId);
    const results = partitions.map(({ topic }) =>
      subscribed.has(topic) ? ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC : ErrorCode.NONE,
    );
    const deleting = partitions.filter(
      (_, i) =>
        results[i] === ErrorCode.NONE && offsets.has(`${partitions[i]!.topic}:${partitions[i]!.partition}`),
    );
    if (deleting.length > 0) {
      const errorCode = await this.persist(
        groupId,
        deleting.map((p) => encodeOffsetCommitRecord(groupId, p.topic, p.partition, null)),
      );
      if (errorCode !== ErrorCode.NONE) return { errorCode, results: [] };
      for (const p of deleting) offsets.delete(`${p.topic}:${p.partition}`);
    }
    return { errorCode: ErrorCode.NONE, results };
  }

  /** Topics the members of a "consumer" group subscribe to, from their ConsumerProtocolSubscription metadata. */
  private subscribedTopics(group: ClassicGroup): Set<string> {
    const topics = new Set<string>();
    if (group.protocolType !== 'consumer') return topics;
    for (const member of group.members.values()) {
      const metadata = member.protocols.find((p) => p.name === group.protocolName)?.metadata;
      if (!metadata || metadata.length < 2) continue;
      try {
        const reader = new Reader(metadata);
        const version = reader.int16();
        for (const topic of decodeConsumerProtocolSubscription(
          reader,
          Math.min(version, consumerProtocolSubscriptionVersions.max),
        ).topics) {
          topics.add(topic);
        }
      } catch (error) {
        if (!(error instanceof ProtocolError)) throw error;
      }
    }
    return topics;
  }

  describe(groupId: string) {
    const group = this.groups.get(groupId);
    if (!group) return null;
    return {
      groupId,
      state: group.state,
      protocolType: group.protocolType ?? '',
      protocolName: group.protocolName ?? '',
      members: [...group.members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        metadata: m.protocols.find((p) => p.name === group.protocolName)?.metadata ?? Buffer.alloc(0),
        assignment: m.assignment,
      })),
    };
  }

  /** Whether a partition led here is still loading (ListGroups then answers COORDINATOR_LOAD_IN_PROGRESS). */
  isLoading(): boolean {
    return [...this.coordinated.values()].some((p) => p.state === 'loading');
  }

  /** The groups of the partitions loaded here. */
  list(): { groupId: string; protocolType: string; state: string; groupType: 'classic' | 'consumer' }[] {
    const loaded = (g: { groupId: string }) => this.coordinatorError(g.groupId) === ErrorCode.NONE;
    return [
      ...[...this.groups.values()].filter(loaded).map((g) => ({
        groupId: g.groupId,
        protocolType: g.protocolType ?? '',
        state: g.state as string,
        groupType: 'classic' as const,
      })),
      ...[...this.consumerGroups.all()].filter(loaded).map((g) => ({
        groupId: g.groupId,
        protocolType: 'consumer',
        state: g.state as string,
        groupType: 'consumer' as const,
      })),
    ];
  }

  /** Whether a group of this id exists and speaks the classic protocol. */
  isClassic(groupId: string): boolean {
    return this.groups.has(groupId);
  }

  /** Checks for expired offsets every offsets.retention.check.interval.ms until close(). */
  startOffsetExpiration(): void {
    this.expirationTimer = setInterval(() => {
      void this.expireOffsets().catch((error: unknown) =>
        this.log.error(`offset expiration failed: ${String(error)}`),
      );
    }, this.config.getNumber('offsets.retention.check.interval.ms'));
    this.expirationTimer.unref();
  }

  /**
   * Removes committed offsets older than offsets.retention.minutes, with Kafka's rules (KIP-211): in an Empty
   * group, offsets expire counting from when the group became empty; in a Stable consumer group, only offsets
   * of topics no member subscribes to expire, counting from their commit; a group without a protocol
   * (standalone consumers that only store offsets) expires each offset counting from its commit. Other groups
   * keep theirs. An Empty group left without offsets is removed (Dead).
   */
  async expireOffsets(): Promise<void> {
    const retentionMs = this.config.getNumber('offsets.retention.minutes') * 60_000;
    const now = this.now();
    for (const groupId of [...new Set([...this.groups.keys(), ...this.offsets.keys()])]) {
      if (this.coordinatorError(groupId) !== ErrorCode.NONE) continue;
      const policy = this.expiryPolicy(groupId);
      if (policy === null) continue;
      const { since, keepTopics, isEmpty } = policy;
      const offsets = this.offsets.get(groupId) ?? new Map<string, CommittedOffset>();
      const isExpired = (committed: CommittedOffset) => since(committed) + retentionMs <= now;
      const expired = [...offsets]
        .filter(([key, committed]) => !keepTopics.has(splitOffsetKey(key).topic) && isExpired(committed))
        .map(([key]) => key);
      const removeGroup = isEmpty() && offsets.size === expired.length;
      if (expired.length === 0 && !removeGroup) continue;
      const tombstones = expired.map((key) => {
        const { topic, partition } = splitOffsetKey(key);
        return encodeOffsetCommitRecord(groupId, topic, partition, null);
      });
      if (removeGroup)
        tombstones.push(
          ...(this.consumerGroups.get(groupId)
            ? this.consumerGroups.deleteGroup(groupId)
            : [encodeGroupMetadataRecord(groupId, null)]),
        );
      const errorCode = await this.persist(groupId, tombstones);
      if (errorCode !== ErrorCode.NONE) {
        this.log.warn(`group ${groupId}: cannot write expired offsets' tombstones (error ${errorCode})`);
        continue;
      }
      // The group may have changed while the tombstones were written: only forget what is still expired.
      for (const key of expired) {
        const committed = offsets.get(key);
        if (committed && isExpired(committed)) offsets.delete(key);
      }
      if (expired.length > 0)
        this.log.info(`group ${groupId}: expired ${expired.length} committed offset(s)`);
      if (removeGroup && isEmpty() && offsets.size === 0) {
        this.groups.get(groupId)?.transitionTo('Dead', now);
        this.groups.delete(groupId);
        this.offsets.delete(groupId);
      }
    }
  }

  /**
   * When a group's offsets start to age (null: they do not), which topics' offsets never expire while the
   * group is as it is, and whether the group may be removed once its offsets are gone.
   */
  private expiryPolicy(groupId: string): {
    since: (committed: CommittedOffset) => number;
    keepTopics: Set<string>;
    isEmpty: () => boolean;
  } | null {
    const fromCommit = (committed: CommittedOffset) => Number(committed.commitTimestamp);
    const consumerGroup = this.consumerGroups.get(groupId);
    if (consumerGroup) {
      return {
        since: fromCommit,
        keepTopics: consumerGroup.subscribedTopics(),
        isEmpty: () => consumerGroup.members.size === 0,
      };
    }
    const group = this.groups.get(groupId);
    if (!group) return { since: fromCommit, keepTopics: new Set(), isEmpty: () => true };
    // A member id handed out (MEMBER_ID_REQUIRED) and not yet used is a member on its way in: the group stays.
    const isEmpty = () =>
      group.state === 'Empty' && group.members.size === 0 && group.pendingMemberIds.size === 0;
    if (group.state === 'Empty' && group.protocolType !== null)
      return { since: () => group.stateTimestamp, keepTopics: new Set(), isEmpty };
    if (group.state === 'Empty') return { since: fromCommit, keepTopics: new Set(), isEmpty };
    if (group.state === 'Stable' && group.protocolType === 'consumer')
      return { since: fromCommit, keepTopics: this.subscribedTopics(group), isEmpty };
    return null;
  }

  /** ConsumerGroupHeartbeat (KIP-848). */
  consumerGroupHeartbeat(
    request: Parameters<ConsumerProtocolGroups['heartbeat']>[0],
    context: HeartbeatContext,
  ) {
    return this.consumerGroups.heartbeat(request, context);
  }

  close(): void {
    this.consumerGroups.close();
    if (this.expirationTimer) clearInterval(this.expirationTimer);
    for (const group of this.groups.values()) {
      for (const expiry of group.pendingMemberIds.values()) clearTimeout(expiry);
      if (group.joinTimer) clearTimeout(group.joinTimer);
      for (const member of group.members.values()) if (member.sessionTimer) clearTimeout(member.sessionTimer);
    }
  }
}
