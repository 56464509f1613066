/**
 * Partition reassignment over Kafka's APIs (KIP-455), as kafka-reassign-partitions.sh drives it:
 * AlterPartitionReassignments (a target replica set, or null to cancel) and ListPartitionReassignments at the
 * controller (any broker forwards them), replication throttles with IncrementalAlterConfigs (KIP-73), and each
 * replica's log size from DescribeLogDirs at its broker.
 *
 * Throttles, as Kafka's tool sets them with --execute --throttle B: `leader.replication.throttled.rate` and
 * `follower.replication.throttled.rate` = B on every broker the partition touches, and on the topic
 * `leader.replication.throttled.replicas` (the current replicas) and `follower.replication.throttled.replicas`
 * (the replicas being added), as "partition:broker" lists.
 */
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { KafkaError, throwIfError, type ClusterClient } from './cluster-client.ts';

const OP_SET = 0;
const OP_DELETE = 1;
const RESOURCE_TOPIC = 2;
const RESOURCE_BROKER = 4;
export const BROKER_THROTTLE_RATES = [
  'leader.replication.throttled.rate',
  'follower.replication.throttled.rate',
] as const;
export const TOPIC_THROTTLED_REPLICAS = [
  'leader.replication.throttled.replicas',
  'follower.replication.throttled.replicas',
] as const;

export interface ReassignmentMove {
  topic: string;
  partition: number;
  /** The target replicas; null cancels the partition's ongoing reassignment. */
  replicas: number[] | null;
}

export interface OngoingReassignment {
  topic: string;
  partition: number;
  replicas: number[];
  addingReplicas: number[];
  removingReplicas: number[];
}

/** A partition AlterPartitionReassignments refused, with Kafka's error. */
export interface ReassignmentFailure {
  topic: string;
  partition: number;
  errorCode: number;
  errorMessage: string | null;
}

/**
 * Sends AlterPartitionReassignments and answers with the partitions it refused (none when all were taken); a
 * request-level error is thrown (KafkaError).
 */
export async function requestPartitionReassignments(
  client: ClusterClient,
  moves: readonly ReassignmentMove[],
): Promise<ReassignmentFailure[]> {
  const byTopic = new Map<string, { partitionIndex: number; replicas: number[] | null }[]>();
  for (const m of moves)
    byTopic.set(m.topic, [
      ...(byTopic.get(m.topic) ?? []),
      { partitionIndex: m.partition, replicas: m.replicas },
    ]);
  const response = await (
    await client.any()
  ).request(ApiKey.AlterPartitionReassignments, {
    timeoutMs: 30_000,
    topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })),
  });
  throwIfError(response.errorCode, response.errorMessage);
  return response.responses.flatMap((topic) =>
    topic.partitions
      .filter((p) => p.errorCode !== ErrorCode.NONE)
      .map((p) => ({
        topic: topic.name,
        partition: p.partitionIndex,
        errorCode: p.errorCode,
        errorMessage: p.errorMessage,
      })),
  );
}

/** Sends AlterPartitionReassignments; throws the first partition's error (as KafkaError) when one failed. */
export async function alterPartitionReassignments(
  client: ClusterClient,
  moves: readonly ReassignmentMove[],
): Promise<void> {
  const [failure] = await requestPartitionReassignments(client, moves);
  if (failure)
    throw new KafkaError(failure.errorCode, failure.errorMessage ?? `${failure.topic}-${failure.partition}`);
}

/** ListPartitionReassignments for `topics` (every ongoing one when null). */
export async function listPartitionReassignments(
  client: ClusterClient,
  topics: { name: string; partitionIndexes: number[] }[] | null,
): Promise<OngoingReassignment[]> {
  const response = await (
    await client.any()
  ).request(ApiKey.ListPartitionReassignments, { timeoutMs: 30_000, topics });
  throwIfError(response.errorCode, response.errorMessage);
  return response.topics.flatMap((t) =>
    t.partitions.map((p) => ({
      topic: t.name,
      partition: p.partitionIndex,
      replicas: p.replicas,
      addingReplicas: p.addingReplicas,
      removingReplicas: p.removingReplicas,
    })),
  );
}

async function alterConfigs(
  client: ClusterClient,
  resources: { resourceType: number; resourceName: string; configs: [string, string | null][] }[],
): Promise<void> {
  if (resources.length === 0) return;
  const response = await (
    await client.any()
  ).request(ApiKey.IncrementalAlterConfigs, {
    validateOnly: false,
    resources: resources.map(({ resourceType, resourceName, configs }) => ({
      resourceType,
      resourceName,
      configs: configs.map(([name, value]) => ({
        name,
        configOperation: value === null ? OP_DELETE : OP_SET,
        value,
      })),
    })),
  });
  for (const result of response.responses) throwIfError(result.errorCode, result.errorMessage);
}

/**
 * Sets the throttles for moving partitions from their `current` to their `target` replicas at `rate` bytes/s:
 * the rates on every broker involved, and per topic the current replicas (leader side) and the added ones
 * (follower side).
 */
export async function setReassignmentThrottles(
  client: ClusterClient,
  moves: readonly { topic: string; partition: number; current: number[]; target: number[] }[],
  rate: number,
): Promise<void> {
  const brokers = [...new Set(moves.flatMap((m) => [...m.current, ...m.target]))].sort((a, b) => a - b);
  const topics = new Map<string, { leader: string[]; follower: string[] }>();
  for (const m of moves) {
    const lists = topics.get(m.topic) ?? { leader: [], follower: [] };
    lists.leader.push(...m.current.map((b) => `${m.partition}:${b}`));
    lists.follower.push(...m.target.filter((b) => !m.current.includes(b)).map((b) => `${m.partition}:${b}`));
    topics.set(m.topic, lists);
  }
  await alterConfigs(client, [
    ...brokers.map((id) => ({
      resourceType: RESOURCE_BROKER,
      resourceName: String(id),
      configs: BROKER_THROTTLE_RATES.map((name): [string, string] => [name, String(rate)]),
    })),
    ...[...topics].map(([topic, lists]) => ({
      resourceType: RESOURCE_TOPIC,
      resourceName: topic,
      configs: [
        [TOPIC_THROTTLED_REPLICAS[0], lists.leader.join(',')],
        [TOPIC_THROTTLED_REPLICAS[1], lists.follower.join(',')],
      ] as [string, string][],
    })),
  ]);
}

/**
 * Removes both throttle rates from every broker and both throttled-replica lists from `topics`; answers with the
 * brokers' ids.
 */
export async function clearReassignmentThrottles(client: ClusterClient, topics: string[]): Promise<number[]> {
  const metadata = await client.metadata([]);
  const brokers = metadata.brokers.map((b) => b.nodeId).sort((a, b) => a - b);
  await alterConfigs(client, [
    ...brokers.map((id) => ({
      resourceType: RESOURCE_BROKER,
      resourceName: String(id),
      configs: BROKER_THROTTLE_RATES.map((name): [string, null] => [name, null]),
    })),
    ...topics.map((topic) => ({
      resourceType: RESOURCE_TOPIC,
      resourceName: topic,
      configs: TOPIC_THROTTLED_REPLICAS.map((name): [string, null] => [name, null]),
    })),
  ]);
  return brokers;
}

export interface ReplicaLogDir {
  broker: number;
  sizeBytes: number;
  offsetLag: number;
  isFuture: boolean;
}

/**
 * The partition's replica logs on every live broker (DescribeLogDirs for that one partition), by broker id; a
 * broker without the partition is left out, one that does not answer too.
 */
export async function describeReplicaLogDirs(
  client: ClusterClient,
  topic: string,
  partition: number,
): Promise<ReplicaLogDir[]> {
  const metadata = await client.metadata([]);
  const found = await Promise.all(
    metadata.brokers.map(async ({ nodeId }) => {
      try {
        const response = await (
          await client.broker(nodeId)
        ).request(ApiKey.DescribeLogDirs, { topics: [{ topic, partitions: [partition] }] });
        return response.results.flatMap((dir) =>
          dir.errorCode !== ErrorCode.NONE
            ? []
            : dir.topics
                .filter((t) => t.name === topic)
                .flatMap((t) =>
                  t.partitions
                    .filter((p) => p.partitionIndex === partition)
                    .map((p) => ({
                      broker: nodeId,
                      sizeBytes: Number(p.partitionSize),
                      offsetLag: Number(p.offsetLag),
                      isFuture: p.isFutureKey,
                    })),
                ),
        );
      } catch {
        return [];
      }
    }),
  );
  return found.flat().sort((a, b) => a.broker - b.broker);
}
