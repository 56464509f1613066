/**
 * The records of the Connect config topic (`config.storage.topic`, one partition, compacted), as Kafka's
 * KafkaConfigBackingStore writes and reads them. Keys are UTF-8 strings; values are schemaless JSON from the
 * internal JsonConverter, struct fields in the order of Kafka's schemas:
 *
 *   connector-<name>           {"properties":{...}}                        null = connector deleted
 *   task-<name>-<n>            {"properties":{...}}                        applied only by the next commit
 *   commit-<name>              {"tasks":N}
 *   target-state-<name>        {"state":"PAUSED","state.v2":"STOPPED"}     `state` falls back to PAUSED for
 *                                                                          STOPPED, which old workers lack
 *   tasks-fencing-<name>       {"task-count":N}                            (exactly-once source support)
 *   session-key                {"key":base64,"algorithm":..,"creation-timestamp":ms}
 *   restart-connector-<name>   {"include-tasks":bool,"only-failed":bool}
 *   logger-cluster-<namespace> {"level":..}
 *
 * Keys are classified by prefix in Kafka's order (target-state-, connector-, task-, commit-, restart-connector-,
 * tasks-fencing-, session-key, logger-cluster-). Decoding is as lenient as Kafka's: a value of the wrong shape
 * becomes an `invalid` record that the state ignores, never an exception.
 */
import { Schema, SchemaBuilder } from '../../data/schema.ts';
import { Struct } from '../../data/struct.ts';
import type { ConnectorTaskId } from './connect-protocol.ts';
import {
  asBuffer,
  intValue,
  internalValueConverter,
  javaParseInt,
  javaSplitOnDash,
  readInternalJson,
} from './internal-converter.ts';

export type TargetState = 'STARTED' | 'PAUSED' | 'STOPPED';
const TARGET_STATES: readonly string[] = ['STARTED', 'PAUSED', 'STOPPED'];

export const TARGET_STATE_PREFIX = 'target-state-';
export const CONNECTOR_PREFIX = 'connector-';
export const TASK_PREFIX = 'task-';
export const COMMIT_TASKS_PREFIX = 'commit-';
export const RESTART_PREFIX = 'restart-connector-';
export const TASK_COUNT_RECORD_PREFIX = 'tasks-fencing-';
export const SESSION_KEY_KEY = 'session-key';
export const LOGGER_CLUSTER_PREFIX = 'logger-cluster-';

export const connectorKey = (connector: string): string => CONNECTOR_PREFIX + connector;
export const taskKey = (id: ConnectorTaskId): string => `${TASK_PREFIX}${id.connector}-${id.task}`;
export const commitTasksKey = (connector: string): string => COMMIT_TASKS_PREFIX + connector;
export const targetStateKey = (connector: string): string => TARGET_STATE_PREFIX + connector;
export const taskCountRecordKey = (connector: string): string => TASK_COUNT_RECORD_PREFIX + connector;
export const restartKey = (connector: string): string => RESTART_PREFIX + connector;
export const loggerClusterKey = (namespace: string): string => LOGGER_CLUSTER_PREFIX + namespace;

/** Connector and task configurations; values may be null (the schema's values are optional strings). */
export type ConfigProperties = Map<string, string | null>;

const CONNECTOR_CONFIGURATION_V0 = SchemaBuilder.struct()
  .field('properties', SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).build())
  .build();
const CONNECTOR_TASKS_COMMIT_V0 = SchemaBuilder.struct().field('tasks', Schema.INT32_SCHEMA).build();
const TARGET_STATE_V1 = SchemaBuilder.struct()
  .field('state', Schema.STRING_SCHEMA)
  .field('state.v2', Schema.OPTIONAL_STRING_SCHEMA)
  .build();
const TASK_COUNT_RECORD_V0 = SchemaBuilder.struct().field('task-count', Schema.INT32_SCHEMA).build();
const SESSION_KEY_V0 = SchemaBuilder.struct()
  .field('key', Schema.STRING_SCHEMA)
  .field('algorithm', Schema.STRING_SCHEMA)
  .field('creation-timestamp', Schema.INT64_SCHEMA)
  .build();
const RESTART_REQUEST_V0 = SchemaBuilder.struct()
  .field('include-tasks', Schema.BOOLEAN_SCHEMA)
  .field('only-failed', Schema.BOOLEAN_SCHEMA)
  .build();
const LOGGER_LEVEL_V0 = SchemaBuilder.struct().field('level', Schema.STRING_SCHEMA).build();

function serialize(schema: Schema, fields: Record<string, unknown>): Buffer {
  const struct = new Struct(schema);
  for (const [name, value] of Object.entries(fields)) struct.put(name, value);
  return asBuffer(internalValueConverter().fromConnectData('', schema, struct))!;
}

function toPropertiesMap(properties: ConfigProperties | Readonly<Record<string, string>>): ConfigProperties {
  return properties instanceof Map ? properties : new Map(Object.entries(properties));
}

export function encodeConnectorConfig(
  properties: ConfigProperties | Readonly<Record<string, string>>,
): Buffer {
  return serialize(CONNECTOR_CONFIGURATION_V0, { properties: toPropertiesMap(properties) });
}

/** Task configurations share the connector configuration's schema. */
export const encodeTaskConfig = encodeConnectorConfig;

export function encodeTasksCommit(taskCount: number): Buffer {
  return serialize(CONNECTOR_TASKS_COMMIT_V0, { tasks: taskCount });
}

export function encodeTargetState(state: TargetState): Buffer {
  return serialize(TARGET_STATE_V1, { state: state === 'STOPPED' ? 'PAUSED' : state, 'state.v2': state });
}

export function encodeTaskCountRecord(taskCount: number): Buffer {
  return serialize(TASK_COUNT_RECORD_V0, { 'task-count': taskCount });
}

export interface SessionKey {
  key: Buffer;
  algorithm: string;
  creationTimestamp: number;
}

export function encodeSessionKey(sessionKey: SessionKey): Buffer {
  return serialize(SESSION_KEY_V0, {
    key: sessionKey.key.toString('base64'),
    algorithm: sessionKey.algorithm,
    'creation-timestamp': BigInt(sessionKey.creationTimestamp),
  });
}

export interface RestartRequest {
  connector: string;
  onlyFailed: boolean;
  includeTasks: boolean;
}

export function encodeRestartRequest(request: Omit<RestartRequest, 'connector'>): Buffer {
  return serialize(RESTART_REQUEST_V0, {
    'include-tasks': request.includeTasks,
    'only-failed': request.onlyFailed,
  });
}

export function encodeLoggerLevel(level: string): Buffer {
  return serialize(LOGGER_LEVEL_V0, { level });
}

export type ConfigRecord =
  /** `config` null: the connector was deleted (tombstone). */
  | { type: 'connector-config'; connector: string; config: ConfigProperties | null }
  | { type: 'task-config'; id: ConnectorTaskId; config: ConfigProperties }
  /** `taskCount` null: the value is not a commit; Kafka still drops the connector if it has no config. */
  | { type: 'tasks-commit'; connector: string; taskCount: number | null }
  /** `state` null: tombstone. */
  | { type: 'target-state'; connector: string; state: TargetState | null }
  | { type: 'task-count-record'; connector: string; taskCount: number }
  | { type: 'session-key'; sessionKey: SessionKey }
  | { type: 'restart-request'; request: RestartRequest }
  | { type: 'logger-level'; namespace: string; level: string }
  /** A record Kafka logs and skips; `undecodable` (not JSON) does not even advance the config offset. */
  | { type: 'invalid'; key: string; reason: string; undecodable?: boolean };

type InvalidConfigRecord = Extract<ConfigRecord, { type: 'invalid' }>;

/** Decodes one config-topic record (key as the string or its UTF-8 bytes; value null for a tombstone). */
export function decodeConfigRecord(key: string | Buffer, value: Buffer | null): ConfigRecord {
  const keyText = typeof key === 'string' ? key : key.toString('utf8');
  const data = readInternalJson(internalValueConverter(), value);
  const invalid = (reason: string): InvalidConfigRecord => ({ type: 'invalid', key: keyText, reason });
  if (data === undefined) return { ...invalid('value is not JSON'), undecodable: true };

  if (keyText.startsWith(TARGET_STATE_PREFIX)) {
    const connector = keyText.slice(TARGET_STATE_PREFIX.length);
    if (data === null) return { type: 'target-state', connector, state: null };
    if (!(data instanceof Map)) return invalid('target state is not a map');
    let state = data.get('state.v2');
    if (typeof state !== 'string') state = data.get('state');
    if (typeof state !== 'string') return invalid("target state has no string 'state' field");
    if (!TARGET_STATES.includes(state)) return invalid(`invalid target state ${state}`);
    return { type: 'target-state', connector, state: state as TargetState };
  }
  if (keyText.startsWith(CONNECTOR_PREFIX)) {
    const connector = keyText.slice(CONNECTOR_PREFIX.length);
    if (data === null) return { type: 'connector-config', connector, config: null };
    const config = propertiesOf(data);
    if (config === null) return invalid("connector config has no 'properties' map");
    return { type: 'connector-config', connector, config };
  }
  if (keyText.startsWith(TASK_PREFIX)) {
    const id = parseTaskKey(keyText);
    if (id === null) return invalid("key couldn't be parsed as a task config key");
    const config = data === null ? null : propertiesOf(data);
    if (config === null) return invalid("task config has no 'properties' map");
    return { type: 'task-config', id, config };
  }
  if (keyText.startsWith(COMMIT_TASKS_PREFIX)) {
    const connector = keyText.slice(COMMIT_TASKS_PREFIX.length);
    const taskCount = data instanceof Map ? intValue(data.get('tasks')) : null;
    return { type: 'tasks-commit', connector, taskCount };
  }
  if (keyText.startsWith(RESTART_PREFIX)) {
    if (!(data instanceof Map)) return invalid('restart request is not a map');
    const onlyFailed = data.get('only-failed');
    const includeTasks = data.get('include-tasks');
    return {
      type: 'restart-request',
      request: {
        connector: keyText.slice(RESTART_PREFIX.length),
        onlyFailed: typeof onlyFailed === 'boolean' ? onlyFailed : false,
        includeTasks: typeof includeTasks === 'boolean' ? includeTasks : false,
      },
    };
  }
  if (keyText.startsWith(TASK_COUNT_RECORD_PREFIX)) {
    const taskCount = data instanceof Map ? intValue(data.get('task-count')) : null;
    if (taskCount === null) return invalid('task count record has no integer task-count');
    return {
      type: 'task-count-record',
      connector: keyText.slice(TASK_COUNT_RECORD_PREFIX.length),
      taskCount,
    };
  }
  if (keyText === SESSION_KEY_KEY) {
    if (!(data instanceof Map)) return invalid('session key is not a map');
    const encodedKey = data.get('key');
    const algorithm = data.get('algorithm');
    const creationTimestamp = data.get('creation-timestamp');
    if (typeof encodedKey !== 'string') return invalid("session key 'key' is not a string");
    if (typeof algorithm !== 'string') return invalid("session key 'algorithm' is not a string");
    if (typeof creationTimestamp !== 'bigint')
      return invalid("session key 'creation-timestamp' is not a long");
    return {
      type: 'session-key',
      sessionKey: {
        key: Buffer.from(encodedKey, 'base64'),
        algorithm,
        creationTimestamp: Number(creationTimestamp),
      },
    };
  }
  if (keyText.startsWith(LOGGER_CLUSTER_PREFIX)) {
    const level = data instanceof Map ? data.get('level') : undefined;
    if (typeof level !== 'string') return invalid("logger level has no string 'level' field");
    return { type: 'logger-level', namespace: keyText.slice(LOGGER_CLUSTER_PREFIX.length), level };
  }
  return invalid('invalid key');
}

function propertiesOf(data: unknown): ConfigProperties | null {
  if (!(data instanceof Map)) return null;
  const properties = data.get('properties');
  if (!(properties instanceof Map)) return null;
  const result: ConfigProperties = new Map();
  for (const [name, value] of properties) {
    result.set(String(name), value === null || value === undefined ? null : String(value));
  }
  return result;
}

/** `task-<connector>-<n>` as KafkaConfigBackingStore.parseTaskId reads it (connector names may contain '-'). */
export function parseTaskKey(key: string): ConnectorTaskId | null {
  const parts = javaSplitOnDash(key);
  if (parts.length < 3) return null;
  const task = javaParseInt(parts[parts.length - 1]!);
  if (task === null) return null;
  return { connector: parts.slice(1, -1).join('-'), task };
}
