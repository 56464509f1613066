/**
 * The worker's view of the config topic: `ConfigTopicState` applies its records in offset order, as
 * KafkaConfigBackingStore's ConsumeCallback does, and `snapshot()` returns an immutable ClusterConfigState.
 *
 * Invariants:
 * - `offset` is the offset after the last record applied (the consumer's position), -1 before any; a value
 *   that is not JSON is skipped without moving it, as Kafka does;
 * - task configs are deferred per connector and become visible only when a `commit-<name>` record arrives
 *   that names a task count N with configs for tasks 0..N-1 among the deferred ones (more are allowed:
 *   compaction can leave stale higher tasks). An incomplete commit marks the connector inconsistent (its
 *   tasks() is empty until a later complete commit); either way the deferred configs are dropped;
 * - a connector config tombstone removes the connector, its task count, task configs and deferred configs;
 *   a commit for a connector without a config does the same (compaction removed config and tombstone);
 * - every connector with a config has a target state: STARTED unless a target-state record said otherwise;
 * - a commit leaves the connector pending a zombie fencing until a later task count record (tasks-fencing-).
 */
import type { ConnectorTaskId } from './connect-protocol.ts';
import {
  decodeConfigRecord,
  type ConfigProperties,
  type ConfigRecord,
  type RestartRequest,
  type SessionKey,
  type TargetState,
} from './config-records.ts';

export const NO_OFFSET = -1;

/** What changed, for a herder to react to once it has read to the end of the topic at startup. */
export type ConfigUpdate =
  | { type: 'connector-config-update'; connector: string }
  | { type: 'connector-config-remove'; connector: string }
  | { type: 'task-config-update'; tasks: ConnectorTaskId[] }
  | { type: 'target-state-change'; connector: string }
  | { type: 'restart-request'; request: RestartRequest }
  | { type: 'session-key-update'; sessionKey: SessionKey }
  | { type: 'logging-level-update'; namespace: string; level: string };

const taskKey = (id: ConnectorTaskId): string => `${id.connector}\u0000${id.task}`;

/** An immutable snapshot of the config topic (Kafka's ClusterConfigState). */
export class ClusterConfigState {
  static readonly EMPTY = new ClusterConfigState({
    offset: NO_OFFSET,
    sessionKey: null,
    connectorConfigs: new Map(),
    connectorTaskCounts: new Map(),
    connectorTargetStates: new Map(),
    taskConfigs: new Map(),
    connectorTaskCountRecords: new Map(),
    connectorTaskConfigGenerations: new Map(),
    appliedConnectorConfigs: new Map(),
    connectorsPendingFencing: new Set(),
    inconsistentConnectors: new Set(),
  });

  constructor(private readonly state: ConfigStateData) {}

  get offset(): number {
    return this.state.offset;
  }

  get sessionKey(): SessionKey | null {
    return this.state.sessionKey;
  }

  contains(connector: string): boolean {
    return this.state.connectorConfigs.has(connector);
  }

  connectors(): string[] {
    return [...this.state.connectorConfigs.keys()];
  }

  connectorConfig(connector: string): ConfigProperties | null {
    return this.state.connectorConfigs.get(connector) ?? null;
  }

  /** The connector config in force when its current task configs were committed. */
  appliedConnectorConfig(connector: string): ConfigProperties | null {
    return this.state.appliedConnectorConfigs.get(connector) ?? null;
  }

  targetState(connector: string): TargetState | null {
    return this.state.connectorTargetStates.get(connector) ?? null;
  }

  taskConfig(id: ConnectorTaskId): ConfigProperties | null {
    return this.state.taskConfigs.get(taskKey(id)) ?? null;
  }

  /** The committed task configs of a connector, task 0 first; empty while it is inconsistent. */
  taskConfigs(connector: string): ConfigProperties[] {
    return this.tasks(connector).map((id) => this.taskConfig(id) ?? new Map());
  }

  /** The number of tasks the last commit named; 0 when none. */
  taskCount(connector: string): number {
    return this.state.connectorTaskCounts.get(connector) ?? 0;
  }

  /** Tasks 0..taskCount-1, or none while the connector is inconsistent. */
  tasks(connector: string): ConnectorTaskId[] {
    if (this.state.inconsistentConnectors.has(connector)) return [];
    const count = this.state.connectorTaskCounts.get(connector);
    if (count === undefined) return [];
    return Array.from({ length: count }, (_, task) => ({ connector, task }));
  }

  taskCountRecord(connector: string): number | null {
    return this.state.connectorTaskCountRecords.get(connector) ?? null;
  }

  taskConfigGeneration(connector: string): number | null {
    return this.state.connectorTaskConfigGenerations.get(connector) ?? null;
  }

  pendingFencing(connector: string): boolean {
    return this.state.connectorsPendingFencing.has(connector);
  }

  inconsistentConnectors(): string[] {
    return [...this.state.inconsistentConnectors];
  }
}

interface ConfigStateData {
  offset: number;
  sessionKey: SessionKey | null;
  connectorConfigs: Map<string, ConfigProperties>;
  connectorTaskCounts: Map<string, number>;
  connectorTargetStates: Map<string, TargetState>;
  taskConfigs: Map<string, ConfigProperties>;
  connectorTaskCountRecords: Map<string, number>;
  connectorTaskConfigGenerations: Map<string, number>;
  appliedConnectorConfigs: Map<string, ConfigProperties>;
  connectorsPendingFencing: Set<string>;
  inconsistentConnectors: Set<string>;
}

/** Applies config-topic records in order; see the file comment for the invariants. */
export class ConfigTopicState {
  private offset = NO_OFFSET;
  private sessionKey: SessionKey | null = null;
  private readonly connectorConfigs = new Map<string, ConfigProperties>();
  private readonly connectorTaskCounts = new Map<string, number>();
  private readonly connectorTargetStates = new Map<string, TargetState>();
  private readonly taskConfigs = new Map<string, ConfigProperties>();
  private readonly deferredTaskUpdates = new Map<string, Map<number, ConfigProperties>>();
  private readonly connectorTaskCountRecords = new Map<string, number>();
  private readonly connectorTaskConfigGenerations = new Map<string, number>();
  private readonly appliedConnectorConfigs = new Map<string, ConfigProperties>();
  private readonly connectorsPendingFencing = new Set<string>();
  private readonly inconsistent = new Set<string>();

  /** Decodes and applies the record at `offset`; returns what changed, or null when nothing a herder cares about. */
  apply(offset: number, key: string | Buffer, value: Buffer | null): ConfigUpdate | null {
    return this.applyRecord(offset, decodeConfigRecord(key, value));
  }

  applyRecord(offset: number, record: ConfigRecord): ConfigUpdate | null {
    if (record.type === 'invalid' && record.undecodable) return null;
    this.offset = offset + 1;
    switch (record.type) {
      case 'invalid':
        return null;
      case 'target-state':
        return this.applyTargetState(record.connector, record.state);
      case 'connector-config':
        if (record.config === null) {
          this.removeConnector(record.connector);
          return { type: 'connector-config-remove', connector: record.connector };
        }
        this.connectorConfigs.set(record.connector, record.config);
        if (!this.connectorTargetStates.has(record.connector)) {
          this.connectorTargetStates.set(record.connector, 'STARTED');
        }
        return { type: 'connector-config-update', connector: record.connector };
      case 'task-config': {
        const deferred =
          this.deferredTaskUpdates.get(record.id.connector) ?? new Map<number, ConfigProperties>();
        deferred.set(record.id.task, record.config);
        this.deferredTaskUpdates.set(record.id.connector, deferred);
        return null;
      }
      case 'tasks-commit':
        return this.applyTasksCommit(record.connector, record.taskCount);
      case 'task-count-record':
        this.connectorTaskCountRecords.set(record.connector, record.taskCount);
        this.connectorsPendingFencing.delete(record.connector);
        return null;
      case 'session-key':
        this.sessionKey = record.sessionKey;
        return { type: 'session-key-update', sessionKey: record.sessionKey };
      case 'restart-request':
        return { type: 'restart-request', request: record.request };
      case 'logger-level':
        return { type: 'logging-level-update', namespace: record.namespace, level: record.level };
    }
  }

  private applyTargetState(connector: string, state: TargetState | null): ConfigUpdate | null {
    if (state === null) {
      this.connectorTargetStates.delete(connector);
      if (this.connectorConfigs.has(connector)) this.connectorTargetStates.set(connector, 'STARTED');
      return null;
    }
    const previous = this.connectorTargetStates.get(connector);
    this.connectorTargetStates.set(connector, state);
    if (previous === state || !this.connectorConfigs.has(connector)) return null;
    return { type: 'target-state-change', connector };
  }

  private applyTasksCommit(connector: string, taskCount: number | null): ConfigUpdate | null {
    const connectorConfig = this.connectorConfigs.get(connector);
    if (connectorConfig === undefined) {
      this.removeConnector(connector);
      return null;
    }
    if (taskCount === null) return null;
    const deferred = this.deferredTaskUpdates.get(connector);
    const updated: ConnectorTaskId[] = [];
    if (!hasTasksUpTo(deferred, taskCount)) {
      this.inconsistent.add(connector);
    } else {
      if (deferred !== undefined) {
        for (const [task, config] of deferred) {
          this.taskConfigs.set(taskKey({ connector, task }), config);
          updated.push({ connector, task });
        }
        const generation = this.connectorTaskConfigGenerations.get(connector);
        this.connectorTaskConfigGenerations.set(connector, generation === undefined ? 0 : generation + 1);
      }
      this.inconsistent.delete(connector);
      this.appliedConnectorConfigs.set(connector, connectorConfig);
    }
    deferred?.clear();
    this.connectorTaskCounts.set(connector, taskCount);
    this.connectorsPendingFencing.add(connector);
    return { type: 'task-config-update', tasks: updated };
  }

  private removeConnector(connector: string): void {
    this.connectorConfigs.delete(connector);
    this.connectorTaskCounts.delete(connector);
    for (const key of [...this.taskConfigs.keys()]) {
      if (key.startsWith(`${connector}\u0000`)) this.taskConfigs.delete(key);
    }
    this.deferredTaskUpdates.delete(connector);
    this.appliedConnectorConfigs.delete(connector);
  }

  snapshot(): ClusterConfigState {
    return new ClusterConfigState({
      offset: this.offset,
      sessionKey: this.sessionKey,
      connectorConfigs: new Map(this.connectorConfigs),
      connectorTaskCounts: new Map(this.connectorTaskCounts),
      connectorTargetStates: new Map(this.connectorTargetStates),
      taskConfigs: new Map(this.taskConfigs),
      connectorTaskCountRecords: new Map(this.connectorTaskCountRecords),
      connectorTaskConfigGenerations: new Map(this.connectorTaskConfigGenerations),
      appliedConnectorConfigs: new Map(this.appliedConnectorConfigs),
      connectorsPendingFencing: new Set(this.connectorsPendingFencing),
      inconsistentConnectors: new Set(this.inconsistent),
    });
  }
}

/** Kafka's completeTaskIdSet: configs for every task below `count` are present (extra ones are tolerated). */
function hasTasksUpTo(deferred: Map<number, ConfigProperties> | undefined, count: number): boolean {
  for (let task = 0; task < count; task++) if (!deferred?.has(task)) return false;
  return true;
}
