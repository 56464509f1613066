/**
 * A small Kafka client over the wire protocol, enough for Sluice's CLI tools and the console's view of a
 * remote cluster: bootstrap, metadata, connections to partition leaders, and the admin calls. It speaks to
 * any Kafka-compatible cluster, Sluice or Apache Kafka.
 */
import {
  ApiKey,
  apis,
  ErrorCode,
  errorCodes,
  Writer,
  encodeConsumerProtocolAssignment,
  type CreateTopicsRequestCreatableTopic,
  type DescribeGroupsResponseDescribedGroup,
  type FetchResponsePartitionData,
  type MetadataResponse,
  type MetadataResponseTopic,
  ZERO_UUID,
} from '@sluice/protocol';
import {
  KafkaAuthenticationError,
  KafkaConnection,
  KafkaProtocolError,
  REQUEST_TIMEOUT_MS,
} from './connection.ts';
import type { ConnectionSecurity } from './security.ts';

export class KafkaError extends Error {
  override readonly name = 'KafkaError';

  constructor(
    readonly errorCode: number,
    message?: string | null,
  ) {
    const name = errorCodes.get(errorCode)?.name ?? `error ${errorCode}`;
    super(message ? `${name}: ${message}` : name);
  }

  get retriable(): boolean {
    return errorCodes.get(this.errorCode)?.retriable ?? false;
  }
}

export function throwIfError(errorCode: number, message?: string | null): void {
  if (errorCode !== 0) throw new KafkaError(errorCode, message);
}

/**
 * Kafka's IsolationLevel for Fetch and ListOffsets: READ_UNCOMMITTED reads up to the high watermark;
 * READ_COMMITTED up to the last stable offset (LSO), the first offset of the oldest open transaction.
 */
export const IsolationLevel = { READ_UNCOMMITTED: 0, READ_COMMITTED: 1 } as const;
export type IsolationLevel = (typeof IsolationLevel)[keyof typeof IsolationLevel];

/** FindCoordinator's key types. */
export const CoordinatorType = { GROUP: 0, TRANSACTION: 1 } as const;

export interface BrokerAddress {
  nodeId: number;
  host: string;
  port: number;
}

function parseBootstrap(bootstrap: string): { host: string; port: number }[] {
  return bootstrap.split(',').map((entry) => {
    const trimmed = entry.trim();
    const separator = trimmed.lastIndexOf(':');
    const host = separator > 0 ? trimmed.slice(0, separator) : trimmed;
    const port = separator > 0 ? Number(trimmed.slice(separator + 1)) : 9092;
    if (!Number.isInteger(port) || port <= 0 || port > 65535)
      throw new Error(`bad bootstrap address "${entry}"`);
    return { host: host.replace(/^\[|\]$/g, ''), port };
  });
}

export interface ClusterClientOptions {
  /** Kafka's request.timeout.ms: how long a broker has to answer a request (30 s, Kafka's default). */
  requestTimeoutMs?: number;
  /** TLS and SASL settings for every connection (a secured listener); none for PLAINTEXT. */
  security?: ConnectionSecurity;
}

/** How long opening a TCP connection may take, before the ApiVersions handshake. */
const CONNECT_TIMEOUT_MS = 10_000;

export class ClusterClient {
  private bootstrapConnection: KafkaConnection | null = null;
  private connecting: Promise<KafkaConnection> | null = null;
  /** The address of the last bootstrap connection that failed: the next one tries it last. */
  private failedAddress: string | null = null;
  private readonly brokerConnections = new Map<number, Promise<KafkaConnection>>();
  private brokers = new Map<number, BrokerAddress>();
  private readonly requestTimeoutMs: number;
  private readonly security: ConnectionSecurity;

  constructor(
    private readonly bootstrap: string,
    readonly clientId = 'sluice-cli',
    options: ClusterClientOptions = {},
  ) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    this.security = options.security ?? {};
  }

  /**
   * A connection to any broker of the cluster: the bootstrap servers in order, then the brokers Metadata named.
   * A broker that went away (stopped, killed, restarted) takes its connection with it, and the next connection
   * tries it last: a SIGSTOPped broker still accepts connections, and would hold each attempt for a request
   * timeout, and a stopped one refuses them while the others are up.
   */
  async any(): Promise<KafkaConnection> {
    if (this.bootstrapConnection?.closed) {
      this.failedAddress = this.bootstrapConnection.address;
      this.bootstrapConnection = null;
    }
    if (this.bootstrapConnection) return this.bootstrapConnection;
    this.connecting ??= this.connectToAny().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connectToAny(): Promise<KafkaConnection> {
    const addresses = [...parseBootstrap(this.bootstrap), ...this.brokers.values()]
      .map(({ host, port }) => `${host}:${port}`)
      .filter((address, i, all) => all.indexOf(address) === i);
    const failed = addresses.indexOf(this.failedAddress ?? '');
    const ordered =
      failed < 0 ? addresses : [...addresses.slice(failed + 1), ...addresses.slice(0, failed + 1)];
    let lastError: unknown;
    let refused: KafkaAuthenticationError | null = null;
    for (const address of ordered) {
      const separator = address.lastIndexOf(':');
      try {
        this.bootstrapConnection = await KafkaConnection.connect(
          address.slice(0, separator),
          Number(address.slice(separator + 1)),
          this.clientId,
          CONNECT_TIMEOUT_MS,
          this.security,
          this.requestTimeoutMs,
        );
        return this.bootstrapConnection;
      } catch (error) {
        lastError = error;
        refused ??= error instanceof KafkaAuthenticationError ? error : null;
      }
    }
    // When none answered, a refused authentication says more than the network errors of the others: it is what
    // a Kafka client reports (AuthenticationException), and retrying cannot fix it.
    if (refused) throw refused;
    throw new KafkaProtocolError(
      `cannot reach any bootstrap server (${this.bootstrap}): ${String(lastError)}`,
    );
  }

  /** A connection to a broker by node id (partition leaders, group coordinators). */
  async broker(nodeId: number): Promise<KafkaConnection> {
    let connection = this.brokerConnections.get(nodeId);
    if (connection) {
      // A connection that failed to open, or closed since, is replaced: the broker may be back by now.
      const usable = await connection.then(
        (c) => !c.closed,
        () => false,
      );
      if (!usable && this.brokerConnections.get(nodeId) === connection) {
        this.brokerConnections.delete(nodeId);
        connection = undefined;
      }
    }
    if (!connection) {
      if (!this.brokers.has(nodeId)) await this.metadata([]);
      const address = this.brokers.get(nodeId);
      if (!address) throw new KafkaProtocolError(`broker ${nodeId} is not in the cluster metadata`);
      connection = KafkaConnection.connect(
        address.host,
        address.port,
        this.clientId,
        CONNECT_TIMEOUT_MS,
        this.security,
        this.requestTimeoutMs,
      );
      this.brokerConnections.set(nodeId, connection);
    }
    return connection;
  }

  /**
   * A new connection to a broker that no one else uses; the caller closes it. For requests the broker holds for
   * long (JoinGroup waits up to the rebalance timeout) and that would otherwise hold up the shared connection,
   * since a broker answers one request of a connection at a time.
   */
  async connectTo(nodeId: number): Promise<KafkaConnection> {
    if (!this.brokers.has(nodeId)) await this.metadata([]);
    const address = this.brokers.get(nodeId);
    if (!address) throw new KafkaProtocolError(`broker ${nodeId} is not in the cluster metadata`);
    return KafkaConnection.connect(
      address.host,
      address.port,
      this.clientId,
      CONNECT_TIMEOUT_MS,
      this.security,
      this.requestTimeoutMs,
    );
  }

  /** Metadata for the given topics (all topics when null); never auto-creates. */
  async metadata(topics: string[] | null, allowAutoTopicCreation = false): Promise<MetadataResponse> {
    const connection = await this.any();
    const response = await connection.request(ApiKey.Metadata, {
      ...apis[ApiKey.Metadata].defaultRequest(),
      topics: topics === null ? null : topics.map((name) => ({ name, topicId: ZERO_UUID })),
      allowAutoTopicCreation,
    });
    this.brokers = new Map(
      response.brokers.map((b) => [b.nodeId, { nodeId: b.nodeId, host: b.host, port: b.port }]),
    );
    return response;
  }

  async createTopics(topics: CreateTopicsRequestCreatableTopic[], validateOnly = false) {
    const connection = await this.any();
    const response = await connection.request(ApiKey.CreateTopics, {
      topics,
      timeoutMs: 30_000,
      validateOnly,
    });
    return response.topics;
  }

  async deleteTopics(names: string[]) {
    const connection = await this.any();
    const response = await connection.request(ApiKey.DeleteTopics, {
      topics: names.map((name) => ({ name, topicId: ZERO_UUID })),
      topicNames: names,
      timeoutMs: 30_000,
    });
    return response.responses;
  }

  async createPartitions(name: string, count: number) {
    const connection = await this.any();
    const response = await connection.request(ApiKey.CreatePartitions, {
      topics: [{ name, count, assignments: null }],
      timeoutMs: 30_000,
      validateOnly: false,
    });
    return response.results;
  }

  /** Topic configs (non-default only unless `all`). */
  async describeTopicConfigs(name: string) {
    const connection = await this.any();
    const response = await connection.request(ApiKey.DescribeConfigs, {
      resources: [{ resourceType: 2, resourceName: name, configurationKeys: null }],
      includeSynonyms: false,
      includeDocumentation: false,
    });
    const result = response.results[0]!;
    throwIfError(result.errorCode, result.errorMessage);
    return result.configs;
  }

  /** Sets (value) or removes (null) topic config overrides. */
  async alterTopicConfigs(name: string, changes: Map<string, string | null>, validateOnly = false) {
    const connection = await this.any();
    const response = await connection.request(ApiKey.IncrementalAlterConfigs, {
      resources: [
        {
          resourceType: 2,
          resourceName: name,
          configs: [...changes].map(([configName, value]) => ({
            name: configName,
            configOperation: value === null ? 1 : 0,
            value,
          })),
        },
      ],
      validateOnly,
    });
    const result = response.responses[0]!;
    throwIfError(result.errorCode, result.errorMessage);
  }

  /** DescribeCluster: the cluster id, the controller and every broker. */
  async describeCluster() {
    const response = await (
      await this.any()
    ).request(ApiKey.DescribeCluster, { includeClusterAuthorizedOperations: false, endpointType: 1 });
    throwIfError(response.errorCode, response.errorMessage);
    return response;
  }

  /**
   * Partition sizes on disk from every broker's DescribeLogDirs (null topics: all of them), as
   * "topic\u0000partition" -> bytes of the largest replica. A broker that fails or does not answer within
   * `perBrokerMs` (stopped, SIGSTOPped) is left out: the other replicas still give the size. Fails only when
   * no broker answers.
   */
  async partitionSizes(perBrokerMs = 5_000): Promise<Map<string, number>> {
    await this.metadata([]);
    const sizes = new Map<string, number>();
    const nodeIds = [...this.brokers.keys()];
    const answered = await Promise.allSettled(
      nodeIds.map(async (nodeId) => {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new KafkaProtocolError(`broker ${nodeId}: no DescribeLogDirs answer`)),
            perBrokerMs,
          );
        });
        const response = await Promise.race([
          this.broker(nodeId).then((c) => c.request(ApiKey.DescribeLogDirs, { topics: null })),
          deadline,
        ]).finally(() => clearTimeout(timer));
        for (const dir of response.results) {
          if (dir.errorCode !== ErrorCode.NONE) continue;
          for (const topic of dir.topics)
            for (const p of topic.partitions) {
              const key = `${topic.name}\u0000${p.partitionIndex}`;
              sizes.set(key, Math.max(sizes.get(key) ?? 0, Number(p.partitionSize)));
            }
        }
      }),
    );
    const failed = answered.find((a) => a.status === 'rejected');
    if (failed && answered.every((a) => a.status === 'rejected')) throw failed.reason;
    return sizes;
  }

  /** Topic configs with their source, synonyms and documentation: every config, defaults included. */
  async describeTopicConfigsInDetail(name: string) {
    const response = await (
      await this.any()
    ).request(ApiKey.DescribeConfigs, {
      resources: [{ resourceType: 2, resourceName: name, configurationKeys: null }],
      includeSynonyms: true,
      includeDocumentation: true,
    });
    const result = response.results[0]!;
    throwIfError(result.errorCode, result.errorMessage);
    return result.configs;
  }

  /** DeleteRecords: moves a partition's log start offset up to `beforeOffset` (-1: the high watermark). */
  async deleteRecords(
    topic: MetadataResponseTopic,
    partition: number,
    beforeOffset: bigint,
  ): Promise<bigint> {
    const response = await (
      await this.leaderOf(topic, partition)
    ).request(ApiKey.DeleteRecords, {
      topics: [{ name: topic.name!, partitions: [{ partitionIndex: partition, offset: beforeOffset }] }],
      timeoutMs: 30_000,
    });
    const result = response.topics[0]!.partitions[0]!;
    throwIfError(result.errorCode, `DeleteRecords ${topic.name}-${partition}`);
    return result.lowWatermark;
  }

  /** A topic's metadata, failing with the topic's error (UNKNOWN_TOPIC_OR_PARTITION...) when it has one. */
  async topic(name: string, allowAutoTopicCreation = false): Promise<MetadataResponseTopic> {
    const response = await this.metadata([name], allowAutoTopicCreation);
    const topic = response.topics[0];
    if (!topic) throw new KafkaError(3, `no metadata for topic ${name}`);
    throwIfError(topic.errorCode, `topic ${name}`);
    return topic;
  }

  private async leaderOf(topic: MetadataResponseTopic, partition: number) {
    const metadata = topic.partitions.find((p) => p.partitionIndex === partition);
    if (!metadata) throw new KafkaError(3, `topic ${topic.name} has no partition ${partition}`);
    return this.broker(metadata.leaderId);
  }

  /** Sends record batches to a partition's leader; resolves with the base offset (-1 for acks=0). */
  async produce(
    topic: MetadataResponseTopic,
    partition: number,
    records: Buffer,
    acks = -1,
  ): Promise<bigint> {
    const connection = await this.leaderOf(topic, partition);
    const request = {
      transactionalId: null,
      acks,
      timeoutMs: 30_000,
      topicData: [{ name: topic.name!, partitionData: [{ index: partition, records }] }],
    };
    if (acks === 0) {
      connection.sendOneWay(ApiKey.Produce, request);
      return -1n;
    }
    const response = await connection.request(ApiKey.Produce, request);
    const result = response.responses[0]!.partitionResponses[0]!;
    throwIfError(result.errorCode, result.errorMessage);
    return result.baseOffset;
  }

  /**
   * ListOffsets for one partition: -2 earliest, -1 latest (the high watermark, or under READ_COMMITTED the last
   * stable offset), or a timestamp.
   */
  async listOffset(
    topic: MetadataResponseTopic,
    partition: number,
    timestamp: bigint,
    isolationLevel: IsolationLevel = IsolationLevel.READ_UNCOMMITTED,
  ): Promise<bigint> {
    const connection = await this.leaderOf(topic, partition);
    const response = await connection.request(ApiKey.ListOffsets, {
      replicaId: -1,
      isolationLevel,
      timeoutMs: 30_000,
      topics: [
        {
          name: topic.name!,
          partitions: [{ partitionIndex: partition, currentLeaderEpoch: -1, timestamp, maxNumOffsets: 1 }],
        },
      ],
    });
    const result = response.topics[0]!.partitions[0]!;
    throwIfError(result.errorCode, `ListOffsets ${topic.name}-${partition}`);
    return result.oldStyleOffsets.length > 0 ? result.oldStyleOffsets[0]! : result.offset;
  }

  /**
   * ListOffsets for many partitions at once (one request per leader): -2 earliest, -1 latest (the high
   * watermark, or under READ_COMMITTED the last stable offset), or a timestamp.
   * Resolves with "topic\u0000partition" -> offset (-1 when no record is at or after the timestamp).
   */
  async listOffsets(
    partitions: { topic: MetadataResponseTopic; partition: number }[],
    timestamp: bigint,
    isolationLevel: IsolationLevel = IsolationLevel.READ_UNCOMMITTED,
  ): Promise<Map<string, bigint>> {
    const byLeader = new Map<number, { topic: MetadataResponseTopic; partition: number }[]>();
    for (const entry of partitions) {
      const leader = entry.topic.partitions.find((p) => p.partitionIndex === entry.partition)?.leaderId;
      if (leader === undefined)
        throw new KafkaError(3, `topic ${entry.topic.name} has no partition ${entry.partition}`);
      byLeader.set(leader, [...(byLeader.get(leader) ?? []), entry]);
    }
    const offsets = new Map<string, bigint>();
    await Promise.all(
      [...byLeader].map(async ([leader, entries]) => {
        const byTopic = new Map<string, number[]>();
        for (const { topic, partition } of entries)
          byTopic.set(topic.name!, [...(byTopic.get(topic.name!) ?? []), partition]);
        const response = await (
          await this.broker(leader)
        ).request(ApiKey.ListOffsets, {
          replicaId: -1,
          isolationLevel,
          timeoutMs: 30_000,
          topics: [...byTopic].map(([name, ps]) => ({
            name,
            partitions: ps.map((partitionIndex) => ({
              partitionIndex,
              currentLeaderEpoch: -1,
              timestamp,
              maxNumOffsets: 1,
            })),
          })),
        });
        for (const topic of response.topics)
          for (const p of topic.partitions) {
            throwIfError(p.errorCode, `ListOffsets ${topic.name}-${p.partitionIndex}`);
            offsets.set(
              `${topic.name}\u0000${p.partitionIndex}`,
              p.oldStyleOffsets.length > 0 ? p.oldStyleOffsets[0]! : p.offset,
            );
          }
      }),
    );
    return offsets;
  }

  /**
   * One Fetch of one partition from `offset`, waiting up to maxWaitMs for data. Under READ_COMMITTED the leader
   * returns data up to the last stable offset and names the aborted transactions in it (abortedTransactions):
   * dropping their records is the reader's work, as in Kafka's consumer.
   */
  async fetch(
    topic: MetadataResponseTopic,
    partition: number,
    offset: bigint,
    options: { maxWaitMs?: number; maxBytes?: number; isolationLevel?: IsolationLevel } = {},
  ): Promise<FetchResponsePartitionData> {
    const connection = await this.leaderOf(topic, partition);
    const response = await connection.request(ApiKey.Fetch, {
      ...apis[ApiKey.Fetch].defaultRequest(),
      replicaId: -1,
      maxWaitMs: options.maxWaitMs ?? 500,
      minBytes: 1,
      maxBytes: options.maxBytes ?? 8 * 1024 * 1024,
      isolationLevel: options.isolationLevel ?? IsolationLevel.READ_UNCOMMITTED,
      sessionId: 0,
      sessionEpoch: -1,
      topics: [
        {
          topic: topic.name!,
          topicId: topic.topicId,
          partitions: [
            {
              partition,
              currentLeaderEpoch: -1,
              fetchOffset: offset,
              lastFetchedEpoch: -1,
              logStartOffset: -1n,
              partitionMaxBytes: options.maxBytes ?? 8 * 1024 * 1024,
              replicaDirectoryId: ZERO_UUID,
            },
          ],
        },
      ],
    });
    throwIfError(response.errorCode, 'Fetch');
    const data = response.responses[0]?.partitions[0];
    if (!data) throw new KafkaError(-1, `no fetch data for ${topic.name}-${partition}`);
    throwIfError(data.errorCode, `Fetch ${topic.name}-${partition} at offset ${offset}`);
    return data;
  }

  // ---- Consumer groups (the admin side: what kafka-consumer-groups.sh does) --------------------------------

  /** The connection to a group's coordinator, found with FindCoordinator. */
  async coordinator(groupId: string): Promise<KafkaConnection> {
    return this.broker(await this.findCoordinator(groupId, CoordinatorType.GROUP));
  }

  /** FindCoordinator: the node id of the coordinator of a group or (TRANSACTION) a transactional id. */
  async findCoordinator(key: string, keyType: number): Promise<number> {
    const response = await (
      await this.any()
    ).request(ApiKey.FindCoordinator, { key, keyType, coordinatorKeys: [key] });
    // v4+ answers per key; older versions answer at the top level.
    const answer = response.coordinators[0] ?? response;
    throwIfError(answer.errorCode, answer.errorMessage ?? `FindCoordinator ${key}`);
    this.brokers.set(answer.nodeId, { nodeId: answer.nodeId, host: answer.host, port: answer.port });
    return answer.nodeId;
  }

  /** Every group of every broker (ListGroups is answered per coordinator). */
  async listGroups(): Promise<{ groupId: string; protocolType: string; state: string }[]> {
    await this.metadata([]);
    const perBroker = await Promise.all(
      [...this.brokers.keys()].map(async (nodeId) => {
        const response = await (
          await this.broker(nodeId)
        ).request(ApiKey.ListGroups, { statesFilter: [], typesFilter: [] });
        throwIfError(response.errorCode, `ListGroups on broker ${nodeId}`);
        return response.groups.map((g) => ({
          groupId: g.groupId,
          protocolType: g.protocolType,
          state: g.groupState,
        }));
      }),
    );
    return perBroker.flat().sort((a, b) => a.groupId.localeCompare(b.groupId));
  }

  /**
   * A group at its coordinator, described as DescribeGroups describes it (state Dead and no members when it
   * does not exist). A group of the consumer protocol (KIP-848), which DescribeGroups does not know, is read with
   * ConsumerGroupDescribe and presented the same way: protocol type "consumer", the assignor as the protocol,
   * and each member's assignment encoded as a ConsumerProtocolAssignment, as Kafka's admin client presents it.
   */
  async describeGroup(groupId: string): Promise<DescribeGroupsResponseDescribedGroup> {
    const coordinator = await this.coordinator(groupId);
    const response = await coordinator.request(ApiKey.DescribeGroups, {
      groups: [groupId],
      includeAuthorizedOperations: false,
    });
    const group = response.groups[0]!;
    if (
      group.errorCode === ErrorCode.GROUP_ID_NOT_FOUND &&
      coordinator.supports(ApiKey.ConsumerGroupDescribe)
    ) {
      const described = (
        await coordinator.request(ApiKey.ConsumerGroupDescribe, {
          groupIds: [groupId],
          includeAuthorizedOperations: false,
        })
      ).groups[0]!;
      throwIfError(described.errorCode, described.errorMessage ?? `ConsumerGroupDescribe ${groupId}`);
      return {
        errorCode: ErrorCode.NONE,
        groupId,
        groupState: described.groupState,
        protocolType: 'consumer',
        protocolData: described.assignorName,
        members: described.members.map((m) => {
          const assignment = new Writer(64);
          assignment.int16(0);
          encodeConsumerProtocolAssignment(
            assignment,
            {
              assignedPartitions: m.assignment.topicPartitions.map((t) => ({
                topic: t.topicName,
                partitions: t.partitions,
              })),
              userData: null,
            },
            0,
          );
          return {
            memberId: m.memberId,
            groupInstanceId: m.instanceId,
            clientId: m.clientId,
            clientHost: m.clientHost,
            memberMetadata: Buffer.alloc(0),
            memberAssignment: assignment.finish(),
          };
        }),
        authorizedOperations: described.authorizedOperations,
      };
    }
    throwIfError(group.errorCode, `DescribeGroups ${groupId}`);
    return group;
  }

  /** A group's committed offsets, every partition it has one for. */
  async fetchOffsets(
    groupId: string,
  ): Promise<{ topic: string; partition: number; offset: bigint; metadata: string | null }[]> {
    const response = await (
      await this.coordinator(groupId)
    ).request(ApiKey.OffsetFetch, {
      groupId,
      topics: null,
      groups: [{ groupId, memberId: null, memberEpoch: -1, topics: null }],
      requireStable: false,
    });
    // v8+ answers per group; older versions at the top level.
    const group = response.groups[0] ?? { errorCode: response.errorCode, topics: response.topics };
    throwIfError(group.errorCode, `OffsetFetch ${groupId}`);
    return group.topics.flatMap((t) =>
      t.partitions
        .filter((p) => p.committedOffset >= 0n)
        .map((p) => {
          throwIfError(p.errorCode, `OffsetFetch ${groupId} ${t.name}-${p.partitionIndex}`);
          return {
            topic: t.name,
            partition: p.partitionIndex,
            offset: p.committedOffset,
            metadata: p.metadata,
          };
        }),
    );
  }

  /**
   * Commits offsets from outside the group protocol (generation -1, no member id), as admin tools do; the
   * coordinator accepts this only while the group has no members. Throws on the first partition refused.
   */
  async commitOffsets(groupId: string, offsets: { topic: string; partition: number; offset: bigint }[]) {
    const byTopic = new Map<string, { partition: number; offset: bigint }[]>();
    for (const o of offsets) byTopic.set(o.topic, [...(byTopic.get(o.topic) ?? []), o]);
    const response = await (
      await this.coordinator(groupId)
    ).request(ApiKey.OffsetCommit, {
      groupId,
      generationIdOrMemberEpoch: -1,
      memberId: '',
      groupInstanceId: null,
      retentionTimeMs: -1n,
      topics: [...byTopic].map(([name, partitions]) => ({
        name,
        partitions: partitions.map((p) => ({
          partitionIndex: p.partition,
          committedOffset: p.offset,
          committedLeaderEpoch: -1,
          commitTimestamp: -1n,
          committedMetadata: null,
        })),
      })),
    });
    for (const topic of response.topics)
      for (const p of topic.partitions)
        throwIfError(p.errorCode, `OffsetCommit ${groupId} ${topic.name}-${p.partitionIndex}`);
  }

  /** DeleteGroups; resolves with each group's error code (0 when deleted). */
  async deleteGroups(groupIds: string[]): Promise<Map<string, number>> {
    const results = new Map<string, number>();
    for (const groupId of groupIds) {
      const response = await (
        await this.coordinator(groupId)
      ).request(ApiKey.DeleteGroups, { groupsNames: [groupId] });
      results.set(groupId, response.results[0]?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR);
    }
    return results;
  }

  /** The addresses of the live brokers as of the last Metadata. */
  knownBrokers(): BrokerAddress[] {
    return [...this.brokers.values()];
  }

  /**
   * DescribeQuorum of the metadata quorum (`__cluster_metadata`-0): leader, epoch, high watermark, voters and
   * observers. Brokers forward it to the quorum leader (KIP-836), so any broker answers.
   */
  async describeQuorum() {
    const response = await (
      await this.any()
    ).request(ApiKey.DescribeQuorum, {
      topics: [{ topicName: '__cluster_metadata', partitions: [{ partitionIndex: 0 }] }],
    });
    throwIfError(response.errorCode, response.errorMessage);
    const partition = response.topics[0]?.partitions[0];
    if (!partition) throw new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, 'DescribeQuorum gave no partition');
    throwIfError(partition.errorCode, partition.errorMessage);
    return partition;
  }

  /** DescribeLogDirs of one broker (every partition it holds). */
  async describeLogDirs(nodeId: number) {
    const response = await (await this.broker(nodeId)).request(ApiKey.DescribeLogDirs, { topics: null });
    throwIfError(response.errorCode);
    return response.results;
  }

  /**
   * Each partition's log end offset in the replica a broker holds: ListOffsets(latest) as a debugging tool
   * (replica id -2), which Kafka answers from followers too, with the log end offset rather than the high
   * watermark. Partitions the broker refuses (it holds no replica) are left out.
   */
  async replicaLogEndOffsets(
    nodeId: number,
    partitions: { topic: string; partition: number }[],
  ): Promise<Map<string, bigint>> {
    const byTopic = new Map<string, number[]>();
    for (const { topic, partition } of partitions)
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
    const response = await (
      await this.broker(nodeId)
    ).request(ApiKey.ListOffsets, {
      replicaId: -2,
      isolationLevel: IsolationLevel.READ_UNCOMMITTED,
      timeoutMs: 30_000,
      topics: [...byTopic].map(([name, ps]) => ({
        name,
        partitions: ps.map((partitionIndex) => ({
          partitionIndex,
          currentLeaderEpoch: -1,
          timestamp: -1n,
          maxNumOffsets: 1,
        })),
      })),
    });
    const offsets = new Map<string, bigint>();
    for (const topic of response.topics)
      for (const p of topic.partitions)
        if (p.errorCode === ErrorCode.NONE)
          offsets.set(
            `${topic.name}\u0000${p.partitionIndex}`,
            p.oldStyleOffsets.length > 0 ? p.oldStyleOffsets[0]! : p.offset,
          );
    return offsets;
  }

  close(): void {
    this.bootstrapConnection?.close();
    void this.connecting?.then(
      (c) => c.close(),
      () => undefined,
    );
    for (const connection of this.brokerConnections.values())
      void connection.then(
        (c) => c.close(),
        () => undefined,
      );
    this.brokerConnections.clear();
  }
}
