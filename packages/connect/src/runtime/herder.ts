/**
 * The Herder: what the REST API asks of a Connect cluster (org.apache.kafka.connect.runtime.Herder), and the
 * REST entities it answers with, field for field as Kafka Connect's JSON. The standalone and distributed
 * herders implement it; the REST server knows nothing else.
 */
import type { ConfigInfos, ConfigKeyInfo } from '../config/config-infos.ts';
import type { ConnectorType } from './connector-config.ts';

export type ConnectorProps = Record<string, string>;

/** AbstractStatus.State. STOPPED is a connector's only; its tasks are then gone. */
export type State = 'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'STOPPED' | 'FAILED' | 'RESTARTING';

/** The state a user asked a connector to be in (TargetState). */
export type TargetState = 'STARTED' | 'PAUSED' | 'STOPPED';

export interface ConnectorTaskId {
  connector: string;
  task: number;
}

export interface ConnectorInfo {
  name: string;
  config: ConnectorProps;
  tasks: ConnectorTaskId[];
  type: ConnectorType | 'unknown';
}

export interface StateInfo {
  state: State;
  worker_id: string;
  /** Only when FAILED (Kafka leaves an empty trace out of the JSON). */
  trace?: string;
}

export interface TaskStateInfo extends StateInfo {
  id: number;
}

export interface ConnectorStateInfo {
  name: string;
  connector: StateInfo;
  tasks: TaskStateInfo[];
  type: ConnectorType | 'unknown';
}

export interface TaskInfo {
  id: ConnectorTaskId;
  config: ConnectorProps;
}

export interface PluginInfo {
  class: string;
  type: 'source' | 'sink' | 'converter' | 'header_converter' | 'transformation' | 'predicate';
  version: string;
}

/** KIP-875: one partition's offset; a null offset resets it. */
export interface ConnectorOffset {
  partition: Record<string, unknown>;
  offset: Record<string, unknown> | null;
}

export interface RestartRequest {
  connector: string;
  onlyFailed: boolean;
  includeTasks: boolean;
}

export interface ServerInfo {
  version: string;
  commit: string;
  kafka_cluster_id: string;
}

/** Errors the REST API maps to a status: the class decides the code, the message is the body's. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RestError';
  }
}

/**
 * A request another worker must answer (Kafka's RequestTargetException): the group's leader for config writes,
 * the worker running a task for its restart. The REST server forwards the request to `forwardUrl`, a worker's
 * REST URL; null when this worker knows no target yet (a rebalance is under way).
 */
export class RequestTargetError extends Error {
  constructor(
    message: string,
    readonly forwardUrl: string | null,
  ) {
    super(message);
    this.name = 'RequestTargetError';
  }
}

export const notFound = (connector: string): RestError =>
  new RestError(404, `Connector ${connector} not found`);

/** The body of `GET /connectors/{name}/topics`: `{"<name>": {"topics": [...]}}`. */
export type ActiveTopicsInfo = Record<string, { topics: string[] }>;

export interface Herder {
  serverInfo(): Promise<ServerInfo>;
  /** The ids this worker answers to (for the console's worker list). */
  workerId(): string;
  connectors(): Promise<string[]>;
  connectorInfo(name: string): Promise<ConnectorInfo>;
  connectorConfig(name: string): Promise<ConnectorProps>;
  connectorStatus(name: string): Promise<ConnectorStateInfo>;
  taskStatus(name: string, task: number): Promise<TaskStateInfo>;
  taskConfigs(name: string): Promise<TaskInfo[]>;
  /** Creates or replaces a connector's config; `created` tells a create (201) from an update (200). */
  putConnectorConfig(
    name: string,
    config: ConnectorProps,
    allowReplace: boolean,
    initialState?: TargetState,
  ): Promise<{ created: boolean; info: ConnectorInfo }>;
  /** KIP-477: merges `patch` into the config; a null value removes the key. */
  patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo>;
  deleteConnector(name: string): Promise<void>;
  restartConnector(request: RestartRequest): Promise<ConnectorStateInfo | null>;
  restartTask(name: string, task: number): Promise<void>;
  pauseConnector(name: string): Promise<void>;
  resumeConnector(name: string): Promise<void>;
  stopConnector(name: string): Promise<void>;
  connectorOffsets(name: string): Promise<ConnectorOffset[]>;
  /** KIP-875: alters (or, with null, resets) offsets; the connector must be STOPPED. Resolves the message. */
  alterConnectorOffsets(name: string, offsets: ConnectorOffset[] | null): Promise<string>;
  /** KIP-558: the topics a connector has used; 403 when `topic.tracking.enable` is false. */
  connectorActiveTopics(name: string): Promise<ActiveTopicsInfo>;
  /** Forgets them; 403 also when `topic.tracking.allow.reset` is false. */
  resetConnectorActiveTopics(name: string): Promise<void>;
  plugins(connectorsOnly: boolean): PluginInfo[];
  pluginConfig(pluginName: string): ConfigKeyInfo[];
  validateConnectorConfig(config: ConnectorProps): Promise<ConfigInfos>;
}
