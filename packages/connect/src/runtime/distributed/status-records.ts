/**
 * The records of the Connect status topic (`status.storage.topic`, compacted), as Kafka's
 * KafkaStatusBackingStore writes and reads them. Keys are UTF-8 strings; values are schemaless JSON from the
 * internal JsonConverter, struct fields in the order of Kafka's schemas:
 *
 *   status-connector-<name>                  {"state":"RUNNING","trace":null,"worker_id":"host:8083","generation":3}
 *   status-task-<name>-<n>                   same fields; `trace` is null unless the task failed
 *   status-topic-<topic>:connector-<name>    {"topic":{"name":..,"connector":..,"task":0,"discoverTimestamp":ms}}
 *
 * A null value is a tombstone (the connector, task or topic usage was removed). Decoding follows Kafka's
 * parse methods: a value of the wrong shape (unknown state, generation or task not an integer, ...) decodes
 * as `invalid`, which Kafka logs and skips. A store caching task statuses applies `shouldApplyTaskStatus`.
 */
import { Schema, SchemaBuilder } from '../../data/schema.ts';
import { Struct } from '../../data/struct.ts';
import type { ConnectorTaskId } from './connect-protocol.ts';
import {
  asBuffer,
  internalValueConverter,
  javaParseInt,
  javaSplitOnDash,
  readInternalJson,
} from './internal-converter.ts';

/** AbstractStatus.State. DESTROYED is never shown to users but may be written. */
export type ConnectState =
  'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'FAILED' | 'DESTROYED' | 'RESTARTING' | 'STOPPED';
const STATES: readonly string[] = [
  'UNASSIGNED',
  'RUNNING',
  'PAUSED',
  'FAILED',
  'DESTROYED',
  'RESTARTING',
  'STOPPED',
];

export const TASK_STATUS_PREFIX = 'status-task-';
export const CONNECTOR_STATUS_PREFIX = 'status-connector-';
export const TOPIC_STATUS_PREFIX = 'status-topic-';
export const TOPIC_STATUS_SEPARATOR = ':connector-';

export const connectorStatusKey = (connector: string): string => CONNECTOR_STATUS_PREFIX + connector;
export const taskStatusKey = (id: ConnectorTaskId): string =>
  `${TASK_STATUS_PREFIX}${id.connector}-${id.task}`;
export const topicStatusKey = (topic: string, connector: string): string =>
  TOPIC_STATUS_PREFIX + topic + TOPIC_STATUS_SEPARATOR + connector;

export interface Status {
  state: ConnectState;
  trace: string | null;
  workerId: string;
  generation: number;
}

export interface TopicStatus {
  topic: string;
  connector: string;
  task: number;
  discoverTimestamp: number;
}

const STATUS_SCHEMA_V0 = SchemaBuilder.struct()
  .field('state', Schema.STRING_SCHEMA)
  .field('trace', SchemaBuilder.string().optional().build())
  .field('worker_id', Schema.STRING_SCHEMA)
  .field('generation', Schema.INT32_SCHEMA)
  .build();
const TOPIC_STATUS_VALUE_SCHEMA_V0 = SchemaBuilder.struct()
  .field('name', Schema.STRING_SCHEMA)
  .field('connector', Schema.STRING_SCHEMA)
  .field('task', Schema.INT32_SCHEMA)
  .field('discoverTimestamp', Schema.INT64_SCHEMA)
  .build();
const TOPIC_STATUS_SCHEMA_V0 = SchemaBuilder.map(Schema.STRING_SCHEMA, TOPIC_STATUS_VALUE_SCHEMA_V0).build();

/** A connector or task status value. */
export function encodeStatus(status: Status): Buffer {
  const struct = new Struct(STATUS_SCHEMA_V0)
    .put('state', status.state)
    .put('trace', status.trace)
    .put('worker_id', status.workerId)
    .put('generation', status.generation);
  return asBuffer(internalValueConverter().fromConnectData('', STATUS_SCHEMA_V0, struct))!;
}

export function encodeTopicStatus(status: TopicStatus): Buffer {
  const struct = new Struct(TOPIC_STATUS_VALUE_SCHEMA_V0)
    .put('name', status.topic)
    .put('connector', status.connector)
    .put('task', status.task)
    .put('discoverTimestamp', BigInt(status.discoverTimestamp));
  const value = new Map([['topic', struct]]);
  return asBuffer(internalValueConverter().fromConnectData('', TOPIC_STATUS_SCHEMA_V0, value))!;
}

export type StatusRecord =
  /** `status` null: tombstone. */
  | { type: 'connector-status'; connector: string; status: Status | null }
  | { type: 'task-status'; id: ConnectorTaskId; status: Status | null }
  | { type: 'topic-status'; topic: string; connector: string; status: TopicStatus | null }
  | { type: 'invalid'; key: string; reason: string };

/** Decodes one status-topic record (key as the string or its UTF-8 bytes; value null for a tombstone). */
export function decodeStatusRecord(key: string | Buffer, value: Buffer | null): StatusRecord {
  const keyText = typeof key === 'string' ? key : key.toString('utf8');
  const invalid = (reason: string): StatusRecord => ({ type: 'invalid', key: keyText, reason });
  if (keyText.startsWith(CONNECTOR_STATUS_PREFIX)) {
    const connector = keyText.slice(CONNECTOR_STATUS_PREFIX.length);
    if (connector === '') return invalid('empty connector name');
    if (value === null) return { type: 'connector-status', connector, status: null };
    const status = parseStatus(value);
    return status === null
      ? invalid('invalid connector status')
      : { type: 'connector-status', connector, status };
  }
  if (keyText.startsWith(TASK_STATUS_PREFIX)) {
    const id = parseTaskStatusKey(keyText);
    if (id === null) return invalid("key couldn't be parsed as a task status key");
    if (value === null) return { type: 'task-status', id, status: null };
    const status = parseStatus(value);
    return status === null ? invalid('invalid task status') : { type: 'task-status', id, status };
  }
  if (keyText.startsWith(TOPIC_STATUS_PREFIX)) {
    const delimiter = keyText.indexOf(':');
    if (delimiter < TOPIC_STATUS_PREFIX.length) return invalid('no topic in key');
    const topic = keyText.slice(TOPIC_STATUS_PREFIX.length, delimiter);
    const connector = keyText.slice(delimiter + TOPIC_STATUS_SEPARATOR.length);
    if (topic === '' || connector === '') return invalid('empty topic or connector in key');
    if (value === null) return { type: 'topic-status', topic, connector, status: null };
    const status = parseTopicStatus(value);
    return status === null
      ? invalid('invalid topic status')
      : { type: 'topic-status', topic, connector, status };
  }
  return invalid('unknown key prefix');
}

function parseStatus(value: Buffer): Status | null {
  const data = readInternalJson(internalValueConverter(), value);
  if (!(data instanceof Map)) return null;
  const state = data.get('state');
  const trace = data.get('trace') ?? null;
  const workerId = data.get('worker_id') ?? null;
  const generation = data.get('generation');
  if (typeof state !== 'string' || !STATES.includes(state)) return null;
  if (trace !== null && typeof trace !== 'string') return null;
  if (workerId !== null && typeof workerId !== 'string') return null;
  if (typeof generation !== 'bigint') return null;
  return {
    state: state as ConnectState,
    trace,
    workerId: workerId as string,
    generation: Number(BigInt.asIntN(32, generation)),
  };
}

function parseTopicStatus(value: Buffer): TopicStatus | null {
  const data = readInternalJson(internalValueConverter(), value);
  if (!(data instanceof Map)) return null;
  const inner = data.get('topic');
  if (!(inner instanceof Map)) return null;
  const topic = inner.get('name') ?? null;
  const connector = inner.get('connector') ?? null;
  const task = inner.get('task');
  const discoverTimestamp = inner.get('discoverTimestamp');
  if (topic !== null && typeof topic !== 'string') return null;
  if (connector !== null && typeof connector !== 'string') return null;
  if (typeof task !== 'bigint' || typeof discoverTimestamp !== 'bigint') return null;
  return {
    topic: topic as string,
    connector: connector as string,
    task: Number(BigInt.asIntN(32, task)),
    discoverTimestamp: Number(discoverTimestamp),
  };
}

/** `status-task-<connector>-<n>` as KafkaStatusBackingStore.parseConnectorTaskId reads it. */
export function parseTaskStatusKey(key: string): ConnectorTaskId | null {
  const parts = javaSplitOnDash(key);
  if (parts.length < 4) return null;
  const task = javaParseInt(parts[parts.length - 1]!);
  if (task === null) return null;
  return { connector: parts.slice(2, -1).join('-'), task };
}

/**
 * Whether a task status read from the topic replaces the cached one (KafkaStatusBackingStore.readTaskStatus):
 * an UNASSIGNED status never replaces a RUNNING one of the same or a newer generation. During quick successive
 * rebalances a worker that has not yet read the new owner's RUNNING status may still write UNASSIGNED.
 */
export function shouldApplyTaskStatus(current: Status | null, incoming: Status): boolean {
  return !(
    incoming.state === 'UNASSIGNED' &&
    current !== null &&
    current.state === 'RUNNING' &&
    current.generation >= incoming.generation
  );
}
