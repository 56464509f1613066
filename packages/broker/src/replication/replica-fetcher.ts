/**
 * Followers pull from leaders (Kafka's ReplicaFetcherThread over AbstractFetcherThread): one fetcher per
 * (source broker, fetcher id), num.replica.fetchers per source broker, each a loop over one connection that
 * sends a Fetch for all its partitions (as a replica: replica_id / replica_state) and appends what comes back.
 *
 * Invariants:
 * - a partition's fetch offset is always its log end offset; records are appended with appendAsFollower as the
 *   leader assigned them, and the follower's high watermark becomes min(leader's, own log end offset);
 * - before appending in a new leader epoch the follower finds where its log diverges from the leader's and
 *   truncates there (KIP-101/KIP-279): through Fetch's diverging_epoch when the leader speaks Fetch v12+ and the
 *   log has a latest epoch (last_fetched_epoch), else through OffsetForLeaderEpoch first ("truncating" state);
 * - a partition whose fetch fails is held back replica.fetch.backoff.ms, the others carry on; a connection
 *   failure backs off the whole fetcher; a response for a partition removed or re-added meanwhile is ignored;
 * - a partition this follower is not in the ISR of is left out of the fetch while the follower replication
 *   quota is exceeded and the topic throttles it here (Kafka's shouldFollowerThrottle).
 */
import { ApiKey, ErrorCode, ZERO_UUID, type FetchResponsePartitionData } from '@sluice/protocol';
import type { NodeEndpoint } from '../broker-services.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { PartitionLog } from '../storage/partition-log.ts';
import { NodeClient } from './node-client.ts';
import type { Partition } from './partition.ts';
import type { ReplicationQuota } from './replication-quota.ts';

export interface FetcherOptions {
  localBrokerId: number;
  clock: Clock;
  logger: Logger;
  /** replica.fetch.max.bytes, replica.fetch.response.max.bytes, replica.fetch.min.bytes. */
  fetchMaxBytes: number;
  responseMaxBytes: number;
  minBytes: number;
  /** replica.fetch.wait.max.ms, replica.fetch.backoff.ms, replica.socket.timeout.ms. */
  waitMaxMs: number;
  backoffMs: number;
  socketTimeoutMs: number;
  /** The highest Fetch version to send (17, as Kafka 3.9); lower only to exercise older paths. */
  maxFetchVersion?: number;
  /** The follower replication quota (follower.replication.throttled.rate and .replicas). */
  quota?: ReplicationQuota;
}

interface FetchState {
  partition: Partition;
  fetchOffset: number;
  leaderEpoch: number;
  state: 'init' | 'truncating' | 'fetching';
  delayedUntil: number;
}

/** Where to truncate given the leader's end of an epoch (Kafka's getOffsetTruncationState). */
export function truncationOffset(
  log: PartitionLog,
  leader: { epoch: number; endOffset: number },
): { offset: number; completed: boolean } {
  const end = log.logEndOffset;
  // The leader could not tell (no epoch at or below ours): fall back to what is known committed.
  if (leader.endOffset < 0) return { offset: Math.min(log.highWatermark, end), completed: true };
  if (leader.epoch < 0) return { offset: Math.min(leader.endOffset, end), completed: true };
  const local = log.endOffsetForEpoch(leader.epoch);
  if (!local) return { offset: Math.min(leader.endOffset, end), completed: true };
  // We never had the leader's epoch: cut to the end of our largest epoch below it and ask again.
  if (local.epoch !== leader.epoch) return { offset: Math.min(local.endOffset, end), completed: false };
  return { offset: Math.min(local.endOffset, leader.endOffset, end), completed: true };
}

/** Truncates to where the leader's log diverges; at or past the log end only epochs recorded there go. */
function truncate(log: PartitionLog, offset: number, logger: Logger, name: string): void {
  const before = log.logEndOffset;
  if (log.truncateTo(offset))
    logger.info(`Truncating ${name} from ${before} to ${offset} (leader's log diverges there)`);
}

export class ReplicaFetcher {
  private readonly partitions = new Map<string, FetchState>();
  private readonly client: NodeClient;
  private running = true;
  private wake: (() => void) | null = null;
  private readonly loop: Promise<void>;

  constructor(
    readonly sourceBrokerId: number,
    address: NodeEndpoint,
    private readonly options: FetcherOptions,
  ) {
    this.client = new NodeClient(
      address,
      `broker-${options.localBrokerId}-fetcher-${sourceBrokerId}`,
      options.socketTimeoutMs + options.waitMaxMs,
    );
    this.loop = this.run();
  }

  get partitionCount(): number {
    return this.partitions.size;
  }

  setAddress(address: NodeEndpoint): void {
    this.client.setAddress(address);
  }

  /** Starts fetching `partition` from its log end offset in the partition's current leader epoch. */
  addPartition(partition: Partition): void {
    this.partitions.set(partition.name, {
      partition,
      fetchOffset: partition.log.logEndOffset,
      leaderEpoch: partition.leaderEpoch,
      state: 'init',
      delayedUntil: 0,
    });
    this.wake?.();
  }

  removePartition(name: string): void {
    this.partitions.delete(name);
  }

  private async run(): Promise<void> {
    while (this.running) {
      const now = this.options.clock.now();
      const ready = [...this.partitions.values()].filter((s) => s.delayedUntil <= now);
      if (ready.length === 0) {
        const next = Math.min(...[...this.partitions.values()].map((s) => s.delayedUntil));
        await this.idle(Number.isFinite(next) ? Math.max(1, next - now) : 60_000);
        continue;
      }
      try {
        const version = await this.client.version(ApiKey.Fetch, this.options.maxFetchVersion ?? 17);
        for (const state of ready) {
          if (state.state !== 'init') continue;
          const latest = state.partition.log.leaderEpochs.latestEpoch;
          state.state = version >= 12 && latest !== undefined ? 'fetching' : 'truncating';
        }
        const truncating = ready.filter((s) => s.state === 'truncating');
        if (truncating.length > 0) await this.truncateByOffsetForLeaderEpoch(truncating);
        const fetching = ready.filter(
          (s) => s.state === 'fetching' && this.isCurrent(s) && !this.heldBackByQuota(s),
        );
        if (fetching.length > 0) await this.fetch(fetching, version);
      } catch (error) {
        if (!this.running) break;
        this.options.logger.warn(
          `Fetcher ${this.options.localBrokerId}->${this.sourceBrokerId}: ${error instanceof Error ? error.message : String(error)}; ` +
            `backing off ${this.options.backoffMs} ms`,
        );
        this.client.disconnect(error instanceof Error ? error : new Error(String(error)));
        const until = this.options.clock.now() + this.options.backoffMs;
        for (const state of ready) state.delayedUntil = Math.max(state.delayedUntil, until);
      }
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  /** The state is still the one registered for its partition (not removed or re-added since). */
  private isCurrent(state: FetchState): boolean {
    return this.partitions.get(state.partition.name) === state;
  }

  /** Kafka's shouldFollowerThrottle; a held-back partition waits replica.fetch.backoff.ms before it is tried again. */
  private heldBackByQuota(state: FetchState): boolean {
    const { quota } = this.options;
    const { partition } = state;
    const held =
      quota !== undefined &&
      !partition.isr.includes(this.options.localBrokerId) &&
      quota.isThrottled(partition.topicName, partition.index) &&
      quota.isQuotaExceeded();
    if (held) this.delay(state);
    return held;
  }

  private delay(state: FetchState): void {
    state.delayedUntil = this.options.clock.now() + this.options.backoffMs;
  }

  /** The older path: ask the leader where our latest epoch ends, truncate there, then fetch. */
  private async truncateByOffsetForLeaderEpoch(states: FetchState[]): Promise<void> {
    const asked: FetchState[] = [];
    for (const state of states) {
      const log = state.partition.log;
      const latest = log.leaderEpochs.latestEpoch;
      if (latest === undefined) {
        // No epochs to compare (an empty or pre-epoch log): what is committed is safe to keep.
        truncate(log, log.highWatermark, this.options.logger, state.partition.name);
        state.fetchOffset = log.logEndOffset;
        state.state = 'fetching';
      } else {
        asked.push(state);
      }
    }
    if (asked.length === 0) return;
    const version = await this.client.version(ApiKey.OffsetForLeaderEpoch, 4);
    const byTopic = new Map<string, FetchState[]>();
    for (const state of asked) {
      const list = byTopic.get(state.partition.topicName) ?? [];
      list.push(state);
      byTopic.set(state.partition.topicName, list);
    }
    const response = await this.client.send(ApiKey.OffsetForLeaderEpoch, version, {
      replicaId: this.options.localBrokerId,
      topics: [...byTopic].map(([topic, list]) => ({
        topic,
        partitions: list.map((s) => ({
          partition: s.partition.index,
          currentLeaderEpoch: s.leaderEpoch,
          leaderEpoch: s.partition.log.leaderEpochs.latestEpoch!,
        })),
      })),
    });
    for (const topic of response.topics) {
      for (const answer of topic.partitions) {
        const state = byTopic.get(topic.topic)?.find((s) => s.partition.index === answer.partition);
        if (!state || !this.isCurrent(state)) continue;
        if (answer.errorCode !== ErrorCode.NONE) {
          this.options.logger.info(
            `OffsetForLeaderEpoch for ${state.partition.name} answered error ${answer.errorCode}`,
          );
          this.delay(state);
          continue;
        }
        const log = state.partition.log;
        const cut = truncationOffset(log, { epoch: answer.leaderEpoch, endOffset: Number(answer.endOffset) });
        truncate(log, cut.offset, this.options.logger, state.partition.name);
        state.fetchOffset = log.logEndOffset;
        if (cut.completed) state.state = 'fetching';
      }
    }
  }

  private async fetch(states: FetchState[], version: number): Promise<void> {
    const { options } = this;
    const byTopic = new Map<string, FetchState[]>();
    for (const state of states) {
      const list = byTopic.get(state.partition.topicName) ?? [];
      list.push(state);
      byTopic.set(state.partition.topicName, list);
    }
    const response = await this.client.send(ApiKey.Fetch, version, {
      clusterId: null,
      replicaId: options.localBrokerId,
      replicaState: { replicaId: options.localBrokerId, replicaEpoch: -1n },
      maxWaitMs: options.waitMaxMs,
      minBytes: options.minBytes,
      maxBytes: options.responseMaxBytes,
      isolationLevel: 0,
      sessionId: 0,
      sessionEpoch: -1,
      topics: [...byTopic].map(([topic, list]) => ({
        topic,
        topicId: list[0]!.partition.topicId,
        partitions: list.map((s) => ({
          partition: s.partition.index,
          currentLeaderEpoch: s.leaderEpoch,
          fetchOffset: BigInt(s.fetchOffset),
          lastFetchedEpoch: version >= 12 ? (s.partition.log.leaderEpochs.latestEpoch ?? -1) : -1,
          logStartOffset: BigInt(s.partition.log.logStartOffset),
          partitionMaxBytes: options.fetchMaxBytes,
          replicaDirectoryId: ZERO_UUID,
        })),
      })),
      forgottenTopicsData: [],
      rackId: '',
    });
    if (response.errorCode !== ErrorCode.NONE) {
      options.logger.info(`Fetch from ${this.sourceBrokerId} answered error ${response.errorCode}`);
      for (const state of states) this.delay(state);
      return;
    }
    for (const topic of response.responses) {
      const list =
        version >= 13
          ? states.filter((s) => s.partition.topicId === topic.topicId)
          : byTopic.get(topic.topic);
      for (const data of topic.partitions) {
        const state = list?.find((s) => s.partition.index === data.partitionIndex);
        if (!state || !this.isCurrent(state) || state.leaderEpoch !== state.partition.leaderEpoch) continue;
        try {
          await this.processPartition(state, data);
        } catch (error) {
          options.logger.error(`Replicating ${state.partition.name} failed`, error);
          this.delay(state);
        }
      }
    }
  }

  private async processPartition(state: FetchState, data: FetchResponsePartitionData): Promise<void> {
    const log = state.partition.log;
    const name = state.partition.name;
    if (data.errorCode === ErrorCode.OFFSET_OUT_OF_RANGE) {
      await this.handleOutOfRange(state);
      return;
    }
    if (data.errorCode !== ErrorCode.NONE) {
      // Not (or no longer) the leader, a newer or older epoch, an unknown topic: wait for metadata to catch up.
      this.options.logger.info(
        `Fetch of ${name} from ${this.sourceBrokerId} answered error ${data.errorCode}`,
      );
      this.delay(state);
      return;
    }
    if (data.divergingEpoch.epoch >= 0 || data.divergingEpoch.endOffset >= 0n) {
      const cut = truncationOffset(log, {
        epoch: data.divergingEpoch.epoch,
        endOffset: Number(data.divergingEpoch.endOffset),
      });
      truncate(log, cut.offset, this.options.logger, name);
      state.fetchOffset = log.logEndOffset;
      return;
    }
    const records = data.records ?? Buffer.alloc(0);
    if (records.length > 0 && state.fetchOffset === log.logEndOffset) {
      const result = log.appendAsFollower(records, this.options.clock.now());
      if (result.errorCode !== ErrorCode.NONE) {
        this.options.logger.warn(`Appending fetched records to ${name} failed: ${result.errorMessage}`);
        this.delay(state);
        return;
      }
      state.fetchOffset = log.logEndOffset;
      const { quota } = this.options;
      if (quota?.isThrottled(state.partition.topicName, state.partition.index)) quota.record(records.length);
    }
    log.updateHighWatermark(Number(data.highWatermark));
    const leaderStart = Number(data.logStartOffset);
    if (leaderStart > log.logStartOffset) log.deleteRecordsBefore(Math.min(leaderStart, log.highWatermark));
  }

  /**
   * Kafka's handleOutOfRangeError: a leader whose log ends before ours (possible only after an unclean
   * election) makes us truncate to its end; one whose log starts after our end makes us start over at its start.
   */
  private async handleOutOfRange(state: FetchState): Promise<void> {
    const { partition } = state;
    const version = await this.client.version(ApiKey.ListOffsets, 7);
    const offsetOf = async (timestamp: bigint) => {
      const response = await this.client.send(ApiKey.ListOffsets, version, {
        replicaId: this.options.localBrokerId,
        isolationLevel: 0,
        timeoutMs: this.options.socketTimeoutMs,
        topics: [
          {
            name: partition.topicName,
            partitions: [
              {
                partitionIndex: partition.index,
                currentLeaderEpoch: state.leaderEpoch,
                timestamp,
                maxNumOffsets: 1,
              },
            ],
          },
        ],
      });
      const answer = response.topics[0]?.partitions[0];
      if (!answer || answer.errorCode !== ErrorCode.NONE)
        throw new Error(`ListOffsets for ${partition.name} failed (error ${answer?.errorCode ?? 'none'})`);
      return Number(version === 0 ? (answer.oldStyleOffsets[0] ?? -1n) : answer.offset);
    };
    const log = partition.log;
    const leaderEnd = await offsetOf(-1n);
    if (leaderEnd < log.logEndOffset) {
      truncate(log, leaderEnd, this.options.logger, partition.name);
    } else {
      const leaderStart = await offsetOf(-2n);
      if (log.logEndOffset < leaderStart) {
        this.options.logger.info(
          `Starting ${partition.name} over at the leader's log start offset ${leaderStart}`,
        );
        log.truncateFullyAndStartAt(leaderStart);
      }
    }
    if (this.isCurrent(state)) state.fetchOffset = log.logEndOffset;
  }

  async close(): Promise<void> {
    this.running = false;
    this.wake?.();
    this.client.close();
    await this.loop;
  }
}

/** The fetchers of one broker, by source broker and fetcher id (Kafka's ReplicaFetcherManager). */
export class ReplicaFetcherManager {
  private readonly fetchers = new Map<string, ReplicaFetcher>();
  private readonly assignment = new Map<string, ReplicaFetcher>();

  constructor(
    private readonly options: FetcherOptions,
    /** num.replica.fetchers. */
    private readonly fetchersPerBroker: () => number,
  ) {}

  /** Kafka's getFetcherId: partitions spread over the fetchers of a source broker by a hash. */
  private fetcherId(partition: Partition): number {
    let hash = 0;
    for (const char of partition.topicName) hash = (Math.imul(31, hash) + char.charCodeAt(0)) | 0;
    return Math.abs((Math.imul(31, hash) + partition.index) | 0) % Math.max(1, this.fetchersPerBroker());
  }

  addPartition(leader: NodeEndpoint, partition: Partition): void {
    this.removePartition(partition.name);
    const key = `${leader.nodeId}-${this.fetcherId(partition)}`;
    let fetcher = this.fetchers.get(key);
    if (!fetcher) {
      fetcher = new ReplicaFetcher(leader.nodeId, leader, this.options);
      this.fetchers.set(key, fetcher);
    } else {
      fetcher.setAddress(leader);
    }
    fetcher.addPartition(partition);
    this.assignment.set(partition.name, fetcher);
  }

  removePartition(name: string): void {
    this.assignment.get(name)?.removePartition(name);
    this.assignment.delete(name);
  }

  isFetching(name: string): boolean {
    return this.assignment.has(name);
  }

  /** Closes fetchers left without partitions. */
  async shutdownIdleFetchers(): Promise<void> {
    const idle = [...this.fetchers].filter(([, fetcher]) => fetcher.partitionCount === 0);
    for (const [key] of idle) this.fetchers.delete(key);
    await Promise.all(idle.map(([, fetcher]) => fetcher.close()));
  }

  async close(): Promise<void> {
    const all = [...this.fetchers.values()];
    this.fetchers.clear();
    this.assignment.clear();
    await Promise.all(all.map((fetcher) => fetcher.close()));
  }
}
