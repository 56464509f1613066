/**
 * A group consumer as Kafka's KafkaConsumer with enable.auto.commit=false, on the classic protocol (protocol type
 * "consumer", the range assignor, eager rebalancing), as Connect's sink tasks use it.
 *
 * Invariants:
 * - A partition's position is the offset of the next record `poll` returns. It starts at the group's committed
 *   offset, else where autoOffsetReset says (ListOffsets earliest/latest; 'none' fails the poll).
 * - Fetching (one Fetch per leader, dropping what a seek or rebalance made stale, read_committed) is the
 *   Fetcher's (fetcher.ts).
 * - Rebalances run in the background (GroupMember): onPartitionsRevoked runs before each rejoin with everything
 *   assigned (eager), onPartitionsAssigned after each join. An error thrown by a listener is rethrown by the next
 *   `poll`. `commitSync` during a rebalance, or with a generation the coordinator no longer knows, fails with
 *   CommitFailedError and commits nothing.
 * - A topic set matched by a RegExp subscription, or a partition count of a subscribed topic (the leader: of any
 *   topic of the group), that differs from what the last join saw makes the member rejoin. Metadata is refreshed
 *   every metadataMaxAgeMs, and at once after a fetch error that says it is stale.
 */
import { ErrorCode, ZERO_UUID, type MetadataResponseTopic, type RecordHeader } from '@sluice/protocol';
import { IsolationLevel, KafkaError, type ClusterClient } from './cluster-client.ts';
import {
  CONSUMER_PROTOCOL_TYPE,
  RANGE_ASSIGNOR,
  decodeAssignment,
  decodeSubscription,
  encodeAssignment,
  encodeSubscription,
  parsePartitionKey,
  partitionKey,
  rangeAssign,
  type TopicPartition,
} from './consumer-protocol.ts';
import { commitGroupOffsets, fetchGroupOffsets, type GroupOffsetsOptions } from './consumer-offsets.ts';
import { Fetcher, type PartitionState } from './fetcher.ts';
import { GroupMember, type GroupGeneration, type JoinedMember } from './group-member.ts';

export interface ConsumerOptions {
  groupId: string;
  /** Where to start a partition the group has no committed offset for (Kafka's default: latest). */
  autoOffsetReset?: 'earliest' | 'latest' | 'none';
  isolationLevel?: IsolationLevel;
  sessionTimeoutMs?: number;
  /** The rebalance timeout sent in JoinGroup (Kafka's max.poll.interval.ms, 300 s). */
  rebalanceTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  groupInstanceId?: string | null;
  maxPollRecords?: number;
  fetchMaxWaitMs?: number;
  fetchMinBytes?: number;
  fetchMaxBytes?: number;
  maxPartitionFetchBytes?: number;
  clientRack?: string;
  metadataMaxAgeMs?: number;
  retryBackoffMs?: number;
  /** How long commitSync and committed retry a coordinator that is moving or loading (default.api.timeout.ms). */
  defaultApiTimeoutMs?: number;
  /** Errors met in the background (rebalances, listeners); fatal ones also fail the next poll. */
  onError?: (error: Error, fatal: boolean) => void;
}

export interface ConsumerRecord {
  topic: string;
  partition: number;
  offset: bigint;
  timestamp: bigint;
  /** 0 create time, 1 log-append time. */
  timestampType: 0 | 1;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
}

export interface ConsumerRebalanceListener {
  onPartitionsRevoked(partitions: TopicPartition[]): Promise<void> | void;
  onPartitionsAssigned(partitions: TopicPartition[]): Promise<void> | void;
}

/** Offsets to commit: "topic\u0000partition" -> offset, or a list. */
export type OffsetsToCommit = Map<string, bigint> | readonly (TopicPartition & { offset: bigint })[];

/** Kafka's WakeupException: a poll interrupted by `wakeup()`. */
export class WakeupError extends Error {
  override readonly name = 'WakeupError';
}

/** Kafka's NoOffsetForPartitionException / OffsetOutOfRangeException under autoOffsetReset 'none'. */
export class OffsetResetRequiredError extends KafkaError {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Consumer {
  private readonly groupId: string;
  private readonly autoOffsetReset: 'earliest' | 'latest' | 'none';
  private readonly isolationLevel: IsolationLevel;
  private readonly maxPollRecords: number;
  private readonly fetchMaxWaitMs: number;
  private readonly clientRack: string | null;
  private readonly metadataMaxAgeMs: number;
  private readonly retryBackoffMs: number;
  private readonly defaultApiTimeoutMs: number;
  private readonly groupInstanceId: string | null;
  private readonly onError: (error: Error, fatal: boolean) => void;

  private readonly member: GroupMember;
  private started = false;
  private closed = false;
  private subscription: { topics: Set<string>; pattern: RegExp | null } | null = null;
  private listener: ConsumerRebalanceListener | null = null;
  /** The assignment of the current generation, in assignment order. */
  private partitions = new Map<string, PartitionState>();
  private readonly metadata = new Map<string, MetadataResponseTopic>();
  private readonly topicNamesById = new Map<string, string>();
  private metadataFetchedAt = 0;
  private metadataStale = true;
  /** Partition counts the last join was based on: our topics, and as leader every topic of the group. */
  private joinedCounts = new Map<string, number | undefined>();
  private pendingError: Error | null = null;
  private readonly fetcher: Fetcher;
  private wakeupPending = false;
  private readonly wakeWaiters = new Set<() => void>();
  /** Rotates which partition `poll` drains first, so no partition starves another. */
  private drainStart = 0;

  constructor(
    private readonly client: ClusterClient,
    options: ConsumerOptions,
  ) {
    this.groupId = options.groupId;
    this.autoOffsetReset = options.autoOffsetReset ?? 'latest';
    this.isolationLevel = options.isolationLevel ?? IsolationLevel.READ_UNCOMMITTED;
    this.maxPollRecords = options.maxPollRecords ?? 500;
    this.fetchMaxWaitMs = options.fetchMaxWaitMs ?? 500;
    this.clientRack = options.clientRack ?? null;
    this.metadataMaxAgeMs = options.metadataMaxAgeMs ?? 300_000;
    this.retryBackoffMs = options.retryBackoffMs ?? 100;
    this.defaultApiTimeoutMs = options.defaultApiTimeoutMs ?? 60_000;
    this.groupInstanceId = options.groupInstanceId ?? null;
    this.onError = options.onError ?? (() => undefined);
    this.fetcher = new Fetcher(
      client,
      {
        isolationLevel: this.isolationLevel,
        fetchMinBytes: options.fetchMinBytes ?? 1,
        fetchMaxBytes: options.fetchMaxBytes ?? 52_428_800,
        maxPartitionFetchBytes: options.maxPartitionFetchBytes ?? 1_048_576,
        clientRack: this.clientRack,
        retryBackoffMs: this.retryBackoffMs,
        onError: this.onError,
      },
      {
        current: (topic, partition) => this.partitions.get(partitionKey(topic, partition)),
        topic: (name) => this.metadata.get(name),
        topicName: (topicId) => this.topicNamesById.get(topicId),
        leaderOf: (tp) => this.leaderOf(tp),
      },
    );
    this.member = new GroupMember(
      client,
      {
        groupId: options.groupId,
        sessionTimeoutMs: options.sessionTimeoutMs ?? 45_000,
        rebalanceTimeoutMs: options.rebalanceTimeoutMs ?? 300_000,
        heartbeatIntervalMs: options.heartbeatIntervalMs ?? 3_000,
        groupInstanceId: this.groupInstanceId,
        retryBackoffMs: this.retryBackoffMs,
        onError: (error, fatal) => {
          if (fatal) this.pendingError ??= error;
          this.onError(error, fatal);
        },
      },
      {
        protocolType: CONSUMER_PROTOCOL_TYPE,
        protocols: () => this.protocols(),
        assign: (protocol, members) => this.assign(protocol, members),
        onJoinPrepare: () => this.onJoinPrepare(),
        onJoinComplete: (generation, assignment) => this.onJoinComplete(generation, assignment),
      },
    );
  }

  /** Subscribes to topics by name or by pattern; the group rebalances when this changes the topic set. */
  subscribe(topics: readonly string[] | RegExp, listener?: ConsumerRebalanceListener): void {
    this.ensureOpen();
    const previous = this.subscription ? [...this.subscription.topics].sort().join(',') : null;
    this.subscription =
      topics instanceof RegExp
        ? { topics: new Set<string>(), pattern: new RegExp(topics.source, topics.flags.replace(/[gy]/g, '')) }
        : { topics: new Set(topics), pattern: null };
    if (this.subscription.pattern)
      this.subscription.topics = new Set(this.matching(this.subscription.pattern));
    this.listener = listener ?? null;
    this.metadataStale = true;
    if (this.started && previous !== [...this.subscription.topics].sort().join(','))
      this.member.requestRejoin('the subscription changed');
  }

  /**
   * Waits up to `timeoutMs` for records. The first call joins the group, and a poll during a rebalance waits for
   * it to complete (up to the rebalance timeout) before its own timeout starts to count, which is what Connect's
   * sink tasks were written against. KafkaConsumer.poll's timeout bounds the join too.
   */
  async poll(timeoutMs: number): Promise<ConsumerRecord[]> {
    this.ensureOpen();
    if (!this.subscription) throw new Error('poll without a subscription');
    const deadline = Date.now() + timeoutMs;
    await this.maybeRefreshMetadata();
    if (!this.started) {
      this.started = true;
      await this.member.start();
    }
    for (;;) {
      this.throwPendingError();
      this.throwIfWokenUp();
      await this.member.ensureActive();
      this.throwPendingError();
      const records = this.drainBuffered();
      if (records.length > 0) return records;
      await this.updatePositions();
      const remaining = deadline - Date.now();
      const fetchable = [...this.partitions.values()].filter((s) => !s.paused && s.position !== null);
      if (fetchable.length === 0) {
        if (remaining <= 0) return [];
        await this.wakeableSleep(Math.min(remaining, this.retryBackoffMs));
      } else {
        await this.fetch(fetchable, Math.max(0, Math.min(this.fetchMaxWaitMs, remaining)));
        this.throwPendingError();
        const fetched = this.drainBuffered();
        if (fetched.length > 0) return fetched;
      }
      if (Date.now() >= deadline) return [];
      await this.maybeRefreshMetadata();
    }
  }

  /**
   * Commits offsets (by default every assigned partition's position) with the member's generation. Fails with
   * CommitFailedError when the group is rebalancing or has moved to a newer generation.
   */
  async commitSync(offsets?: OffsetsToCommit): Promise<void> {
    this.ensureOpen();
    const entries: (TopicPartition & { offset: bigint })[] = [];
    if (offsets === undefined) {
      for (const s of this.partitions.values())
        if (s.position !== null) entries.push({ ...s.tp, offset: s.position });
    } else if (offsets instanceof Map) {
      for (const [key, offset] of offsets) entries.push({ ...parsePartitionKey(key), offset });
    } else entries.push(...offsets);
    if (entries.length === 0) return;
    await commitGroupOffsets(this.client, this.member, this.offsetsOptions(), entries);
  }

  /**
   * Makes the poll under way, or else the next one, throw WakeupError (KafkaConsumer.wakeup): how a task
   * blocked in poll is stopped. Records already fetched stay for the next poll.
   */
  wakeup(): void {
    this.wakeupPending = true;
    for (const wake of this.wakeWaiters) wake();
  }

  /** Moves a partition's position; the next poll returns records from `offset`. */
  seek(tp: TopicPartition, offset: bigint): void {
    const state = this.assignedState(tp);
    state.position = offset;
    state.buffer = [];
    state.nextFetchOffset = null;
  }

  /** The offset of the next record `poll` returns for an assigned partition (found now if not yet known). */
  async position(tp: TopicPartition): Promise<bigint> {
    const state = this.assignedState(tp);
    if (state.position === null) await this.updatePositions();
    if (state.position === null)
      throw new KafkaError(ErrorCode.LEADER_NOT_AVAILABLE, `no position for ${tp.topic}-${tp.partition} yet`);
    return state.position;
  }

  pause(tps: readonly TopicPartition[]): void {
    for (const tp of tps) this.assignedState(tp).paused = true;
  }

  resume(tps: readonly TopicPartition[]): void {
    for (const tp of tps) this.assignedState(tp).paused = false;
  }

  paused(): TopicPartition[] {
    return [...this.partitions.values()].filter((s) => s.paused).map((s) => ({ ...s.tp }));
  }

  assignment(): TopicPartition[] {
    return [...this.partitions.values()].map((s) => ({ ...s.tp }));
  }

  /** The group's committed offsets for these partitions, "topic\u0000partition" -> offset; absent: none. */
  async committed(tps: readonly TopicPartition[]): Promise<Map<string, bigint>> {
    this.ensureOpen();
    return this.fetchCommitted(tps);
  }

  /** Revokes the assignment (onPartitionsRevoked), leaves the group and stops. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.started) {
      await this.revokeAll();
      await this.member.stop();
    }
    this.fetcher.close();
  }

  get generationId(): number {
    return this.member.generationId;
  }

  get memberId(): string {
    return this.member.memberId;
  }

  // ---- Group protocol (GroupProtocolHandler) ---------------------------------------------------------------

  private protocols(): { name: string; metadata: Buffer }[] {
    const topics = [...(this.subscription?.topics ?? [])];
    this.joinedCounts = new Map(topics.map((t) => [t, this.metadata.get(t)?.partitions.length]));
    return [
      {
        name: RANGE_ASSIGNOR,
        metadata: encodeSubscription({ topics, rackId: this.clientRack }),
      },
    ];
  }

  private async assign(protocol: string, members: JoinedMember[]): Promise<Map<string, Buffer>> {
    if (protocol !== RANGE_ASSIGNOR)
      throw new KafkaError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, `unknown assignor ${protocol}`);
    const subscriptions = members.map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      topics: decodeSubscription(m.metadata).topics,
    }));
    const topics = [...new Set(subscriptions.flatMap((s) => s.topics))];
    const response = await this.client.metadata(topics);
    const counts = new Map<string, number>();
    for (const topic of response.topics)
      if (topic.errorCode === ErrorCode.NONE && topic.name) {
        counts.set(topic.name, topic.partitions.length);
        this.rememberTopic(topic);
      }
    for (const topic of topics) this.joinedCounts.set(topic, counts.get(topic));
    const assignment = rangeAssign(counts, subscriptions);
    return new Map([...assignment].map(([memberId, tps]) => [memberId, encodeAssignment(tps)]));
  }

  private async onJoinPrepare(): Promise<void> {
    await this.revokeAll();
  }

  private async onJoinComplete(_generation: GroupGeneration, assignment: Buffer): Promise<void> {
    const tps = decodeAssignment(assignment);
    this.partitions = new Map(
      tps.map((tp) => [
        partitionKey(tp.topic, tp.partition),
        { tp, position: null, paused: false, buffer: [], nextFetchOffset: null },
      ]),
    );
    try {
      await this.listener?.onPartitionsAssigned(tps.map((tp) => ({ ...tp })));
    } catch (error) {
      this.pendingError ??= error as Error;
      this.onError(error as Error, false);
    }
  }

  /** The listener runs while the partitions are still assigned, so it can commit their positions. */
  private async revokeAll(): Promise<void> {
    const revoked = this.assignment();
    if (revoked.length > 0)
      try {
        await this.listener?.onPartitionsRevoked(revoked);
      } catch (error) {
        this.pendingError ??= error as Error;
        this.onError(error as Error, false);
      }
    this.partitions = new Map();
  }

  // ---- Metadata ----------------------------------------------------------------------------------------------

  private async maybeRefreshMetadata(): Promise<void> {
    if (!this.metadataStale && Date.now() - this.metadataFetchedAt < this.metadataMaxAgeMs) return;
    const subscription = this.subscription;
    if (!subscription) return;
    try {
      const wanted = new Set([...subscription.topics, ...this.joinedCounts.keys()]);
      const response = await this.client.metadata(subscription.pattern ? null : [...wanted]);
      for (const topic of response.topics)
        if (topic.name && topic.errorCode === ErrorCode.NONE) this.rememberTopic(topic);
        else if (topic.name) this.metadata.delete(topic.name);
      if (subscription.pattern) {
        const listed = new Set(response.topics.map((t) => t.name));
        for (const name of this.metadata.keys()) if (!listed.has(name)) this.metadata.delete(name);
      }
      this.metadataFetchedAt = Date.now();
      this.metadataStale = false;
    } catch (error) {
      this.onError(error as Error, false);
      return;
    }
    if (subscription.pattern) {
      const matched = this.matching(subscription.pattern);
      const changed =
        matched.length !== subscription.topics.size || matched.some((t) => !subscription.topics.has(t));
      if (changed) {
        subscription.topics = new Set(matched);
        if (this.started) this.member.requestRejoin('the topics matching the subscription changed');
        return;
      }
    }
    if (!this.started) return;
    for (const [topic, count] of this.joinedCounts)
      if (this.metadata.get(topic)?.partitions.length !== count) {
        this.member.requestRejoin(`the partitions of topic ${topic} changed`);
        return;
      }
  }

  private rememberTopic(topic: MetadataResponseTopic): void {
    this.metadata.set(topic.name!, topic);
    if (topic.topicId !== ZERO_UUID) this.topicNamesById.set(topic.topicId, topic.name!);
  }

  /** The known topics a pattern matches; internal topics (__consumer_offsets...) never do, as in Kafka. */
  private matching(pattern: RegExp): string[] {
    return [...this.metadata.values()]
      .filter((t) => !t.isInternal && t.name !== null && pattern.test(t.name))
      .map((t) => t.name!)
      .sort();
  }

  private leaderOf(tp: TopicPartition): number | undefined {
    const leader = this.metadata
      .get(tp.topic)
      ?.partitions.find((p) => p.partitionIndex === tp.partition)?.leaderId;
    return leader === undefined || leader < 0 ? undefined : leader;
  }

  // ---- Positions ---------------------------------------------------------------------------------------------

  /** Positions for assigned partitions without one: the committed offset, else the reset policy. */
  private async updatePositions(): Promise<void> {
    const missing = [...this.partitions.values()].filter((s) => s.position === null);
    if (missing.length === 0) return;
    const partitions = this.partitions;
    let committed: Map<string, bigint>;
    try {
      committed = await this.fetchCommitted(missing.map((s) => s.tp));
    } catch (error) {
      this.onError(error as Error, false);
      await sleep(this.retryBackoffMs);
      return;
    }
    if (partitions !== this.partitions) return;
    const toReset: PartitionState[] = [];
    for (const state of missing) {
      if (state.position !== null) continue;
      const offset = committed.get(partitionKey(state.tp.topic, state.tp.partition));
      if (offset !== undefined) state.position = offset;
      else toReset.push(state);
    }
    await this.resetPositions(toReset, 'has no committed offset');
  }

  private async resetPositions(states: PartitionState[], why: string): Promise<void> {
    if (states.length === 0) return;
    if (this.autoOffsetReset === 'none') {
      const tp = states[0]!.tp;
      this.pendingError ??= new OffsetResetRequiredError(
        ErrorCode.OFFSET_OUT_OF_RANGE,
        `${tp.topic}-${tp.partition} ${why} and autoOffsetReset is none`,
      );
      return;
    }
    const partitions = this.partitions;
    const timestamp = this.autoOffsetReset === 'earliest' ? -2n : -1n;
    const known = states.filter((s) => this.metadata.has(s.tp.topic) && this.leaderOf(s.tp) !== undefined);
    if (known.length < states.length) this.metadataStale = true;
    if (known.length === 0) return;
    let offsets: Map<string, bigint>;
    try {
      offsets = await this.client.listOffsets(
        known.map((s) => ({ topic: this.metadata.get(s.tp.topic)!, partition: s.tp.partition })),
        timestamp,
        this.isolationLevel,
      );
    } catch (error) {
      this.metadataStale = true;
      this.onError(error as Error, false);
      await sleep(this.retryBackoffMs);
      return;
    }
    if (partitions !== this.partitions) return;
    for (const state of known) {
      const offset = offsets.get(partitionKey(state.tp.topic, state.tp.partition));
      if (offset !== undefined && offset >= 0n && state.position === null) state.position = offset;
    }
  }

  private fetchCommitted(tps: readonly TopicPartition[]): Promise<Map<string, bigint>> {
    return fetchGroupOffsets(this.client, tps, this.offsetsOptions());
  }

  private offsetsOptions(): GroupOffsetsOptions {
    return {
      groupId: this.groupId,
      groupInstanceId: this.groupInstanceId,
      retryBackoffMs: this.retryBackoffMs,
      timeoutMs: this.defaultApiTimeoutMs,
    };
  }

  private async fetch(states: PartitionState[], maxWaitMs: number): Promise<void> {
    const result = await this.fetcher.fetch(states, maxWaitMs);
    if (result.staleMetadata) this.metadataStale = true;
    if (result.error) this.pendingError ??= result.error;
    if (result.outOfRange.length === 0) return;
    if (this.autoOffsetReset === 'none') {
      const tp = result.outOfRange[0]!.tp;
      this.pendingError ??= new OffsetResetRequiredError(
        ErrorCode.OFFSET_OUT_OF_RANGE,
        `fetch position of ${tp.topic}-${tp.partition} is out of range and autoOffsetReset is none`,
      );
    } else await this.resetPositions(result.outOfRange, 'is out of range');
  }

  /** Up to maxPollRecords buffered records of unpaused partitions; positions move past what is returned. */
  private drainBuffered(): ConsumerRecord[] {
    const states = [...this.partitions.values()];
    const out: ConsumerRecord[] = [];
    if (states.length === 0) return out;
    this.drainStart = (this.drainStart + 1) % states.length;
    for (let i = 0; i < states.length && out.length < this.maxPollRecords; i++) {
      const state = states[(this.drainStart + i) % states.length]!;
      if (state.paused || state.buffer.length === 0) continue;
      const taken = state.buffer.splice(0, this.maxPollRecords - out.length);
      out.push(...taken);
      if (state.buffer.length === 0) {
        state.position = state.nextFetchOffset;
        state.nextFetchOffset = null;
      } else state.position = taken.at(-1)!.offset + 1n;
    }
    return out;
  }

  // ---- Helpers -----------------------------------------------------------------------------------------------

  private wakeableSleep(ms: number): Promise<boolean> {
    return this.wakeableWait(new Promise<never>(() => undefined), ms, true);
  }

  /** `promise`, or `otherwise` once `ms` pass or wakeup() is called. */
  private async wakeableWait<T>(promise: Promise<T>, ms: number, otherwise: T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    let wake: (() => void) | undefined;
    const timeout = new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(otherwise), Math.max(0, ms));
      wake = () => resolve(otherwise);
      if (this.wakeupPending) wake();
      else this.wakeWaiters.add(wake);
    });
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
      this.wakeWaiters.delete(wake!);
    }
  }

  private throwIfWokenUp(): void {
    if (!this.wakeupPending) return;
    this.wakeupPending = false;
    throw new WakeupError('poll interrupted by wakeup()');
  }

  private assignedState(tp: TopicPartition): PartitionState {
    const state = this.partitions.get(partitionKey(tp.topic, tp.partition));
    if (!state) throw new Error(`${tp.topic}-${tp.partition} is not assigned to this consumer`);
    return state;
  }

  private throwPendingError(): void {
    const error = this.pendingError;
    if (!error) return;
    this.pendingError = null;
    throw error;
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error('the consumer is closed');
  }
}
