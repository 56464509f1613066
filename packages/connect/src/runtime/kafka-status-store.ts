/**
 * Connector and task statuses in `status.storage.topic` (KafkaStatusBackingStore): each worker writes the
 * state of what it runs, keyed `status-connector-<name>` / `status-task-<name>-<n>`, and every worker reads
 * the whole topic to answer status requests. A worker's own writes are visible to it at once; others' once read.
 */
import type { ClusterClient } from '@sluice/client';
import { KafkaBasedLog, type KafkaBasedLogTopic } from './kafka-based-log.ts';
import type { RecordProducer } from './kafka-clients.ts';
import type { ConnectorTaskId } from './herder.ts';
import {
  connectorStatusKey,
  decodeStatusRecord,
  encodeStatus,
  taskStatusKey,
  type Status,
} from './distributed/index.ts';

const idKey = (id: ConnectorTaskId): string => `${id.connector}-${id.task}`;

export class KafkaStatusStore {
  private readonly log: KafkaBasedLog;
  private readonly connectors = new Map<string, Status>();
  private readonly tasks = new Map<string, Status>();

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
      else this.tasks.set(idKey(record.id), record.status);
    }
  }

  connector(name: string): Status | undefined {
    return this.connectors.get(name);
  }

  task(id: ConnectorTaskId): Status | undefined {
    return this.tasks.get(idKey(id));
  }

  putConnector(name: string, status: Status): void {
    this.connectors.set(name, status);
    void this.log
      .send(Buffer.from(connectorStatusKey(name)), encodeStatus(status))
      .catch((error: unknown) =>
        this.logger('warn', `Could not write the status of connector ${name}: ${(error as Error).message}`),
      );
  }

  putTask(id: ConnectorTaskId, status: Status): void {
    this.tasks.set(idKey(id), status);
    void this.log
      .send(Buffer.from(taskStatusKey(id)), encodeStatus(status))
      .catch((error: unknown) =>
        this.logger('warn', `Could not write the status of task ${idKey(id)}: ${(error as Error).message}`),
      );
  }
}
