/**
 * The distributed herder (DistributedHerder): workers sharing a `group.id` form a group with the Connect
 * protocol (JoinGroup protocol type `connect`: eager, or KIP-415's incremental cooperative `compatible` /
 * `sessioned`), and keep everything in three compacted topics that every worker reads whole:
 * - `config.storage.topic`: connector configs, task configs (visible once their `commit-` record is read),
 *   target states and restart requests;
 * - `status.storage.topic`: each connector's and task's state, written by the worker running it;
 * - `offset.storage.topic`: source offsets.
 * The group's leader assigns connectors and tasks to the members from its view of the config topic; a worker
 * that joined with an older config offset is told CONFIG_MISMATCH, reads further and rejoins.
 *
 * Config writes a REST call asks for (create, update, delete, restart, stop, offsets) are the leader's, one at a
 * time, as in Kafka: another worker answers them with RequestTargetError and its REST server forwards the call
 * to the leader's URL. Pause and resume are written by any worker, as Kafka's are. How it departs from Kafka's:
 * the worker running a connector writes its task configs itself (Kafka forwards them to the leader over its
 * internal, signed REST endpoint). The config topic's single partition orders every write, so all workers apply
 * the same history; a write racing a rebalance is refused with 409, as Kafka refuses it.
 *
 * Invariants:
 * - a connector or task runs on at most the worker the current generation's assignment names (eager: all
 *   work stops before a rejoin; incremental: revoked work stops before the member reports its assignment);
 * - what a worker starts comes from a config snapshot at least as new as the assignment's config offset.
 */
import type { ClusterClient, GroupGeneration, GroupProtocolHandler, JoinedMember } from '@sluice/client';
import { GroupMember } from '@sluice/client';
import type { ConfigInfos } from '../config/config-infos.ts';
import { validationFailureMessage } from './connector-config.ts';
import { AbstractHerder } from './abstract-herder.ts';
import {
  RequestTargetError,
  RestError,
  notFound,
  type ConnectorInfo,
  type ConnectorOffset,
  type ConnectorProps,
  type ConnectorStateInfo,
  type ConnectorTaskId,
  type Herder,
  type RestartRequest,
  type State,
  type StateInfo,
  type TargetState,
  type TaskInfo,
  type TaskStateInfo,
} from './herder.ts';
import type { OffsetBackingStore } from './offset-store.ts';
import type { ConnectorStatusListener, Worker } from './worker.ts';
import type { Logger, TaskStatusListener } from './worker-task.ts';
import type { WorkerConfig } from './worker-config.ts';
import type { RecordProducer } from './kafka-clients.ts';
import type { ClusterConfigState } from './distributed/index.ts';
import {
  CONFIG_MISMATCH,
  EagerAssignor,
  IncrementalCooperativeAssignor,
  compatibility,
  decodeAssignment,
  decodeExtendedAssignment,
  emptyExtendedAssignment,
  joinGroupProtocols,
  mergeAssignment,
  type ConfigProperties,
  type ConfigUpdate,
  type ConnectProtocolCompatibility,
  type ExtendedAssignment,
  type Status,
} from './distributed/index.ts';
import { KafkaConfigStore, describeConfigUpdate } from './kafka-config-store.ts';
import { KafkaStatusStore } from './kafka-status-store.ts';

const REBALANCE_CONFLICT =
  'Cannot complete request because of a conflicting operation (e.g. worker rebalance)';

const idKey = (id: ConnectorTaskId): string => `${id.connector}-${id.task}`;

function toProps(config: ConfigProperties | null): ConnectorProps {
  const props: ConnectorProps = {};
  for (const [key, value] of config ?? []) if (value !== null) props[key] = value;
  return props;
}

export interface DistributedLogs {
  client: ClusterClient;
  newClient(clientId: string): ClusterClient;
  newInternalProducer(clientId: string): RecordProducer;
}

export class DistributedHerder
  extends AbstractHerder
  implements Herder, GroupProtocolHandler, ConnectorStatusListener, TaskStatusListener
{
  readonly protocolType = 'connect';
  private readonly mode: ConnectProtocolCompatibility;
  private readonly configs: KafkaConfigStore;
  private readonly statuses: KafkaStatusStore;
  private readonly member: GroupMember;
  private readonly eager = new EagerAssignor();
  private readonly incremental: IncrementalCooperativeAssignor;
  /** What this worker was assigned in the last completed generation (null before the first). */
  private assignment: ExtendedAssignment | null = null;
  private lastCompletedGenerationId = -1;
  /** Changes to what runs here happen one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The leader's config writes, one at a time (a create checks the name is free, then writes it). */
  private leaderWrites: Promise<unknown> = Promise.resolve();
  private scheduledRebalance: NodeJS.Timeout | null = null;
  /** True while the config topic's history is read at start: nothing runs here yet, so nothing reacts. */
  private readingHistory = true;
  private stopped = false;

  constructor(
    worker: Worker,
    offsetStore: OffsetBackingStore,
    config: WorkerConfig,
    logs: DistributedLogs,
    private readonly restUrl: string,
    private readonly log: Logger,
  ) {
    super(worker, offsetStore);
    this.mode = compatibility(config.getString('connect.protocol')!);
    this.incremental = new IncrementalCooperativeAssignor(
      { now: () => Date.now() },
      config.getInt('scheduled.rebalance.max.delay.ms')!,
    );
    const clientId = config.getString('client.id') || `connect-${config.getString('group.id')}`;
    this.configs = new KafkaConfigStore(
      logs.newClient(`${clientId}-configs`),
      {
        name: config.getString('config.storage.topic')!,
        partitions: 1,
        replicationFactor: config.get('config.storage.replication.factor') as number,
      },
      logs.newInternalProducer(`${clientId}-configs`),
      (update) => this.onConfigRecord(update),
      log,
    );
    this.statuses = new KafkaStatusStore(
      logs.newClient(`${clientId}-statuses`),
      {
        name: config.getString('status.storage.topic')!,
        partitions: config.getInt('status.storage.partitions')!,
        replicationFactor: config.get('status.storage.replication.factor') as number,
      },
      logs.newInternalProducer(`${clientId}-statuses`),
      log,
    );
    this.member = new GroupMember(
      logs.client,
      {
        groupId: config.getString('group.id')!,
        sessionTimeoutMs: config.getInt('session.timeout.ms')!,
        heartbeatIntervalMs: config.getInt('heartbeat.interval.ms')!,
        rebalanceTimeoutMs: config.getInt('rebalance.timeout.ms')!,
        onError: (error, fatal) => log(fatal ? 'error' : 'warn', `Connect group: ${error.message}`),
      },
      this,
    );
  }

  async start(): Promise<void> {
    await this.offsetStore.start();
    await this.statuses.start();
    await this.configs.start();
    this.readingHistory = false;
    this.log('info', `Config topic read to offset ${this.snapshot.offset}`);
    await this.member.start();
  }

  private serialized<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch((error: unknown) =>
      this.log('error', `Herder operation failed: ${(error as Error).stack ?? String(error)}`),
    );
    return result;
  }

  // ---- the config and status topics ---------------------------------------------------------------

  /** The config topic's snapshot as of the last record read. */
  private get snapshot(): ClusterConfigState {
    return this.configs.snapshot;
  }

  private onConfigRecord(update: ConfigUpdate): void {
    if (!this.readingHistory && !this.stopped) void this.serialized(() => this.onConfigUpdate(update));
  }

  private async onConfigUpdate(update: ConfigUpdate): Promise<void> {
    this.log(
      'info',
      `Config topic update at offset ${this.snapshot.offset}: ${describeConfigUpdate(update)}`,
    );
    const runsHere = (connector: string): boolean => this.assignment?.connectors.includes(connector) ?? false;
    switch (update.type) {
      case 'connector-config-update':
        if (runsHere(update.connector)) await this.restartConnectorHere(update.connector);
        if (this.member.isLeader) this.member.requestRejoin(`connector ${update.connector} configured`);
        return;
      case 'connector-config-remove':
        await this.stopWork([update.connector], this.tasksHere(update.connector));
        if (this.member.isLeader) {
          this.statuses.removeConnector(update.connector);
          this.member.requestRejoin(`connector ${update.connector} removed`);
        }
        return;
      case 'task-config-update': {
        const restart = update.tasks.filter((id) => this.runsTaskHere(id));
        await this.worker.stopTasks(restart);
        for (const id of restart) await this.startTaskHere(id);
        if (this.member.isLeader) this.member.requestRejoin('task configs changed');
        return;
      }
      case 'target-state-change': {
        const target = this.snapshot.targetState(update.connector) ?? 'STARTED';
        if (runsHere(update.connector)) {
          if (target === 'STOPPED') {
            await this.worker.stopTasks(this.tasksHere(update.connector));
            await this.worker.transitionConnector(update.connector, 'STOPPED', this);
          } else {
            await this.worker.transitionConnector(update.connector, target, this);
            this.worker.transitionTasks(update.connector, target);
            if (target === 'STARTED') await this.reconfigureTasks(update.connector);
          }
        } else if (target !== 'STOPPED') {
          this.worker.transitionTasks(update.connector, target);
        }
        return;
      }
      case 'restart-request':
        await this.applyRestart(update.request);
        return;
      default:
        return;
    }
  }

  onConnectorState(connector: string, state: State, trace?: string): void {
    this.statuses.putConnector(connector, this.status(state, trace));
  }

  onTaskState(id: ConnectorTaskId, state: State, trace?: string): void {
    this.statuses.putTask(id, this.status(state, trace));
  }

  protected get topicStatuses(): KafkaStatusStore {
    return this.statuses;
  }

  // A deleted connector's statuses are the leader's to remove; anything else stopped here is UNASSIGNED until
  // its next owner says otherwise.
  onConnectorShutdown(connector: string): void {
    if (this.snapshot.contains(connector))
      this.statuses.putConnectorSafe(connector, this.status('UNASSIGNED'));
  }

  onTaskShutdown(id: ConnectorTaskId): void {
    if (this.snapshot.contains(id.connector)) this.statuses.putTaskSafe(id, this.status('UNASSIGNED'));
  }

  private status(state: State, trace?: string): Status {
    return { state, trace: trace ?? null, workerId: this.workerId(), generation: this.member.generationId };
  }

  onTaskReconfigurationRequest(connector: string): void {
    void this.serialized(() => this.reconfigureTasks(connector));
  }

  // ---- the group protocol ---------------------------------------------------------------------------

  protocols(): { name: string; metadata: Buffer }[] {
    return joinGroupProtocols(this.mode, {
      url: this.restUrl,
      configOffset: this.snapshot.offset,
      assignment: this.assignment,
    });
  }

  async assign(
    protocol: string,
    members: JoinedMember[],
    leaderId: string,
    generationId: number,
  ): Promise<Map<string, Buffer>> {
    const snapshot = await this.configs.readToEnd();
    const config = { snapshot, freshSnapshot: () => this.configs.snapshot };
    const metadata = members.map((m) => ({ memberId: m.memberId, metadata: m.metadata }));
    if (protocol === 'default') return this.eager.performAssignment(leaderId, metadata, config).encoded;
    const result = this.incremental.performAssignment(leaderId, protocol, metadata, config, {
      lastCompletedGenerationId: this.lastCompletedGenerationId,
      generationId,
    });
    return result.encoded;
  }

  async onJoinPrepare(): Promise<void> {
    if (this.mode !== 'eager' && this.member.currentGeneration.protocol !== 'default') return;
    await this.serialized(async () => {
      await this.worker.stop();
      this.assignment = null;
    });
  }

  async onJoinComplete(generation: GroupGeneration, bytes: Buffer): Promise<void> {
    const eager = generation.protocol === 'default';
    const received: ExtendedAssignment = eager
      ? { ...emptyExtendedAssignment(), ...decodeAssignment(bytes), version: 0 }
      : (decodeExtendedAssignment(bytes.length === 0 ? null : bytes) ?? emptyExtendedAssignment());
    if (received.error === CONFIG_MISMATCH) {
      this.log(
        'info',
        `Joined group at generation ${generation.generationId} behind the leader's config offset ${received.configOffset}; reading the config topic and rejoining`,
      );
      await this.configs.readToEnd();
      this.member.requestRejoin('config offset mismatch');
      return;
    }
    await this.serialized(async () => {
      const previous = this.assignment;
      const merged = mergeAssignment(eager ? 'eager' : this.mode, previous, received);
      if (this.snapshot.offset < received.configOffset) await this.configs.readToEnd();
      await this.stopWork(received.revokedConnectors, received.revokedTasks);
      this.assignment = merged;
      this.lastCompletedGenerationId = generation.generationId;
      const running = new Set(this.worker.connectorNames());
      for (const connector of merged.connectors)
        if (!running.has(connector)) await this.startConnectorHere(connector);
      const runningTasks = new Set(this.worker.taskIds().map(idKey));
      for (const id of merged.tasks) if (!runningTasks.has(idKey(id))) await this.startTaskHere(id);
      this.log(
        'info',
        `Joined group at generation ${generation.generationId} as ${generation.memberId}${generation.memberId === generation.leaderId ? ' (leader)' : ''}: connectors [${merged.connectors.join(', ')}], tasks [${merged.tasks.map(idKey).join(', ')}]`,
      );
    });
    if (this.scheduledRebalance) clearTimeout(this.scheduledRebalance);
    this.scheduledRebalance = null;
    if (received.delay > 0)
      this.scheduledRebalance = setTimeout(
        () => this.member.requestRejoin('scheduled rebalance'),
        received.delay,
      );
  }

  // ---- running work here ------------------------------------------------------------------------------

  private runsTaskHere(id: ConnectorTaskId): boolean {
    return this.assignment?.tasks.some((task) => idKey(task) === idKey(id)) ?? false;
  }

  private tasksHere(connector: string): ConnectorTaskId[] {
    return this.worker.taskIds().filter((id) => id.connector === connector);
  }

  private async stopWork(connectors: readonly string[], tasks: readonly ConnectorTaskId[]): Promise<void> {
    await this.worker.stopTasks(tasks);
    for (const connector of connectors) await this.worker.stopConnector(connector);
  }

  private async startConnectorHere(connector: string): Promise<void> {
    const config = this.snapshot.connectorConfig(connector);
    if (config === null) return;
    const target = this.snapshot.targetState(connector) ?? 'STARTED';
    const started = await this.worker.startConnector(connector, toProps(config), target, this);
    if (started && target === 'STARTED') await this.reconfigureTasks(connector);
  }

  private async restartConnectorHere(connector: string): Promise<void> {
    await this.worker.stopConnector(connector);
    await this.startConnectorHere(connector);
  }

  private async startTaskHere(id: ConnectorTaskId): Promise<void> {
    const connectorConfig = this.snapshot.connectorConfig(id.connector);
    const taskConfig = this.snapshot.taskConfig(id);
    if (connectorConfig === null || taskConfig === null) return;
    const target = this.snapshot.targetState(id.connector) ?? 'STARTED';
    if (target === 'STOPPED') return;
    await this.worker.startTask(id, toProps(connectorConfig), toProps(taskConfig), target, this);
  }

  /**
   * Asks a connector running here for its task configs and publishes them when they differ from the
   * committed ones: each `task-<connector>-<n>` record, then `commit-<connector>` with the count.
   */
  private async reconfigureTasks(connector: string): Promise<void> {
    const config = this.snapshot.connectorConfig(connector);
    if (config === null || !this.worker.isRunning(connector)) return;
    let configs: ConnectorProps[];
    try {
      configs = await this.worker.connectorTaskConfigs(connector, toProps(config));
    } catch (error) {
      this.onConnectorState(connector, 'FAILED', (error as Error).stack);
      return;
    }
    const current = this.snapshot.taskConfigs(connector).map(toProps);
    if (
      this.snapshot.taskCount(connector) === configs.length &&
      JSON.stringify(current) === JSON.stringify(configs)
    )
      return;
    await this.publishTaskConfigs(connector, configs);
  }

  private async publishTaskConfigs(connector: string, configs: ConnectorProps[]): Promise<void> {
    this.log(
      'info',
      `Writing ${configs.length} task config(s) of connector ${connector} to the config topic`,
    );
    await this.configs.putTaskConfigs(connector, configs);
  }

  private async applyRestart(request: RestartRequest): Promise<void> {
    const { connector, includeTasks, onlyFailed } = request;
    if (!this.snapshot.contains(connector)) return;
    const connectorHere = this.assignment?.connectors.includes(connector) ?? false;
    const failed = (status: Status | undefined): boolean => status?.state === 'FAILED';
    if (connectorHere && (!onlyFailed || failed(this.statuses.connector(connector)))) {
      this.onConnectorState(connector, 'RESTARTING');
      await this.restartConnectorHere(connector);
    }
    if (!includeTasks) return;
    const tasks = (this.assignment?.tasks ?? []).filter(
      (id) => id.connector === connector && (!onlyFailed || failed(this.statuses.task(id))),
    );
    await this.worker.stopTasks(tasks);
    for (const id of tasks) {
      this.onTaskState(id, 'RESTARTING');
      await this.startTaskHere(id);
    }
  }

  // ---- REST: reads ----------------------------------------------------------------------------------

  private readConfigs(): Promise<ClusterConfigState> {
    return this.configs.readToEnd();
  }

  private async existing(name: string): Promise<ClusterConfigState> {
    const snapshot = await this.readConfigs();
    if (!snapshot.contains(name)) throw notFound(name);
    return snapshot;
  }

  async connectors(): Promise<string[]> {
    return (await this.readConfigs()).connectors().sort();
  }

  private info(snapshot: ClusterConfigState, name: string): ConnectorInfo {
    const config = toProps(snapshot.connectorConfig(name));
    return { name, config, tasks: snapshot.tasks(name), type: this.worker.connectorTypeOf(config) };
  }

  async connectorInfo(name: string): Promise<ConnectorInfo> {
    return this.info(await this.existing(name), name);
  }

  async connectorConfig(name: string): Promise<ConnectorProps> {
    return toProps((await this.existing(name)).connectorConfig(name));
  }

  private stateInfo(status: Status): StateInfo {
    return status.trace
      ? { state: status.state as State, trace: status.trace, worker_id: status.workerId }
      : { state: status.state as State, worker_id: status.workerId };
  }

  async connectorStatus(name: string): Promise<ConnectorStateInfo> {
    const snapshot = await this.existing(name);
    await this.statuses.readToEnd();
    const status = this.statuses.connector(name);
    if (!status) throw new RestError(404, `No status found for connector ${name}`);
    const tasks = snapshot.tasks(name).flatMap((id) => {
      const taskStatus = this.statuses.task(id);
      return taskStatus ? [{ id: id.task, ...this.stateInfo(taskStatus) }] : [];
    });
    return {
      name,
      connector: this.stateInfo(status),
      tasks,
      type: this.worker.connectorTypeOf(toProps(snapshot.connectorConfig(name))),
    };
  }

  async taskStatus(name: string, task: number): Promise<TaskStateInfo> {
    await this.existing(name);
    await this.statuses.readToEnd();
    const status = this.statuses.task({ connector: name, task });
    if (!status) throw new RestError(404, `No status found for task ${name}-${task}`);
    return { id: task, ...this.stateInfo(status) };
  }

  async taskConfigs(name: string): Promise<TaskInfo[]> {
    const snapshot = await this.existing(name);
    return snapshot.tasks(name).map((id) => ({ id, config: toProps(snapshot.taskConfig(id)) }));
  }

  // ---- REST: writes ---------------------------------------------------------------------------------

  /** Kafka refuses config changes while the worker is rebalancing (409) rather than act on a stale view. */
  private requireStableGroup(): void {
    if (this.member.rebalancing) throw new RestError(409, REBALANCE_CONFLICT);
  }

  /**
   * Runs a config write on the leader, after the writes before it; elsewhere refuses it with the leader's URL
   * (Kafka's NotLeaderException, `Only the leader can ...`), for the REST server to forward.
   */
  private async asLeader<T>(what: string, write: () => Promise<T>): Promise<T> {
    this.requireStableGroup();
    if (!this.member.isLeader)
      throw new RequestTargetError(`Only the leader can ${what}.`, this.assignment?.leaderUrl || null);
    const result = this.leaderWrites.then(write);
    this.leaderWrites = result.catch(() => undefined);
    return result;
  }

  async putConnectorConfig(
    name: string,
    config: ConnectorProps,
    allowReplace: boolean,
    initialState: TargetState = 'STARTED',
  ): Promise<{ created: boolean; info: ConnectorInfo }> {
    return this.asLeader('set connector configs', async () => {
      const infos: ConfigInfos = await this.validateConnectorConfig(config);
      const invalid = validationFailureMessage(infos);
      if (invalid !== null) throw new RestError(400, invalid);
      const before = await this.readConfigs();
      const exists = before.contains(name);
      if (exists && !allowReplace) throw new RestError(409, `Connector ${name} already exists`);
      await this.configs.putConnectorConfig(
        name,
        config,
        !exists && initialState !== 'STARTED' ? initialState : null,
      );
      return { created: !exists, info: this.info(await this.readConfigs(), name) };
    });
  }

  async patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    const merged = await this.connectorConfig(name);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    return (await this.putConnectorConfig(name, merged, true)).info;
  }

  deleteConnector(name: string): Promise<void> {
    return this.asLeader('delete connector configs', async () => {
      await this.existing(name);
      await this.configs.removeConnector(name);
      await this.readConfigs();
    });
  }

  restartConnector(request: RestartRequest): Promise<ConnectorStateInfo | null> {
    return this.asLeader('process restart requests', async () => {
      await this.existing(request.connector);
      const plan = request.includeTasks || request.onlyFailed ? await this.restartPlan(request) : null;
      await this.configs.putRestartRequest(request);
      return plan;
    });
  }

  private async restartPlan(request: RestartRequest): Promise<ConnectorStateInfo> {
    const status = await this.connectorStatus(request.connector);
    const restarting = (state: StateInfo): StateInfo =>
      !request.onlyFailed || state.state === 'FAILED'
        ? { state: 'RESTARTING', worker_id: state.worker_id }
        : state;
    return {
      ...status,
      connector: restarting(status.connector),
      tasks: request.includeTasks
        ? status.tasks.map((task) => ({ ...task, ...restarting(task), id: task.id }))
        : status.tasks,
    };
  }

  /** A single task restarts where it runs: this worker, or the one its status names (the request is forwarded). */
  async restartTask(connector: string, task: number): Promise<void> {
    this.requireStableGroup();
    const snapshot = await this.existing(connector);
    const id = { connector, task };
    if (snapshot.taskConfig(id) === null) throw new RestError(404, `Task ${idKey(id)} not found`);
    if (this.runsTaskHere(id)) {
      await this.serialized(async () => {
        await this.worker.stopTasks([id]);
        this.onTaskState(id, 'RESTARTING');
        await this.startTaskHere(id);
      });
      return;
    }
    // Kafka's NotAssignedException: the worker whose status names the task restarts it.
    const owner = this.statuses.task(id)?.workerId;
    throw new RequestTargetError(
      'Cannot restart task since it is not assigned to this member',
      owner ? `http://${owner}/` : null,
    );
  }

  pauseConnector(name: string): Promise<void> {
    return this.writeTargetState(name, 'PAUSED');
  }

  resumeConnector(name: string): Promise<void> {
    return this.writeTargetState(name, 'STARTED');
  }

  /** KIP-875: a stopped connector keeps its config but has no tasks, so its offsets can be changed. */
  stopConnector(name: string): Promise<void> {
    return this.asLeader('transition connectors to the STOPPED state', async () => {
      await this.writeTargetState(name, 'STOPPED');
      await this.publishTaskConfigs(name, []);
      await this.readConfigs();
    });
  }

  private async writeTargetState(name: string, state: TargetState): Promise<void> {
    this.requireStableGroup();
    await this.existing(name);
    await this.configs.putTargetState(name, state);
    await this.readConfigs();
  }

  async connectorOffsets(name: string): Promise<ConnectorOffset[]> {
    const snapshot = await this.existing(name);
    return this.readOffsets(name, toProps(snapshot.connectorConfig(name)));
  }

  alterConnectorOffsets(name: string, offsets: ConnectorOffset[] | null): Promise<string> {
    return this.asLeader('process external offsets modification requests', async () => {
      const snapshot = await this.existing(name);
      if (snapshot.targetState(name) !== 'STOPPED' || snapshot.taskCount(name) > 0)
        throw new RestError(
          400,
          `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${name}/stop' endpoint`,
        );
      return this.writeOffsets(name, toProps(snapshot.connectorConfig(name)), offsets);
    });
  }

  /** Leaves the group (its work moves to the other workers) after stopping everything that runs here. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.scheduledRebalance) clearTimeout(this.scheduledRebalance);
    await this.serialized(() => this.worker.stop());
    await this.member.stop();
    await this.configs.stop();
    await this.statuses.stop();
    await this.offsetStore.stop();
  }
}
