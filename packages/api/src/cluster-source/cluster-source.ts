/**
 * What the console reads from a Kafka cluster, whichever it is: the broker embedded in this process
 * (EmbeddedClusterSource, reading the engine directly) or a remote Kafka-compatible cluster over the wire
 * (RemoteClusterSource). Routers see only this interface. It grows one console page at a time; for now it holds
 * what consumer lag needs: groups, their members and assignments, committed offsets, partition offsets, and
 * record timestamps.
 *
 * Offsets are JavaScript numbers, as in the engine: exact up to 2^53, far beyond any real log.
 * Timestamps are epoch milliseconds.
 */

import type { OffsetResetPlan } from '@sluice/client';
import type { OffsetResetInput } from '@sluice/validators';
import type { ClusterSecurity } from './cluster-security.ts';
import type { CleanerOverview, TopicCompaction } from './compaction-status.ts';

export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface GroupListing {
  groupId: string;
  /** Kafka's name for it: Empty, PreparingRebalance, CompletingRebalance, Stable, Dead (others for KIP-848 groups). */
  state: string;
  /** "consumer" for consumer groups; "connect" and others carry assignments this console does not decode. */
  protocolType: string;
}

export interface GroupMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  host: string;
  /** Topics the member subscribes to, from its ConsumerProtocolSubscription (empty for other protocols). */
  subscribedTopics: string[];
  /** Partitions assigned to the member, from its ConsumerProtocolAssignment (empty before the first sync). */
  assignment: TopicPartition[];
}

export interface GroupDescription {
  groupId: string;
  /** "Dead" when the cluster does not know the group, as Kafka's DescribeGroups answers. */
  state: string;
  protocolType: string;
  /** The assignor the group chose (range, roundrobin, cooperative-sticky...), empty while none is chosen. */
  protocol: string;
  members: GroupMember[];
}

export interface CommittedOffset extends TopicPartition {
  offset: number;
  metadata: string;
  /** When the coordinator stored the commit; null when the source cannot tell (OffsetFetch does not say). */
  commitTimestamp: number | null;
}

export interface PartitionOffsets extends TopicPartition {
  logStartOffset: number;
  /** What consumers can read up to: the log end offset they see. */
  highWatermark: number;
}

export interface BrokerInfo {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface ClusterOverview {
  clusterId: string;
  controllerId: number;
  brokers: BrokerInfo[];
  topics: number;
  partitions: number;
  /** Partitions whose ISR is smaller than their replica set. */
  underReplicatedPartitions: number;
  /** Partitions without a live leader. */
  offlinePartitions: number;
}

/**
 * A broker as Kafka's APIs tell it: "alive" when Metadata lists it (registered and unfenced); "fenced or down"
 * when the quorum or a replica set still names it but Metadata does not (fenced after missing heartbeats,
 * stopped, or shutting down: Kafka's APIs do not tell these apart).
 */
export interface BrokerStatus {
  nodeId: number;
  /** Its client listener, null when it has not been seen alive by this console. */
  host: string | null;
  port: number | null;
  rack: string | null;
  state: 'alive' | 'fenced or down';
  controller: boolean;
  quorumRole: 'voter' | 'observer' | null;
  /** Partitions whose leader it is, and partitions it holds a follower replica of (Metadata). */
  partitionsLed: number;
  partitionsFollowed: number;
  /** Partitions it leads with an ISR smaller than the replica set (Kafka's UnderReplicatedPartitions metric). */
  underReplicatedLed: number;
  /** Partitions it is a replica of but not in the ISR of. */
  outOfIsr: number;
  /** Bytes of its partition logs (DescribeLogDirs), null when it did not answer. */
  logBytes: number | null;
  /** The volume its log directories are on, null when unknown. */
  volumeTotalBytes: number | null;
  volumeUsableBytes: number | null;
  /** Why DescribeLogDirs failed, when it did. */
  logDirsError: string | null;
}

export interface QuorumReplica {
  nodeId: number;
  /** Null when the leader does not know it yet. */
  logEndOffset: number | null;
  /** The leader's log end offset minus this replica's, null when unknown. */
  lag: number | null;
  /** Epoch milliseconds, null when unknown (Kafka reports -1). */
  lastFetchTimestamp: number | null;
  lastCaughtUpTimestamp: number | null;
}

/** The KRaft metadata quorum (`__cluster_metadata`), as DescribeQuorum gives it. */
export interface QuorumStatus {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  voters: QuorumReplica[];
  observers: QuorumReplica[];
  /** A single broker without KRaft: its own one-member "quorum", with no metadata log to replicate. */
  standalone: boolean;
}

export interface ClusterBrokers {
  clusterId: string;
  controllerId: number;
  brokers: BrokerStatus[];
  /** Null when DescribeQuorum failed (see quorumError) or the cluster does not serve it. */
  quorum: QuorumStatus | null;
  quorumError: string | null;
}

/** Orders by name in code-point order: the same for every source and locale, and cheap at 10,000 names. */
export function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export interface TopicSummary {
  name: string;
  topicId: string;
  internal: boolean;
  partitions: number;
  replicationFactor: number;
  /** Bytes on disk (the largest replica of each partition), null when the cluster does not say. */
  sizeBytes: number | null;
  /** Records between the log start offsets and the high watermarks (compaction and control records aside). */
  records: number;
  /** The sum of the partitions' high watermarks: how many records were ever appended, for rates. */
  endOffsets: number;
  underReplicatedPartitions: number;
}

/** A replica of an under-replicated partition that is not in its ISR, and how far behind the leader it is. */
export interface LaggingReplica {
  nodeId: number;
  /** Whether the broker is live (listed by Metadata); a fenced or stopped broker's replica cannot catch up. */
  brokerLive: boolean;
  /** The leader's log end offset minus this replica's; null when the broker or the leader did not say. */
  offsetLag: number | null;
}

export interface PartitionDetail {
  partition: number;
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
  logStartOffset: number;
  highWatermark: number;
  /**
   * The last stable offset (LSO): the first offset of the oldest transaction still open on the partition, or
   * the high watermark when none is; read_committed consumers read up to here (ListOffsets, READ_COMMITTED).
   */
  lastStableOffset: number;
  sizeBytes: number | null;
  underReplicated: boolean;
  /** No live leader: nothing can be read or written. */
  offline: boolean;
  /** The replicas outside the ISR, by node id; empty when the ISR is whole. */
  laggingReplicas: LaggingReplica[];
}

/** A partition's leadership and replicas as Metadata tells them. */
export interface PartitionState {
  topic: string;
  topicId: string;
  partition: number;
  /** -1 when the partition has no leader. */
  leader: number;
  leaderEpoch: number;
  /** Kafka's order: the preferred leader first. */
  replicas: number[];
  isr: number[];
}

/**
 * A partition's size on disk and offsets at one instant, as the topic list reads them (DescribeLogDirs and
 * ListOffsets, or the engine's logs in-process), for the size history.
 */
export interface PartitionSize extends TopicPartition {
  /** Bytes of its largest replica; null when no broker holding it answered DescribeLogDirs. */
  sizeBytes: number | null;
  /** Null, as the high watermark, when the partition has no leader to ask. */
  logStartOffset: number | null;
  highWatermark: number | null;
}

/** An ongoing reassignment (ListPartitionReassignments): the replicas now, and those being added and removed. */
export interface PartitionReassignment {
  topic: string;
  partition: number;
  replicas: number[];
  addingReplicas: number[];
  removingReplicas: number[];
}

/** One replica's log on its broker (DescribeLogDirs). */
export interface ReplicaLogSize {
  broker: number;
  sizeBytes: number;
  /** How far the log is behind the leader's end, as the broker reports it (offsetLag). */
  offsetLag: number;
  /** A future replica (an intra-broker move), not the current one. */
  isFuture: boolean;
}

export interface TopicConfigEntry {
  name: string;
  value: string | null;
  /** Where the value comes from, in Kafka's words: TOPIC_CONFIG, DEFAULT_CONFIG, STATIC_BROKER_CONFIG... */
  source: string;
  isDefault: boolean;
  readOnly: boolean;
  sensitive: boolean;
  /** The value it would have without the topic's override (the next synonym), null when none. */
  defaultValue: string | null;
  type: string;
  documentation: string | null;
}

/** A topic config the create form can offer: its name, type, default on this cluster and meaning. */
export interface TopicConfigDefinition {
  name: string;
  /** Kafka's ConfigType name: BOOLEAN, STRING, INT, SHORT, LONG, DOUBLE, LIST, CLASS, PASSWORD. */
  type: string;
  /** What a new topic gets without an override (the broker's setting or Kafka's default). */
  defaultValue: string | null;
  documentation: string | null;
  /** The values allowed, when the config is an enumeration (cleanup.policy, compression.type...). */
  validValues: string[] | null;
}

export interface TopicDetail extends Omit<TopicSummary, 'partitions' | 'endOffsets'> {
  partitions: PartitionDetail[];
  configs: TopicConfigEntry[];
}

export interface RecordHeaderView {
  key: string;
  /** Base64, null for a null header value. */
  value: string | null;
}

/** A record as the console shows it; bytes travel as base64 and are decoded (text, JSON, hex) in the browser. */
export interface ConsoleRecord {
  kind: 'record';
  partition: number;
  offset: number;
  timestamp: number;
  timestampType: 'CreateTime' | 'LogAppendTime';
  key: string | null;
  value: string | null;
  headers: RecordHeaderView[];
  /** Key, value and headers in bytes. */
  size: number;
}

/**
 * A transaction marker (a control record: COMMIT or ABORT of a producer's transaction on this partition), shown
 * as what it is and never as data.
 */
export interface ConsoleMarker {
  kind: 'marker';
  partition: number;
  offset: number;
  timestamp: number;
  marker: 'COMMIT' | 'ABORT';
  producerId: number;
  producerEpoch: number;
  coordinatorEpoch: number;
}

/** What a partition's log holds at an offset, as the message browser and the live tail show it. */
export type ConsoleEntry = ConsoleRecord | ConsoleMarker;

export const isRecord = (entry: ConsoleEntry): entry is ConsoleRecord => entry.kind === 'record';

/** Where each partition's read starts (ascending), for browsing and tailing. */
export type PartitionPositions = Map<number, number>;

export type IsolationLevelName = 'read_uncommitted' | 'read_committed';

export interface ReadOptions {
  /** Entries (records and markers) per partition at most. */
  maxRecords: number;
  /** How long to wait for a first entry when there is none yet. */
  maxWaitMs: number;
  /** read_committed: up to the last stable offset, without the records of aborted transactions. */
  isolationLevel: IsolationLevelName;
}

export interface EntriesRead {
  /** In offset order per partition. */
  entries: ConsoleEntry[];
  /**
   * Where each partition's read ended: the offset after the last entry returned, or after what was read past
   * without an entry to show (records of aborted transactions under read_committed, offsets compaction removed).
   */
  next: PartitionPositions;
}

/** An open transaction at its coordinator (ListTransactions, then DescribeTransactions). */
export interface OpenTransaction {
  transactionalId: string;
  /** The broker coordinating it. */
  coordinatorId: number;
  producerId: number;
  producerEpoch: number;
  /** Kafka's TransactionState: Ongoing, PrepareCommit, PrepareAbort or PrepareEpochFence. */
  state: string;
  transactionTimeoutMs: number;
  /** Epoch ms the transaction started, null when the coordinator does not say. */
  startTimeMs: number | null;
  partitions: TopicPartition[];
}

/** A producer a partition keeps state for (DescribeProducers at its leader). */
export interface PartitionProducer {
  producerId: number;
  producerEpoch: number;
  lastSequence: number;
  lastTimestamp: number;
  /** The epoch of the coordinator that wrote its last marker here, null when none has. */
  coordinatorEpoch: number | null;
  /** Where its open transaction on this partition started, null when it has none open. */
  currentTransactionStartOffset: number | null;
}

/**
 * A transaction open on a partition that its coordinator will never end there (kafka-transactions.sh
 * find-hanging): it holds the partition's LSO until it is aborted.
 */
export interface HangingTransaction extends TopicPartition {
  producerId: number;
  producerEpoch: number;
  /** The epoch of the coordinator that wrote its producer's last marker here, null when none has. */
  coordinatorEpoch: number | null;
  startOffset: number;
  /** When its producer last wrote to the partition (epoch ms). */
  lastTimestamp: number;
}

/** One partition's abort: the ABORT marker written, or why not. */
export interface PartitionAbort extends TopicPartition {
  /** Where the aborted transaction started on the partition; null when the producer had none open there. */
  startOffset: number | null;
  producerEpoch: number | null;
  coordinatorEpoch: number | null;
}

/** Transactions as Kafka's admin APIs show them (transactions.ts). */
export interface ClusterTransactions {
  /** The transactions not yet complete, at every coordinator, by transactional id. */
  listOpen(): Promise<OpenTransaction[]>;
  /** The producers of one partition. */
  producers(partition: TopicPartition): Promise<PartitionProducer[]>;
  /**
   * Aborts a producer's open transaction on each partition: an ABORT marker at the leader (WriteTxnMarkers) with
   * the epochs the leader's DescribeProducers reports, as kafka-transactions.sh abort does. A partition where
   * the producer has no open transaction is left alone and says so (startOffset null).
   */
  abort(producerId: number, partitions: readonly TopicPartition[]): Promise<PartitionAbort[]>;
  /**
   * The cluster's transaction.max.timeout.ms (the longest timeout a producer may ask for); null when the cluster
   * will not say (the console's principal may not DescribeConfigs the brokers).
   */
  maxTimeoutMs(): Promise<number | null>;
  /**
   * The hanging transactions on every partition (DescribeProducers at each leader, then ListTransactions and
   * DescribeTransactions): open, idle longer than `maxTransactionTimeoutMs`, and unknown to their coordinator
   * there.
   */
  findHanging(maxTransactionTimeoutMs: number): Promise<HangingTransaction[]>;
}

export interface ProduceRequest {
  topic: string;
  partition?: number | undefined;
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
  copies: number;
}

/** The ACL operations and resource types the console asks about, by Kafka's names (AclOperation, ResourceType). */
export type AclOperationName =
  | 'READ'
  | 'WRITE'
  | 'CREATE'
  | 'DELETE'
  | 'ALTER'
  | 'DESCRIBE'
  | 'CLUSTER_ACTION'
  | 'DESCRIBE_CONFIGS'
  | 'ALTER_CONFIGS';
export type AclResourceTypeName = 'TOPIC' | 'GROUP' | 'CLUSTER' | 'TRANSACTIONAL_ID';

export interface AclCheck {
  /** "User:alice" */
  principal: string;
  operation: AclOperationName;
  resourceType: AclResourceTypeName;
  /** The topic or group; Kafka's "kafka-cluster" for the cluster. */
  resourceName: string;
}

/**
 * The cluster's authorizer (its ACLs, super.users and allow.everyone.if.no.acl.found), asked on behalf of a
 * principal other than the console's own: what the cluster would allow that principal, connecting from where the
 * console connects from.
 */
export interface ClusterAuthorizer {
  allows(check: AclCheck): boolean;
}

export interface ClusterSource {
  /** SCRAM credentials, client quotas and ACLs (cluster-security.ts). */
  readonly security: ClusterSecurity;
  /** Open transactions, the producers of partitions, and aborting a transaction. */
  readonly transactions: ClusterTransactions;
  /** Every group the cluster knows, sorted by id. */
  listGroups(): Promise<GroupListing[]>;
  describeGroup(groupId: string): Promise<GroupDescription>;
  /** Every committed offset of the group; empty for an unknown group. */
  committedOffsets(groupId: string): Promise<CommittedOffset[]>;
  /** Offsets of every partition of the given topics; topics the cluster does not have are left out. */
  partitionOffsets(topics: string[]): Promise<PartitionOffsets[]>;
  /**
   * The timestamp of the first record at or after `offset` (the record a consumer positioned there reads next),
   * or null when that is at or past the high watermark.
   */
  recordTimestamp(partition: TopicPartition, offset: number): Promise<number | null>;
  describeCluster(): Promise<ClusterOverview>;
  /** Every broker's state, leaderships, replicas and disk use, and the metadata quorum. */
  describeBrokers(): Promise<ClusterBrokers>;
  listTopics(): Promise<TopicSummary[]>;
  /** Null when the topic does not exist. */
  describeTopic(name: string): Promise<TopicDetail | null>;
  /** The topic configs a new topic can set, with their types and this cluster's defaults. */
  topicConfigDefinitions(): Promise<TopicConfigDefinition[]>;
  /** Kafka's error (as KafkaError) when the cluster refuses. */
  createTopic(spec: {
    name: string;
    partitions: number;
    replicationFactor: number;
    configs: Record<string, string>;
    validateOnly: boolean;
  }): Promise<void>;
  deleteTopic(name: string): Promise<void>;
  alterTopicConfigs(
    name: string,
    set: Record<string, string>,
    remove: string[],
    validateOnly: boolean,
  ): Promise<void>;
  /** Records before `beforeOffset` (-1: all up to the high watermark) go; resolves with the new log start offset. */
  deleteRecords(topic: string, partition: number, beforeOffset: number): Promise<number>;
  /** The first offset at or after `timestamp` per partition (the high watermark when none). */
  offsetsForTimestamp(topic: string, partitions: number[], timestamp: number): Promise<PartitionPositions>;
  /**
   * Records and transaction markers from each partition's position, in offset order per partition, at most
   * `maxRecords` per partition and up to the high watermark (read_uncommitted) or the last stable offset
   * (read_committed, without the records of aborted transactions); waits up to `maxWaitMs` for a first entry
   * when there is none yet.
   */
  readRecords(topic: string, positions: PartitionPositions, options: ReadOptions): Promise<EntriesRead>;
  /** Appends `copies` copies of a record (acks=all); resolves with where each went. */
  produce(request: ProduceRequest): Promise<{ partition: number; offset: number }[]>;
  /** A kafka-consumer-groups style reset plan; throws (OffsetResetError) when the group is not inactive. */
  planOffsetReset(input: OffsetResetInput): Promise<OffsetResetPlan>;
  /** Commits a plan; the coordinator refuses it if the group gained members since. */
  executeOffsetReset(plan: OffsetResetPlan): Promise<void>;
  /** DeleteGroups for one group: its error code (0 when deleted). */
  deleteGroup(groupId: string): Promise<number>;
  /** Every partition of every topic: leader, leader epoch, replicas and ISR (Metadata), for the ISR history. */
  partitionStates(): Promise<PartitionState[]>;
  /**
   * Every partition of every topic: size on disk, log start offset and high watermark, for the size history; read
   * in one pass as listTopics reads them, never a request per topic.
   */
  partitionSizes(): Promise<PartitionSize[]>;
  /**
   * AlterPartitionReassignments for one partition: `replicas` is the target, null cancels the ongoing one.
   * With `throttle` (bytes/s), first sets the replication throttles as kafka-reassign-partitions does.
   * Kafka's error (as KafkaError) when the cluster refuses.
   */
  reassignPartition(
    topic: string,
    partition: number,
    replicas: number[] | null,
    throttle?: number | null,
  ): Promise<void>;
  /** ListPartitionReassignments: the ongoing reassignments of `topic` (every topic when undefined). */
  listReassignments(topic?: string): Promise<PartitionReassignment[]>;
  /** Each broker's replica of the partition and its size (DescribeLogDirs at every broker). */
  replicaLogSizes(topic: string, partition: number): Promise<ReplicaLogSize[]>;
  /**
   * Removes the throttles a reassignment set: both rates on every broker, both replica lists on `topic`
   * (kafka-reassign-partitions --verify once done, or --cancel).
   */
  clearReplicationThrottles(topic: string): Promise<void>;
  /**
   * A topic's cleaning and retention: its configs and partition sizes (DescribeConfigs, DescribeLogDirs), and
   * the log cleaner's status where the source can read it (compaction-status.ts); null when the topic is unknown.
   */
  topicCompaction(topic: string): Promise<TopicCompaction | null>;
  /** The log cleaner's status of every compacted partition it can read, most in need of cleaning first. */
  cleanerOverview(): Promise<CleanerOverview>;
  /**
   * The cluster's authorizer as of now (a remote cluster's ACLs are read with DescribeAcls and cached briefly);
   * null when the cluster runs without one, and then, as in Kafka, every principal may do everything.
   */
  authorizer(): Promise<ClusterAuthorizer | null>;
  /** Bytes received from and sent to clients so far, when the source can tell (the embedded broker). */
  trafficTotals(): { bytesIn: number; bytesOut: number } | null;
  /** Releases what the source holds (connections to a remote cluster); an embedded broker is not its to close. */
  close(): void;
}
