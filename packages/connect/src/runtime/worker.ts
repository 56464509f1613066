/**
 * The worker (org.apache.kafka.connect.runtime.Worker): runs the connectors and tasks a herder assigns to it.
 * It instantiates plugins by class name or alias, gives each task its own converters (the connector's when
 * it names them, with the connector's prefixed settings, else the worker's), its transformation chain, its
 * error handling and its Kafka clients: a producer for a source task, a consumer in the group
 * `connect-<connector>` for a sink task, each with the connector's client overrides the worker's policy allows
 * (client-config-override.ts). Connector status changes go to the herder's listener.
 */
import type { ClusterClient } from '@sluice/client';
import { AbstractConfig, originalsWithPrefix } from '../config/abstract-config.ts';
import {
  OVERRIDE_ALLOWLIST_CONFIG,
  OVERRIDE_POLICY_CONFIG,
  clientOverrides,
  overridePolicy,
  type ClientConfigOverridePolicy,
  type ClientType,
} from './client-config-override.ts';
import type { Connector, ConnectorContext, ConnectorProps } from '../connector/connector.ts';
import type { SourceConnectorContext, SourceTask } from '../connector/source-connector.ts';
import type { SinkTask } from '../connector/sink-connector.ts';
import type { SinkRecord, SourceRecord } from '../connector/connect-record.ts';
import { ConnectException } from '../errors.ts';
import type { Converter, HeaderConverter } from '../storage/converter.ts';
import type { Plugins } from '../transforms/plugins.ts';
import { transformationStages } from '../transforms/transformation-chain.ts';
import type { TransformationStage } from '../transforms/transformation.ts';
import {
  CONNECTOR_CLASS_CONFIG,
  DLQ_TOPIC_NAME_CONFIG,
  SINK_CONNECTOR_CONFIG_DEF,
  SOURCE_CONNECTOR_CONFIG_DEF,
  TOPICS_CONFIG,
  TOPICS_REGEX_CONFIG,
  connectorType,
  type ConnectorType,
} from './connector-config.ts';
import {
  DeadLetterQueueReporter,
  LogReporter,
  RetryWithToleranceOperator,
  javaStackTrace,
} from './error-handling.ts';
import type { ConnectorTaskId, State, TargetState } from './herder.ts';
import type { ConsumedRecord, RecordConsumer, RecordProducer } from './kafka-clients.ts';
import { ConnectorOffsetReader, type OffsetBackingStore } from './offset-store.ts';
import type { WorkerConfig } from './worker-config.ts';
import { WorkerSinkTask } from './worker-sink-task.ts';
import { WorkerSourceTask } from './worker-source-task.ts';
import type { Logger, TaskStatusListener, WorkerTask } from './worker-task.ts';

export const TASK_CLASS_CONFIG = 'task.class';

export interface ConnectorStatusListener {
  onConnectorState(connector: string, state: State, trace?: string): void;
  /** The connector was stopped here without having failed (Kafka's onShutdown: UNASSIGNED, written safely). */
  onConnectorShutdown(connector: string): void;
  /** The connector asked for its task configs to be regenerated (ConnectorContext.requestTaskReconfiguration). */
  onTaskReconfigurationRequest(connector: string): void;
}

export interface WorkerClients {
  client: ClusterClient;
  /** A client of its own, for a reader that long-polls (a broker answers one connection's requests in order). */
  newClient(clientId: string): ClusterClient;
  /** A producer for the worker's own topics (configs, statuses, offsets): acks=all, the client id given. */
  newInternalProducer(clientId: string): RecordProducer;
  /** `overrides` are a connector's settings for this client, by the client's names (acks, client.id, ...). */
  newProducer(clientId: string, overrides?: Readonly<Record<string, string>>): RecordProducer;
  newConsumer(
    groupId: string,
    clientId: string,
    overrides?: Readonly<Record<string, string>>,
  ): RecordConsumer;
  /** Creates a topic unless it exists (the dead letter queue). */
  ensureTopic(
    name: string,
    replicationFactor: number,
    overrides?: Readonly<Record<string, string>>,
  ): Promise<void>;
}

interface RunningConnector {
  connector: Connector;
  props: ConnectorProps;
  state: 'STARTED' | 'PAUSED' | 'STOPPED' | 'FAILED';
  listener: ConnectorStatusListener;
}

export class Worker {
  private readonly connectors = new Map<string, RunningConnector>();
  private readonly tasks = new Map<string, WorkerTask>();
  /** What connectors may set of their clients' settings (connector.client.config.override.policy). */
  readonly overridePolicy: ClientConfigOverridePolicy;

  constructor(
    readonly config: WorkerConfig,
    readonly plugins: Plugins,
    readonly workerId: string,
    private readonly clients: WorkerClients,
    private readonly offsetStore: OffsetBackingStore,
    private readonly log: Logger,
  ) {
    this.overridePolicy = overridePolicy(
      config.getString(OVERRIDE_POLICY_CONFIG)!,
      config.getList(OVERRIDE_ALLOWLIST_CONFIG) ?? [],
    );
  }

  /**
   * A connector's overrides for one of its clients (Worker.connectorClientConfigOverrides): refused with
   * Kafka's message when the policy forbids any, which fails the task being built.
   */
  private allowedClientOverrides(connectorProps: ConnectorProps, client: ClientType): Record<string, string> {
    const overrides = clientOverrides(connectorProps, client);
    const refused = Object.keys(overrides).filter((setting) => !this.overridePolicy.isAllowed(setting));
    if (refused.length > 0)
      throw new ConnectException(`Client Config Overrides not allowed [${refused.join(', ')}]`);
    return overrides;
  }

  /**
   * The consumer group of a sink connector: `connect-<connector>` unless the worker's `consumer.group.id` or the
   * connector's `consumer.override.group.id` names another, as Kafka's worker builds its consumers' settings.
   */
  sinkGroupId(connector: string, connectorProps: ConnectorProps): string {
    return (
      clientOverrides(connectorProps, 'consumer')['group.id'] ??
      (this.config.originalsWithPrefix('consumer.')['group.id'] as string | undefined) ??
      `connect-${connector}`
    );
  }

  /** The admin side of the worker's Kafka client. */
  client(): ClusterClient {
    return this.clients.client;
  }

  /** A new instance of the connector class a config names; throws ConnectException when none is found. */
  newConnector(className: string | undefined): Connector {
    if (className === undefined)
      throw new ConnectException(
        `Missing required configuration "${CONNECTOR_CLASS_CONFIG}" which has no default value.`,
      );
    const plugin =
      this.plugins.concrete(className, 'SourceConnector') ??
      this.plugins.concrete(className, 'SinkConnector');
    if (plugin === undefined)
      throw new ConnectException(
        `Failed to find any class that implements Connector and which name matches ${className}, available connectors are: ${[
          ...this.plugins.classNamesOf('SourceConnector'),
          ...this.plugins.classNamesOf('SinkConnector'),
        ].join(', ')}`,
      );
    return plugin.create();
  }

  connectorTypeOf(props: ConnectorProps): ConnectorType | 'unknown' {
    try {
      return connectorType(this.newConnector(props[CONNECTOR_CLASS_CONFIG]));
    } catch {
      return 'unknown';
    }
  }

  /**
   * Starts a connector in `targetState`. A connector that fails to start is reported FAILED and resolves
   * false; PAUSED and STOPPED connectors are not started (Kafka's WorkerConnector suspends them).
   */
  async startConnector(
    name: string,
    props: ConnectorProps,
    targetState: TargetState,
    listener: ConnectorStatusListener,
  ): Promise<boolean> {
    if (this.connectors.has(name)) throw new ConnectException(`Connector ${name} already running`);
    let connector: Connector;
    try {
      connector = this.newConnector(props[CONNECTOR_CLASS_CONFIG]);
    } catch (error) {
      listener.onConnectorState(name, 'FAILED', javaStackTrace(error));
      return false;
    }
    const running: RunningConnector = { connector, props, state: 'STOPPED', listener };
    this.connectors.set(name, running);
    const context: SourceConnectorContext & ConnectorContext = {
      requestTaskReconfiguration: () => listener.onTaskReconfigurationRequest(name),
      raiseError: (error: Error) => {
        running.state = 'FAILED';
        listener.onConnectorState(name, 'FAILED', javaStackTrace(error));
      },
      offsetStorageReader: () => new ConnectorOffsetReader(this.offsetStore, name),
    };
    connector.initialize(context);
    return this.transitionConnector(name, targetState, listener);
  }

  /** Moves a running connector to a target state: started, or suspended (paused / stopped). */
  async transitionConnector(
    name: string,
    target: TargetState,
    listener: ConnectorStatusListener,
  ): Promise<boolean> {
    const running = this.connectors.get(name);
    if (!running) return false;
    try {
      if (target === 'STARTED' && running.state !== 'STARTED') {
        await running.connector.start(running.props);
        running.state = 'STARTED';
        this.log('info', `Finished creating connector ${name}`);
      } else if (target !== 'STARTED' && running.state === 'STARTED') {
        await running.connector.stop();
        running.state = target;
      } else if (target !== 'STARTED') {
        running.state = target;
      }
    } catch (error) {
      running.state = 'FAILED';
      this.log('error', `Failed to start connector ${name}: ${javaStackTrace(error)}`);
      listener.onConnectorState(name, 'FAILED', javaStackTrace(error));
      return false;
    }
    listener.onConnectorState(
      name,
      target === 'STARTED' ? 'RUNNING' : target === 'PAUSED' ? 'PAUSED' : 'STOPPED',
    );
    return true;
  }

  isRunning(name: string): boolean {
    return this.connectors.get(name)?.state === 'STARTED';
  }

  /** The task configs a started connector asks for, each with `task.class` (and a sink's topics) added. */
  async connectorTaskConfigs(name: string, props: ConnectorProps): Promise<ConnectorProps[]> {
    const running = this.connectors.get(name);
    if (!running || running.state !== 'STARTED') return [];
    const maxTasks = Number(props['tasks.max'] ?? '1');
    const taskClass = running.connector.taskClass();
    const configs = await running.connector.taskConfigs(maxTasks);
    if (configs.length > maxTasks)
      throw new ConnectException(
        `The connector ${name} has generated ${configs.length} tasks, which is greater than ${maxTasks}, the maximum number of tasks it is configured to create. This behavior is unsupported and will be removed in a future version.`,
      );
    const isSink = connectorType(running.connector) === 'sink';
    return configs.map((config) => {
      const task: Record<string, string> = { ...config, [TASK_CLASS_CONFIG]: taskClass.name };
      if (isSink) {
        if (props[TOPICS_CONFIG] !== undefined) task[TOPICS_CONFIG] = props[TOPICS_CONFIG];
        if (props[TOPICS_REGEX_CONFIG] !== undefined) task[TOPICS_REGEX_CONFIG] = props[TOPICS_REGEX_CONFIG];
      }
      return task;
    });
  }

  async stopConnector(name: string): Promise<void> {
    const running = this.connectors.get(name);
    if (!running) return;
    this.connectors.delete(name);
    if (running.state === 'STARTED') {
      try {
        await running.connector.stop();
      } catch (error) {
        this.log('warn', `Error while shutting down connector ${name}: ${(error as Error).message}`);
      }
    }
    this.log('info', `Stopped connector ${name}`);
    // A failed connector stays FAILED until restarted, as in Kafka.
    if (running.state !== 'FAILED') running.listener.onConnectorShutdown(name);
  }

  /** Connectors and tasks running here. */
  connectorNames(): string[] {
    return [...this.connectors.keys()];
  }

  taskIds(): ConnectorTaskId[] {
    return [...this.tasks.values()].map((task) => task.id);
  }

  private converter(
    kind: 'key' | 'value',
    props: ConnectorProps,
  ): { converter: Converter; className: string } {
    const setting = `${kind}.converter`;
    const fromConnector = props[setting];
    const className = fromConnector ?? this.config.getClass(setting)!;
    const plugin = this.plugins.concrete(className, 'Converter');
    if (plugin === undefined)
      throw new ConnectException(
        `Failed to find any class that implements Converter and which name matches ${className}`,
      );
    const converter = plugin.create();
    const settings =
      fromConnector !== undefined
        ? originalsWithPrefix(props, `${setting}.`)
        : this.config.originalsWithPrefix(`${setting}.`);
    converter.configure(settings, kind === 'key');
    return { converter, className: plugin.className };
  }

  private headerConverter(props: ConnectorProps): { converter: HeaderConverter; className: string } {
    const fromConnector = props['header.converter'];
    const className = fromConnector ?? this.config.getClass('header.converter')!;
    const plugin = this.plugins.concrete(className, 'HeaderConverter');
    if (plugin === undefined)
      throw new ConnectException(
        `Failed to find any class that implements HeaderConverter and which name matches ${className}`,
      );
    const converter = plugin.create();
    const settings =
      fromConnector !== undefined
        ? originalsWithPrefix(props, 'header.converter.')
        : this.config.originalsWithPrefix('header.converter.');
    converter.configure({ ...settings, 'converter.type': 'header' });
    return { converter, className: plugin.className };
  }

  /**
   * Starts a task of a connector. A task that cannot be built (unknown class, bad converter or transform
   * settings) is reported FAILED with the reason, as Kafka's worker reports it.
   */
  async startTask(
    id: ConnectorTaskId,
    connectorProps: ConnectorProps,
    taskProps: ConnectorProps,
    targetState: TargetState,
    listener: TaskStatusListener,
  ): Promise<boolean> {
    const key = `${id.connector}-${id.task}`;
    if (this.tasks.has(key)) throw new ConnectException(`Task already exists in this worker: ${key}`);
    this.log('info', `Creating task ${key}`);
    let workerTask: WorkerTask;
    try {
      workerTask = await this.buildTask(id, connectorProps, taskProps, targetState, listener);
    } catch (error) {
      this.log('error', `Failed to start task ${key}: ${javaStackTrace(error)}`);
      listener.onTaskState(id, 'FAILED', javaStackTrace(error));
      return false;
    }
    this.tasks.set(key, workerTask);
    workerTask.run();
    return true;
  }

  private async buildTask(
    id: ConnectorTaskId,
    connectorProps: ConnectorProps,
    taskProps: ConnectorProps,
    targetState: TargetState,
    listener: TaskStatusListener,
  ): Promise<WorkerTask> {
    const connector = this.newConnector(connectorProps[CONNECTOR_CLASS_CONFIG]);
    const type = connectorType(connector);
    const connectorConfig = new AbstractConfig(
      type === 'sink' ? SINK_CONNECTOR_CONFIG_DEF : SOURCE_CONNECTOR_CONFIG_DEF,
      connectorProps,
    );
    const key = this.converter('key', connectorProps);
    const value = this.converter('value', connectorProps);
    const header = this.headerConverter(connectorProps);
    const stages = transformationStages(connectorProps, this.plugins);
    const retry = new RetryWithToleranceOperator(connectorConfig);
    const taskName = `${id.connector}-${id.task}`;
    if (connectorConfig.getBoolean('errors.log.enable'))
      retry.addReporter(
        new LogReporter(taskName, connectorConfig.getBoolean('errors.log.include.messages')!, (message) =>
          this.log('error', message),
        ),
      );
    const common = {
      id,
      taskProps,
      keyConverter: key.converter,
      valueConverter: value.converter,
      headerConverter: header.converter,
      converterClasses: { key: key.className, value: value.className, header: header.className },
      retry,
      offsetFlushIntervalMs: this.config.getLong('offset.flush.interval.ms')!,
      listener,
      log: this.log,
      startPaused: targetState !== 'STARTED',
    };
    const clientId = `connector-${type === 'sink' ? 'consumer' : 'producer'}-${taskName}`;
    if (type === 'source') {
      const task = new (connector.taskClass())() as SourceTask;
      return new WorkerSourceTask({
        ...common,
        task,
        stages: stages as TransformationStage<SourceRecord>[],
        producer: this.clients.newProducer(clientId, this.allowedClientOverrides(connectorProps, 'producer')),
        offsetStore: this.offsetStore,
      });
    }
    const task = new (connector.taskClass())() as SinkTask;
    const topics = connectorConfig.getList(TOPICS_CONFIG) ?? [];
    const regex = connectorConfig.getString(TOPICS_REGEX_CONFIG) ?? '';
    let errantReporter: ((record: ConsumedRecord, error: Error) => Promise<void>) | null = null;
    const dlqTopic = (connectorConfig.getString(DLQ_TOPIC_NAME_CONFIG) ?? '').trim();
    if (dlqTopic !== '') {
      await this.clients.ensureTopic(
        dlqTopic,
        connectorConfig.get('errors.deadletterqueue.topic.replication.factor') as number,
        this.allowedClientOverrides(connectorProps, 'admin'),
      );
      const dlq = new DeadLetterQueueReporter(
        this.clients.newProducer(
          `connector-dlq-producer-${taskName}`,
          this.allowedClientOverrides(connectorProps, 'producer'),
        ),
        dlqTopic,
        id.connector,
        id.task,
        connectorConfig.getBoolean('errors.deadletterqueue.context.headers.enable')!,
      );
      retry.addReporter(dlq);
    }
    if (retry.toleratesAll) {
      errantReporter = async (record, error) => {
        await retry.execute(
          {
            stage: 'TASK_PUT',
            executingClass: task.constructor.name,
            consumed: record,
            describeRecord: () => `${record.topic}-${record.partition}@${record.offset}`,
          },
          () => {
            throw error;
          },
        );
      };
    }
    return new WorkerSinkTask({
      ...common,
      task,
      stages: stages as TransformationStage<SinkRecord>[],
      subscription: regex !== '' ? new RegExp(`^(?:${regex})$`) : topics,
      consumer: this.clients.newConsumer(
        this.sinkGroupId(id.connector, connectorProps),
        clientId,
        this.allowedClientOverrides(connectorProps, 'consumer'),
      ),
      errantReporter,
    });
  }

  transitionTasks(connector: string, target: TargetState): void {
    for (const task of this.tasks.values())
      if (task.id.connector === connector && target !== 'STOPPED') task.transitionTo(target);
  }

  async stopTasks(ids: readonly ConnectorTaskId[]): Promise<void> {
    const timeout = this.config.getLong('task.shutdown.graceful.timeout.ms')!;
    await Promise.all(
      ids.map(async (id) => {
        const key = `${id.connector}-${id.task}`;
        const task = this.tasks.get(key);
        if (!task) return;
        this.tasks.delete(key);
        await task.stop(timeout);
      }),
    );
  }

  async stop(): Promise<void> {
    await this.stopTasks(this.taskIds());
    for (const name of this.connectorNames()) await this.stopConnector(name);
  }
}
