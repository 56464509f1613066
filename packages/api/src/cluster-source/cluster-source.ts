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

export interface ClusterSource {
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
  /** Releases what the source holds (connections to a remote cluster); an embedded broker is not its to close. */
  close(): void;
}
