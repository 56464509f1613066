/**
 * The standalone herder (StandaloneHerder): one worker runs every connector and task. Connector configs and
 * statuses live in memory (connectors come from the command line's files or the REST API, as in Kafka's
 * standalone mode); source offsets are in the worker's file offset store, so they outlive the process.
 *
 * Invariant: calls that change a connector run one at a time (a single queue), so a connector is never
 * started while it is being stopped or reconfigured.
 */
import type { ConfigInfos } from '../config/config-infos.ts';
import { CONNECTOR_CLASS_CONFIG, NAME_CONFIG, validationFailureMessage } from './connector-config.ts';
import { AbstractHerder } from './abstract-herder.ts';
import { MemoryTopicStatusStore } from './topic-status-store.ts';
import {
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
import type { TaskStatusListener } from './worker-task.ts';

interface ConnectorEntry {
  config: ConnectorProps;
  targetState: TargetState;
  taskConfigs: ConnectorProps[];
  status: StateInfo;
  taskStatus: Map<number, StateInfo>;
}

export class StandaloneHerder
  extends AbstractHerder
  implements Herder, ConnectorStatusListener, TaskStatusListener
{
  private readonly entries = new Map<string, ConnectorEntry>();
  private queue: Promise<unknown> = Promise.resolve();
  protected readonly topicStatuses = new MemoryTopicStatusStore();

  constructor(worker: Worker, offsetStore: OffsetBackingStore) {
    super(worker, offsetStore);
  }

  /** Runs `operation` after every change queued before it. */
  private serialized<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private entry(name: string): ConnectorEntry {
    const entry = this.entries.get(name);
    if (!entry) throw notFound(name);
    return entry;
  }

  // ---- status listeners ------------------------------------------------------------------------------

  onConnectorState(connector: string, state: State, trace?: string): void {
    const entry = this.entries.get(connector);
    if (entry) entry.status = this.stateInfo(state, trace);
  }

  onTaskReconfigurationRequest(connector: string): void {
    void this.serialized(() => this.updateTasks(connector)).catch(() => undefined);
  }

  onTaskState(id: ConnectorTaskId, state: State, trace?: string): void {
    const entry = this.entries.get(id.connector);
    if (entry && entry.taskStatus.has(id.task)) entry.taskStatus.set(id.task, this.stateInfo(state, trace));
  }

  // One worker: nothing else can have written a newer status, so a shutdown is simply UNASSIGNED.
  onConnectorShutdown(connector: string): void {
    this.onConnectorState(connector, 'UNASSIGNED');
  }

  onTaskShutdown(id: ConnectorTaskId): void {
    this.onTaskState(id, 'UNASSIGNED');
  }

  private stateInfo(state: State, trace?: string): StateInfo {
    return trace ? { state, trace, worker_id: this.workerId() } : { state, worker_id: this.workerId() };
  }

  // ---- reads -----------------------------------------------------------------------------------------

  async connectors(): Promise<string[]> {
    return [...this.entries.keys()].sort();
  }

  private info(name: string, entry: ConnectorEntry): ConnectorInfo {
    return {
      name,
      config: { ...entry.config },
      tasks: entry.taskConfigs.map((_config, task) => ({ connector: name, task })),
      type: this.worker.connectorTypeOf(entry.config),
    };
  }

  async connectorInfo(name: string): Promise<ConnectorInfo> {
    return this.info(name, this.entry(name));
  }

  async connectorConfig(name: string): Promise<ConnectorProps> {
    return { ...this.entry(name).config };
  }

  async connectorStatus(name: string): Promise<ConnectorStateInfo> {
    const entry = this.entry(name);
    return {
      name,
      connector: { ...entry.status },
      tasks: [...entry.taskStatus].sort(([a], [b]) => a - b).map(([id, status]) => ({ id, ...status })),
      type: this.worker.connectorTypeOf(entry.config),
    };
  }

  async taskStatus(name: string, task: number): Promise<TaskStateInfo> {
    const status = this.entry(name).taskStatus.get(task);
    if (!status) throw new RestError(404, `No status found for task ${name}-${task}`);
    return { id: task, ...status };
  }

  async taskConfigs(name: string): Promise<TaskInfo[]> {
    return this.entry(name).taskConfigs.map((config, task) => ({
      id: { connector: name, task },
      config: { ...config },
    }));
  }

  // ---- changes ---------------------------------------------------------------------------------------

  putConnectorConfig(
    name: string,
    config: ConnectorProps,
    allowReplace: boolean,
    initialState: TargetState = 'STARTED',
  ): Promise<{ created: boolean; info: ConnectorInfo }> {
    return this.serialized(async () => {
      const infos: ConfigInfos = await this.validateConnectorConfig(config);
      const invalid = validationFailureMessage(infos);
      if (invalid !== null) throw new RestError(400, invalid);
      const existing = this.entries.get(name);
      if (existing && !allowReplace) throw new RestError(409, `Connector ${name} already exists`);
      if (existing) {
        await this.stopTasks(name);
        await this.worker.stopConnector(name);
      }
      const entry: ConnectorEntry = {
        config: { ...config },
        targetState: existing?.targetState ?? initialState,
        taskConfigs: existing?.taskConfigs ?? [],
        status: this.stateInfo('UNASSIGNED'),
        taskStatus: new Map(),
      };
      this.entries.set(name, entry);
      await this.startConnector(name, entry, existing !== undefined);
      return { created: existing === undefined, info: this.info(name, entry) };
    });
  }

  patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    const entry = this.entry(name);
    const merged: ConnectorProps = { ...entry.config };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    return this.putConnectorConfig(name, merged, true).then(({ info }) => info);
  }

  /** Starts a connector and its tasks; with `restartTasks`, tasks restart even when their configs are unchanged. */
  private async startConnector(name: string, entry: ConnectorEntry, restartTasks: boolean): Promise<void> {
    const started = await this.worker.startConnector(name, entry.config, entry.targetState, this);
    if (!started) return;
    if (entry.targetState === 'STOPPED') {
      entry.taskConfigs = [];
      return;
    }
    await this.updateTasks(name, restartTasks);
  }

  /** Regenerates a connector's task configs and (re)starts its tasks when they changed. */
  private async updateTasks(name: string, force = false): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry || entry.targetState === 'STOPPED') return;
    if (!this.worker.isRunning(name)) {
      if (force) await this.startTasks(name, entry);
      return;
    }
    let configs: ConnectorProps[];
    try {
      configs = await this.worker.connectorTaskConfigs(name, entry.config);
    } catch (error) {
      this.onConnectorState(name, 'FAILED', (error as Error).stack);
      return;
    }
    const changed = JSON.stringify(configs) !== JSON.stringify(entry.taskConfigs);
    if (!changed && !force && entry.taskStatus.size === configs.length) return;
    await this.stopTasks(name);
    entry.taskConfigs = configs;
    await this.startTasks(name, entry);
  }

  private async startTasks(name: string, entry: ConnectorEntry): Promise<void> {
    for (let task = 0; task < entry.taskConfigs.length; task++) {
      entry.taskStatus.set(task, this.stateInfo('UNASSIGNED'));
      await this.worker.startTask(
        { connector: name, task },
        entry.config,
        entry.taskConfigs[task]!,
        entry.targetState,
        this,
      );
    }
  }

  private async stopTasks(name: string): Promise<void> {
    const entry = this.entries.get(name);
    const ids = this.worker.taskIds().filter((id) => id.connector === name);
    await this.worker.stopTasks(ids);
    entry?.taskStatus.clear();
  }

  deleteConnector(name: string): Promise<void> {
    return this.serialized(async () => {
      this.entry(name);
      await this.stopTasks(name);
      await this.worker.stopConnector(name);
      this.entries.delete(name);
      this.forgetActiveTopics(name);
    });
  }

  /** Plain restart: the connector only (204). With includeTasks / onlyFailed: a plan, answered with its states (202). */
  restartConnector(request: RestartRequest): Promise<ConnectorStateInfo | null> {
    return this.serialized(async () => {
      const { connector: name, includeTasks, onlyFailed } = request;
      const entry = this.entry(name);
      const restartConnector = !onlyFailed || entry.status.state === 'FAILED';
      const tasksToRestart = includeTasks
        ? [...entry.taskStatus]
            .filter(([, status]) => !onlyFailed || status.state === 'FAILED')
            .map(([id]) => id)
        : [];
      const plan: ConnectorStateInfo | null =
        includeTasks || onlyFailed
          ? {
              name,
              connector: restartConnector ? this.stateInfo('RESTARTING') : { ...entry.status },
              tasks: [...entry.taskStatus]
                .sort(([a], [b]) => a - b)
                .map(([id, status]) =>
                  tasksToRestart.includes(id) ? { id, ...this.stateInfo('RESTARTING') } : { id, ...status },
                ),
              type: this.worker.connectorTypeOf(entry.config),
            }
          : null;
      if (restartConnector) {
        await this.worker.stopConnector(name);
        entry.status = this.stateInfo('RESTARTING');
        const started = await this.worker.startConnector(name, entry.config, entry.targetState, this);
        if (started && !includeTasks) await this.updateTasks(name);
      }
      if (tasksToRestart.length > 0) {
        const ids = tasksToRestart.map((task) => ({ connector: name, task }));
        await this.worker.stopTasks(ids);
        if (restartConnector) await this.updateTasks(name, true);
        else
          for (const id of ids) {
            entry.taskStatus.set(id.task, this.stateInfo('RESTARTING'));
            await this.worker.startTask(
              id,
              entry.config,
              entry.taskConfigs[id.task]!,
              entry.targetState,
              this,
            );
          }
      }
      return plan;
    });
  }

  restartTask(name: string, task: number): Promise<void> {
    return this.serialized(async () => {
      const entry = this.entry(name);
      const taskConfig = entry.taskConfigs[task];
      if (taskConfig === undefined) throw new RestError(404, `Task ${name}-${task} not found`);
      const id = { connector: name, task };
      await this.worker.stopTasks([id]);
      entry.taskStatus.set(task, this.stateInfo('RESTARTING'));
      await this.worker.startTask(id, entry.config, taskConfig, entry.targetState, this);
    });
  }

  pauseConnector(name: string): Promise<void> {
    return this.transition(name, 'PAUSED');
  }

  resumeConnector(name: string): Promise<void> {
    return this.transition(name, 'STARTED');
  }

  stopConnector(name: string): Promise<void> {
    return this.transition(name, 'STOPPED');
  }

  private transition(name: string, target: TargetState): Promise<void> {
    return this.serialized(async () => {
      const entry = this.entry(name);
      const previous = entry.targetState;
      entry.targetState = target;
      if (target === 'STOPPED') {
        await this.stopTasks(name);
        entry.taskConfigs = [];
        await this.worker.transitionConnector(name, 'STOPPED', this);
        return;
      }
      if (!this.worker.connectorNames().includes(name)) {
        await this.startConnector(name, entry, false);
        return;
      }
      await this.worker.transitionConnector(name, target, this);
      if (previous === 'STOPPED') await this.updateTasks(name, true);
      else this.worker.transitionTasks(name, target);
    });
  }

  async connectorOffsets(name: string): Promise<ConnectorOffset[]> {
    return this.readOffsets(name, this.entry(name).config);
  }

  alterConnectorOffsets(name: string, offsets: ConnectorOffset[] | null): Promise<string> {
    return this.serialized(async () => {
      const entry = this.entry(name);
      if (entry.targetState !== 'STOPPED' || this.worker.isRunning(name))
        throw new RestError(
          400,
          `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${name}/stop' endpoint`,
        );
      return this.writeOffsets(name, entry.config, offsets);
    });
  }

  /** Stops every connector and task (worker shutdown). */
  stop(): Promise<void> {
    return this.serialized(() => this.worker.stop());
  }
}

/** The connector name and config of a connector .properties file given on the command line. */
export function connectorFromProperties(props: ConnectorProps): { name: string; config: ConnectorProps } {
  const name = props[NAME_CONFIG];
  if (name === undefined || name.trim() === '')
    throw new RestError(400, `Missing required configuration "${NAME_CONFIG}" which has no default value.`);
  if (props[CONNECTOR_CLASS_CONFIG] === undefined)
    throw new RestError(
      400,
      `Missing required configuration "${CONNECTOR_CLASS_CONFIG}" which has no default value.`,
    );
  return { name, config: props };
}
