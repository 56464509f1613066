/**
 * Connector and task statuses in `status.storage.topic` (KafkaStatusBackingStore): each worker writes the
 * state of what it runs, keyed `status-connector-<name>` / `status-task-<name>-<n>`, and every worker reads
 * the whole topic to answer status requests. A worker's own writes are visible to it at once; others' once read.
 *
 * A safe write (KafkaStatusBackingStore.putSafe, for UNASSIGNED on shutdown) is skipped when another worker has
 * written the status in a later generation: the task's new owner, whose status must not be overwritten. A
 * deleted connector's statuses (its topics' included) are removed with tombstones.
 */
import type { ClusterClient } from '@sluice/client';
import { KafkaBasedLog, type KafkaBasedLogTopic } from './kafka-based-log.ts';
import type { RecordProducer } from './kafka-clients.ts';
import type { ConnectorTaskId } from './herder.ts';
import {
  connectorStatusKey,
  decodeStatusRecord,
  encodeStatus,
  encodeTopicStatus,
  taskStatusKey,
  topicStatusKey,
  type Status,
  type TopicStatus,
} from './distributed/index.ts';
import { MemoryTopicStatusStore, type TopicStatusStore } from './topic-status-store.ts';

const idKey = (id: ConnectorTaskId): string => `${id.connector}-${id.task}`;

export class KafkaStatusStore implements TopicStatusStore {
  private readonly log: KafkaBasedLog;
  private readonly connectors = new Map<string, Status>();
  private readonly tasks = new Map<string, { id: ConnectorTaskId; status: Status }>();
  /** What this worker has read and written of the connectors' active topics. */
  private readonly topicStatuses = new MemoryTopicStatusStore();

  constructor(
    client: ClusterClient,
    topic: KafkaBasedLogTopic,
    producer: RecordProducer,
    private readonly logger: (level: 'info' | 'warn' | 'error', message: string) => void,
  ) {
    this.log = new KafkaBasedLog(
      client,
      topic,
      producer,
      (record) => this.apply(record.key, record.value),
      logger,
    );
  }

  start(): Promise<void> {
    return this.log.start();
  }

  stop(): Promise<void> {
    return this.log.stop();
  }

  /** Resolves once every status written before the call has been read. */
  readToEnd(): Promise<void> {
    return this.log.readToEnd();
  }

  private apply(key: Buffer | null, value: Buffer | null): void {
    if (key === null) return;
    const record = decodeStatusRecord(key, value);
    if (record.type === 'connector-status') {
      if (record.status === null) this.connectors.delete(record.connector);
      else this.connectors.set(record.connector, record.status);
    } else if (record.type === 'task-status') {
      if (record.status === null) this.tasks.delete(idKey(record.id));
      else this.tasks.set(idKey(record.id), { id: record.id, status: record.status });
    } else if (record.type === 'topic-status') {
      if (record.status === null) this.topicStatuses.deleteTopic(record.connector, record.topic);
      else
        this.topicStatuses.putTopic({ ...record.status, topic: record.topic, connector: record.connector });
    }
  }

  connector(name: string): Status | undefined {
    return this.connectors.get(name);
  }

  task(id: ConnectorTaskId): Status | undefined {
    return this.tasks.get(idKey(id))?.status;
  }

  putConnector(name: string, status: Status): void {
    this.connectors.set(name, status);
    this.write(connectorStatusKey(name), encodeStatus(status), `connector ${name}`);
  }

  putTask(id: ConnectorTaskId, status: Status): void {
    this.tasks.set(idKey(id), { id, status });
    this.write(taskStatusKey(id), encodeStatus(status), `task ${idKey(id)}`);
  }

  putConnectorSafe(name: string, status: Status): void {
    if (canWriteSafely(this.connectors.get(name), status)) this.putConnector(name, status);
  }

  putTaskSafe(id: ConnectorTaskId, status: Status): void {
    if (canWriteSafely(this.tasks.get(idKey(id))?.status, status)) this.putTask(id, status);
  }

  topic(connector: string, topic: string): TopicStatus | undefined {
    return this.topicStatuses.topic(connector, topic);
  }

  topics(connector: string): TopicStatus[] {
    return this.topicStatuses.topics(connector);
  }

  putTopic(status: TopicStatus): void {
    this.topicStatuses.putTopic(status);
    const key = topicStatusKey(status.topic, status.connector);
    this.write(key, encodeTopicStatus(status), `topic ${status.topic} of connector ${status.connector}`);
  }

  deleteTopic(connector: string, topic: string): void {
    this.topicStatuses.deleteTopic(connector, topic);
    this.write(topicStatusKey(topic, connector), null, `topic ${topic} of connector ${connector}`);
  }

  /**
   * Tombstones for a deleted connector's status, the statuses of every task of it this worker has read, and
   * its active topics.
   */
  removeConnector(name: string): void {
    this.connectors.delete(name);
    this.write(connectorStatusKey(name), null, `connector ${name}`);
    for (const [key, { id }] of this.tasks) {
      if (id.connector !== name) continue;
      this.tasks.delete(key);
      this.write(taskStatusKey(id), null, `task ${key}`);
    }
    for (const { topic } of this.topics(name)) this.deleteTopic(name, topic);
  }

  private write(key: string, value: Buffer | null, what: string): void {
    void this.log
      .send(Buffer.from(key), value)
      .catch((error: unknown) =>
        this.logger('warn', `Could not write the status of ${what}: ${(error as Error).message}`),
      );
  }
}

/** KafkaStatusBackingStore's CacheEntry.canWriteSafely. */
function canWriteSafely(current: Status | undefined, status: Status): boolean {
  return (
    current === undefined || current.workerId === status.workerId || current.generation <= status.generation
  );
}
