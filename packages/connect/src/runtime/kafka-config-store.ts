/**
 * Connector configs, task configs, target states and restart requests in `config.storage.topic`
 * (KafkaConfigBackingStore): one partition, so every worker applies the same history in the same order.
 * Records are read into a ConfigTopicState; each change it reports is handed to `onUpdate`, and `snapshot`
 * is the state as of the last record read.
 *
 * Invariant: a connector's task configs become visible together, when their `commit-<connector>` record is
 * read, never one by one (ConfigTopicState defers them until then).
 */
import type { ClusterClient } from '@sluice/client';
import { KafkaBasedLog, type KafkaBasedLogTopic } from './kafka-based-log.ts';
import type { RecordProducer } from './kafka-clients.ts';
import type { ConnectorProps, RestartRequest, TargetState } from './herder.ts';
import {
  ClusterConfigState,
  ConfigTopicState,
  commitTasksKey,
  connectorKey,
  encodeConnectorConfig,
  encodeRestartRequest,
  encodeTargetState,
  encodeTaskConfig,
  encodeTasksCommit,
  restartKey,
  targetStateKey,
  taskKey,
  type ConfigUpdate,
} from './distributed/index.ts';

export class KafkaConfigStore {
  private readonly log: KafkaBasedLog;
  private readonly topicState = new ConfigTopicState();
  private current: ClusterConfigState = ClusterConfigState.EMPTY;

  constructor(
    client: ClusterClient,
    topic: KafkaBasedLogTopic,
    producer: RecordProducer,
    private readonly onUpdate: (update: ConfigUpdate) => void,
    logger: (level: 'info' | 'warn' | 'error', message: string) => void,
  ) {
    this.log = new KafkaBasedLog(
      client,
      topic,
      producer,
      (record) => {
        if (record.key === null) return;
        const update = this.topicState.apply(Number(record.offset), record.key, record.value);
        this.current = this.topicState.snapshot();
        if (update !== null) this.onUpdate(update);
      },
      logger,
    );
  }

  /** The configs as of the last record read. */
  get snapshot(): ClusterConfigState {
    return this.current;
  }

  start(): Promise<void> {
    return this.log.start();
  }

  stop(): Promise<void> {
    return this.log.stop();
  }

  /** The snapshot once every record written before the call has been read. */
  async readToEnd(): Promise<ClusterConfigState> {
    await this.log.readToEnd();
    return this.current;
  }

  async putConnectorConfig(
    name: string,
    config: ConnectorProps,
    initialState: TargetState | null,
  ): Promise<void> {
    if (initialState !== null) await this.putTargetState(name, initialState);
    await this.log.send(Buffer.from(connectorKey(name)), encodeConnectorConfig(config));
  }

  async removeConnector(name: string): Promise<void> {
    await this.log.send(Buffer.from(connectorKey(name)), null);
    await this.log.send(Buffer.from(targetStateKey(name)), null);
  }

  async putTargetState(name: string, state: TargetState): Promise<void> {
    await this.log.send(Buffer.from(targetStateKey(name)), encodeTargetState(state));
  }

  /** Each `task-<connector>-<n>` record, then `commit-<connector>` with the count, which makes them visible. */
  async putTaskConfigs(connector: string, configs: readonly ConnectorProps[]): Promise<void> {
    await Promise.all(
      configs.map((config, task) =>
        this.log.send(Buffer.from(taskKey({ connector, task })), encodeTaskConfig(config)),
      ),
    );
    await this.log.send(Buffer.from(commitTasksKey(connector)), encodeTasksCommit(configs.length));
  }

  async putRestartRequest(request: RestartRequest): Promise<void> {
    await this.log.send(
      Buffer.from(restartKey(request.connector)),
      encodeRestartRequest({ includeTasks: request.includeTasks, onlyFailed: request.onlyFailed }),
    );
  }
}

const taskName = (id: { connector: string; task: number }): string => `${id.connector}-${id.task}`;

/** A config topic change, for the log. */
export function describeConfigUpdate(update: ConfigUpdate): string {
  switch (update.type) {
    case 'task-config-update':
      return `task configs of ${update.tasks.map(taskName).join(', ') || 'none'}`;
    case 'restart-request':
      return `restart of ${update.request.connector}`;
    case 'session-key-update':
      return 'session key';
    case 'logging-level-update':
      return `log level of ${update.namespace}`;
    default:
      return `${update.type} ${update.connector}`;
  }
}
