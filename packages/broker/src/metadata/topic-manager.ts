/**
 * Topic lifecycle with Kafka's validation rules and error codes: create (validate-only too), delete, add
 * partitions, alter configs. Keeps the registry (metadata) and the log manager (data) in step: metadata is
 * written first on create, last on delete, so a crash never leaves data that the metadata does not own.
 */
import { ErrorCode } from '@sluice/protocol';
import { ConfigError } from '../config/config-def.ts';
import { validateConfigs, type BrokerConfigStore } from '../config/config-store.ts';
import { resolveLogConfig, type LogConfig } from '../config/log-config.ts';
import { TOPIC_CONFIGS } from '../config/topic-configs.ts';
import type { LogManager } from '../storage/log-manager.ts';
import type { PartitionLog } from '../storage/partition-log.ts';
import {
  topicNameProblem,
  type PartitionMetadata,
  type TopicMetadata,
  type TopicRegistry,
} from './topic-registry.ts';

export interface TopicResult {
  errorCode: number;
  errorMessage: string | null;
}

export interface CreateTopicRequest {
  name: string;
  /** -1: num.partitions. */
  numPartitions: number;
  /** -1: default.replication.factor. */
  replicationFactor: number;
  /** Explicit replica assignment by partition index (empty for automatic). */
  assignments: { partitionIndex: number; brokerIds: number[] }[];
  configs: Map<string, string>;
  validateOnly: boolean;
  isInternal?: boolean;
}

export interface CreateTopicResult extends TopicResult {
  topic: TopicMetadata | null;
  numPartitions: number;
  replicationFactor: number;
}

const ok: TopicResult = { errorCode: ErrorCode.NONE, errorMessage: null };
const fail = (errorCode: number, errorMessage: string): TopicResult => ({ errorCode, errorMessage });

export class TopicManager {
  private readonly logConfigs = new Map<string, LogConfig>();

  constructor(
    private readonly registry: TopicRegistry,
    private readonly logs: LogManager,
    private readonly config: BrokerConfigStore,
    /** Ids of the brokers that can hold replicas. */
    private readonly liveBrokerIds: () => number[],
  ) {}

  logConfig(topic: TopicMetadata): LogConfig {
    let resolved = this.logConfigs.get(topic.name);
    if (!resolved) {
      resolved = resolveLogConfig(this.config, topic.configs);
      this.logConfigs.set(topic.name, resolved);
    }
    return resolved;
  }

  /** Opens the logs of every partition this broker leads; called once at start. */
  loadLogs(): void {
    this.logs.cleanDeletedDirectories();
    this.logs.loadAll(
      this.registry.list().flatMap((topic) =>
        topic.partitions.map((p) => ({
          topic: topic.name,
          partition: p.partitionIndex,
          config: this.logConfig(topic),
        })),
      ),
    );
  }

  partitionLog(topic: string, partition: number): PartitionLog | undefined {
    return this.logs.get(topic, partition);
  }

  private validateConfigs(configs: Map<string, string>): TopicResult {
    try {
      validateConfigs(TOPIC_CONFIGS, configs, 'topic');
      return ok;
    } catch (error) {
      if (error instanceof ConfigError) return fail(ErrorCode.INVALID_CONFIG, error.message);
      throw error;
    }
  }

  createTopic(request: CreateTopicRequest): CreateTopicResult {
    const result = (r: TopicResult, partitions = -1, replication = -1): CreateTopicResult => ({
      ...r,
      topic: null,
      numPartitions: partitions,
      replicationFactor: replication,
    });
    const problem = topicNameProblem(request.name);
    if (problem) return result(fail(ErrorCode.INVALID_TOPIC_EXCEPTION, problem));
    if (this.registry.get(request.name)) {
      return result(fail(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${request.name}' already exists.`));
    }
    const collision = this.registry.collidingWith(request.name);
    if (collision) {
      return result(
        fail(
          ErrorCode.INVALID_TOPIC_EXCEPTION,
          `Topic '${request.name}' collides with existing topic: ${collision.name}`,
        ),
      );
    }
    const brokers = this.liveBrokerIds();
    let replicas: number[][];
    if (request.assignments.length > 0) {
      if (request.numPartitions !== -1 || request.replicationFactor !== -1) {
        return result(
          fail(
            ErrorCode.INVALID_REQUEST,
            'Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.',
          ),
        );
      }
      const sorted = [...request.assignments].sort((a, b) => a.partitionIndex - b.partitionIndex);
      const problemText = this.assignmentProblem(sorted, 0, brokers);
      if (problemText) return result(fail(ErrorCode.INVALID_REPLICA_ASSIGNMENT, problemText));
      replicas = sorted.map((a) => a.brokerIds);
    } else {
      const numPartitions =
        request.numPartitions === -1 ? this.config.getNumber('num.partitions') : request.numPartitions;
      const replicationFactor =
        request.replicationFactor === -1
          ? this.config.getNumber('default.replication.factor')
          : request.replicationFactor;
      if (numPartitions <= 0) {
        return result(fail(ErrorCode.INVALID_PARTITIONS, 'Number of partitions must be larger than 0.'));
      }
      if (replicationFactor <= 0) {
        return result(
          fail(ErrorCode.INVALID_REPLICATION_FACTOR, 'Replication factor must be larger than 0.'),
        );
      }
      if (replicationFactor > brokers.length) {
        return result(
          fail(
            ErrorCode.INVALID_REPLICATION_FACTOR,
            `Unable to replicate the partition ${replicationFactor} time(s): The target replication factor of ` +
              `${replicationFactor} cannot be reached because only ${brokers.length} broker(s) are registered.`,
          ),
        );
      }
      replicas = Array.from({ length: numPartitions }, (_, p) =>
        Array.from({ length: replicationFactor }, (_, r) => brokers[(p + r) % brokers.length]!),
      );
    }
    const configCheck = this.validateConfigs(request.configs);
    if (configCheck.errorCode !== ErrorCode.NONE) return result(configCheck);
    const numPartitions = replicas.length;
    const replicationFactor = replicas[0]?.length ?? 0;
    if (request.validateOnly) return result(ok, numPartitions, replicationFactor);

    const topic = this.registry.create({
      name: request.name,
      isInternal: request.isInternal ?? false,
      partitions: replicas.map((brokerIds, partitionIndex) => this.newPartition(partitionIndex, brokerIds)),
      configs: new Map(request.configs),
    });
    const logConfig = this.logConfig(topic);
    try {
      for (const partition of topic.partitions)
        this.logs.create(topic.name, partition.partitionIndex, logConfig);
    } catch (error) {
      // Out of file descriptors or disk space: the topic must not exist half-made. Kafka answers a failed
      // log directory with KAFKA_STORAGE_ERROR.
      this.registry.delete(topic.name);
      this.logConfigs.delete(topic.name);
      for (const partition of topic.partitions) this.logs.delete(topic.name, partition.partitionIndex);
      return result(
        fail(
          ErrorCode.KAFKA_STORAGE_ERROR,
          `Cannot create the logs of topic ${topic.name}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
    return { ...ok, topic, numPartitions, replicationFactor };
  }

  private newPartition(partitionIndex: number, replicas: number[]): PartitionMetadata {
    return {
      partitionIndex,
      leaderId: replicas[0]!,
      leaderEpoch: 0,
      replicas: [...replicas],
      isr: [...replicas],
    };
  }

  private assignmentProblem(
    assignments: { partitionIndex: number; brokerIds: number[] }[],
    firstIndex: number,
    brokers: number[],
  ): string | null {
    for (const [i, assignment] of assignments.entries()) {
      if (assignment.partitionIndex !== firstIndex + i) {
        return `Partitions should be a consecutive 0-based integer sequence, but got ${assignments
          .map((a) => a.partitionIndex)
          .join(', ')}.`;
      }
      if (assignment.brokerIds.length === 0)
        return `Replica assignment of partition ${assignment.partitionIndex} is empty.`;
      if (new Set(assignment.brokerIds).size !== assignment.brokerIds.length) {
        return `Duplicate brokers not allowed in replica assignment: ${assignment.brokerIds.join(', ')} for partition id ${assignment.partitionIndex}.`;
      }
      const unknown = assignment.brokerIds.find((id) => !brokers.includes(id));
      if (unknown !== undefined) {
        return `The manual partition assignment includes broker ${unknown}, but no such broker is registered.`;
      }
      if (assignment.brokerIds.length !== assignments[0]!.brokerIds.length) {
        return 'All partitions should have the same number of replicas.';
      }
    }
    return null;
  }

  deleteTopic(name: string): TopicResult {
    const topic = this.registry.get(name);
    if (!topic)
      return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'This server does not host this topic-partition.');
    if (!this.config.get<boolean>('delete.topic.enable')) {
      return fail(ErrorCode.TOPIC_DELETION_DISABLED, 'Topic deletion is disabled.');
    }
    this.registry.delete(name);
    this.logConfigs.delete(name);
    for (const partition of topic.partitions) this.logs.delete(name, partition.partitionIndex);
    return ok;
  }

  createPartitions(
    name: string,
    count: number,
    assignments: number[][] | null,
    validateOnly: boolean,
  ): TopicResult {
    const topic = this.registry.get(name);
    if (!topic) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `The topic '${name}' does not exist.`);
    const current = topic.partitions.length;
    if (count < current) {
      return fail(
        ErrorCode.INVALID_PARTITIONS,
        `Topic currently has ${current} partitions, which is higher than the requested ${count}.`,
      );
    }
    if (count === current) {
      return fail(ErrorCode.INVALID_PARTITIONS, `Topic already has ${current} partitions.`);
    }
    const brokers = this.liveBrokerIds();
    const replicationFactor = topic.partitions[0]?.replicas.length ?? 1;
    let replicas: number[][];
    if (assignments) {
      if (assignments.length !== count - current) {
        return fail(
          ErrorCode.INVALID_REPLICA_ASSIGNMENT,
          `Increasing the number of partitions by ${count - current} but ${assignments.length} assignments provided.`,
        );
      }
      const problem = this.assignmentProblem(
        assignments.map((brokerIds, i) => ({ partitionIndex: current + i, brokerIds })),
        current,
        brokers,
      );
      if (problem) return fail(ErrorCode.INVALID_REPLICA_ASSIGNMENT, problem);
      replicas = assignments;
    } else {
      replicas = Array.from({ length: count - current }, (_, i) =>
        Array.from({ length: replicationFactor }, (_, r) => brokers[(current + i + r) % brokers.length]!),
      );
    }
    if (validateOnly) return ok;
    const added = replicas.map((brokerIds, i) => this.newPartition(current + i, brokerIds));
    this.registry.addPartitions(name, added);
    for (const partition of added) this.logs.create(name, partition.partitionIndex, this.logConfig(topic));
    return ok;
  }

  /** Replaces (AlterConfigs) or edits (IncrementalAlterConfigs, via the caller) a topic's overrides. */
  setTopicConfigs(name: string, configs: Map<string, string>, validateOnly: boolean): TopicResult {
    const topic = this.registry.get(name);
    if (!topic) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `The topic '${name}' does not exist.`);
    const check = this.validateConfigs(configs);
    if (check.errorCode !== ErrorCode.NONE || validateOnly) return check;
    this.registry.setConfigs(name, new Map(configs));
    this.logConfigs.delete(name);
    this.refreshLogConfigs(topic);
    return ok;
  }

  /** Re-resolves every topic's log config after a broker-level change. */
  refreshAllLogConfigs(): void {
    this.logConfigs.clear();
    for (const topic of this.registry.list()) this.refreshLogConfigs(topic);
  }

  private refreshLogConfigs(topic: TopicMetadata): void {
    const config = this.logConfig(topic);
    for (const partition of topic.partitions)
      this.logs.get(topic.name, partition.partitionIndex)?.updateConfig(config);
  }
}
