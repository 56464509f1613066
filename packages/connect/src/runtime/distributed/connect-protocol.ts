/**
 * The Connect group protocol: the metadata a worker sends in JoinGroup (protocol type `connect`) and the
 * assignment the leader returns in SyncGroup, byte for byte as Kafka's ConnectProtocol and
 * IncrementalCooperativeConnectProtocol write them (classic Kafka `Schema` encoding, big-endian):
 *
 *   header            version int16 (0 eager, 1 compatible, 2 sessioned)
 *   worker state      url string(int16 length), config-offset int64
 *   allocation (v1+)  allocation nullable bytes(int32 length, -1 = null): an assignment, with its own header
 *   assignment        error int16, leader string, leader-url string, config-offset int64,
 *                     assignment [connector string, tasks [int32]] (nullable in v1+),
 *                     revoked [connector string, tasks [int32]] (v1+, nullable), delay int32 (v1+)
 *
 * Invariants:
 * - a connector itself is the task id -1 (CONNECTOR_TASK) in its connector's task list;
 * - readers accept any version >= 0 and read it as the newest layout they know; v1+ fields missing at the end
 *   of the buffer take their defaults (null allocation, empty lists, delay 0), so a v0 worker state parses as
 *   an extended one with no assignment, as Kafka's TOLERATE_MISSING_FIELDS_WITH_DEFAULTS allows;
 * - the empty extended assignment is written as a null allocation;
 * - assigned connectors are listed in the order Java's HashSet iterates them (Kafka's Assignment.asMap builds
 *   one), so the bytes equal a Java worker's; revoked connectors keep their order; tasks follow in list order.
 */
import { Reader, Writer } from '@sluice/protocol';
import { javaHashMapOrder, javaHashSetOrder } from './java-collections.ts';

export const CONNECT_PROTOCOL_TYPE = 'connect';
export const CONNECT_PROTOCOL_V0 = 0;
export const CONNECT_PROTOCOL_V1 = 1;
export const CONNECT_PROTOCOL_V2 = 2;
export const CONNECTOR_TASK = -1;

/** Assignment error codes (ConnectProtocol.Assignment). */
export const NO_ERROR = 0;
/** The leader is behind the config offset some member reported: read the config topic to the end and rejoin. */
export const CONFIG_MISMATCH = 1;

/** Kafka's `connect.protocol` modes (ConnectProtocolCompatibility), by their config names. */
export type ConnectProtocolCompatibility = 'eager' | 'compatible' | 'sessioned';

const MODES: readonly { mode: ConnectProtocolCompatibility; protocol: string; version: number }[] = [
  { mode: 'eager', protocol: 'default', version: CONNECT_PROTOCOL_V0 },
  { mode: 'compatible', protocol: 'compatible', version: CONNECT_PROTOCOL_V1 },
  { mode: 'sessioned', protocol: 'sessioned', version: CONNECT_PROTOCOL_V2 },
];

/** The JoinGroup protocol name of a mode: `default`, `compatible` or `sessioned`. */
export function protocolName(mode: ConnectProtocolCompatibility): string {
  return MODES.find((entry) => entry.mode === mode)!.protocol;
}

export function protocolVersion(mode: ConnectProtocolCompatibility): number {
  return MODES.find((entry) => entry.mode === mode)!.version;
}

/** The mode named by a `connect.protocol` value, case-insensitively. */
export function compatibility(name: string): ConnectProtocolCompatibility {
  const found = MODES.find((entry) => entry.mode === name.toLowerCase());
  if (!found) throw new Error(`Unknown Connect protocol compatibility mode: ${name}`);
  return found.mode;
}

/** The mode of a JoinGroup protocol name, case-insensitively. */
export function compatibilityFromProtocol(protocol: string): ConnectProtocolCompatibility {
  const found = MODES.find((entry) => entry.protocol === protocol.toLowerCase());
  if (!found) throw new Error(`Not found Connect protocol compatibility mode for protocol: ${protocol}`);
  return found.mode;
}

export function compatibilityFromVersion(version: number): ConnectProtocolCompatibility {
  const found = MODES.find((entry) => entry.version === version);
  if (!found) throw new Error(`Unknown Connect protocol version: ${version}`);
  return found.mode;
}

export interface ConnectorTaskId {
  connector: string;
  task: number;
}

/** Kafka's ConnectorTaskId order: by connector name, then task number. */
export function compareTaskIds(a: ConnectorTaskId, b: ConnectorTaskId): number {
  if (a.connector !== b.connector) return a.connector < b.connector ? -1 : 1;
  return a.task - b.task;
}

export function taskIdString(id: ConnectorTaskId): string {
  return `${id.connector}-${id.task}`;
}

export interface WorkerState {
  url: string;
  configOffset: number;
}

export interface Assignment {
  error: number;
  leader: string;
  leaderUrl: string;
  configOffset: number;
  connectors: string[];
  tasks: ConnectorTaskId[];
}

export interface ExtendedAssignment extends Assignment {
  /** The header version the assignment was written with (1 or 2). */
  version: number;
  revokedConnectors: string[];
  revokedTasks: ConnectorTaskId[];
  /** Milliseconds until the leader plans the next rebalance to reassign lost work; 0 when none is scheduled. */
  delay: number;
}

export interface ExtendedWorkerState extends WorkerState {
  /** The worker's current assignment; null before it has one. */
  assignment: ExtendedAssignment | null;
}

export function emptyExtendedAssignment(): ExtendedAssignment {
  return {
    version: CONNECT_PROTOCOL_V1,
    error: NO_ERROR,
    leader: '',
    leaderUrl: '',
    configOffset: -1,
    connectors: [],
    tasks: [],
    revokedConnectors: [],
    revokedTasks: [],
    delay: 0,
  };
}

/**
 * What a worker runs after a rebalance (WorkerCoordinator.onJoinComplete): under the eager protocol the new
 * assignment alone; under the incremental ones the new assignment plus what the worker kept of its previous
 * one, less what was revoked.
 */
export function mergeAssignment(
  mode: ConnectProtocolCompatibility,
  previous: ExtendedAssignment | null,
  next: ExtendedAssignment,
): ExtendedAssignment {
  if (mode === 'eager' || previous === null) return next;
  const revokedTasks = new Set(next.revokedTasks.map(taskIdString));
  return {
    ...next,
    connectors: [
      ...next.connectors,
      ...previous.connectors.filter((c) => !next.revokedConnectors.includes(c)),
    ],
    tasks: [...next.tasks, ...previous.tasks.filter((t) => !revokedTasks.has(taskIdString(t)))],
  };
}

/** A JoinGroup protocol entry: name and metadata. */
export interface JoinGroupProtocol {
  name: string;
  metadata: Buffer;
}

function writeHeader(writer: Writer, version: number): void {
  writer.int16(version);
}

function readHeader(reader: Reader): number {
  const version = reader.int16();
  if (version < CONNECT_PROTOCOL_V0) throw new Error(`Unsupported subscription version: ${version}`);
  return version;
}

/** Eager (v0) JoinGroup metadata. */
export function encodeWorkerState(state: WorkerState): Buffer {
  const writer = new Writer(64);
  writeHeader(writer, CONNECT_PROTOCOL_V0);
  writer.string(state.url).int64(BigInt(state.configOffset));
  return writer.finish();
}

export function decodeWorkerState(buffer: Buffer): WorkerState {
  const reader = new Reader(buffer);
  readHeader(reader);
  return { url: reader.string(), configOffset: Number(reader.int64()) };
}

/** Incremental cooperative (v1, or v2 when sessioned) JoinGroup metadata. */
export function encodeExtendedWorkerState(state: ExtendedWorkerState, sessioned: boolean): Buffer {
  const writer = new Writer(128);
  writeHeader(writer, sessioned ? CONNECT_PROTOCOL_V2 : CONNECT_PROTOCOL_V1);
  writer.string(state.url).int64(BigInt(state.configOffset));
  writer.nullableBytes(encodeExtendedAssignment(state.assignment, sessioned));
  return writer.finish();
}

/** Reads metadata of any version; eager (v0) metadata yields a null assignment. */
export function decodeExtendedWorkerState(buffer: Buffer): ExtendedWorkerState {
  const reader = new Reader(buffer);
  readHeader(reader);
  const url = reader.string();
  const configOffset = Number(reader.int64());
  const allocation = reader.remaining > 0 ? reader.nullableBytes() : null;
  return { url, configOffset, assignment: decodeExtendedAssignment(allocation) };
}

/** The protocols a worker lists in JoinGroup, most preferred first. */
export function joinGroupProtocols(
  mode: ConnectProtocolCompatibility,
  state: ExtendedWorkerState,
): JoinGroupProtocol[] {
  const protocols: JoinGroupProtocol[] = [];
  if (mode === 'sessioned') {
    protocols.push({ name: 'sessioned', metadata: encodeExtendedWorkerState(state, true) });
  }
  if (mode !== 'eager') {
    protocols.push({ name: 'compatible', metadata: encodeExtendedWorkerState(state, false) });
  }
  protocols.push({ name: 'default', metadata: encodeWorkerState(state) });
  return protocols;
}

/**
 * The protocol the group coordinator picks (Kafka's ClassicGroup.selectProtocol): among the protocols every
 * member lists, each member votes for the first it prefers, and the most votes win; a tie goes to the protocol
 * that comes first in the Java HashMap holding the votes, as Kafka's Stream.max keeps the first maximum.
 */
export function selectProtocol(memberProtocols: readonly (readonly string[])[]): string {
  if (memberProtocols.length === 0) throw new Error('Cannot select protocol for empty group');
  const candidates = new Set(
    memberProtocols[0]!.filter((name) => memberProtocols.every((protocols) => protocols.includes(name))),
  );
  if (candidates.size === 0) throw new Error('The members share no protocol');
  const votes = new Map<string, number>();
  for (const protocols of memberProtocols) {
    const vote = protocols.find((name) => candidates.has(name))!;
    votes.set(vote, (votes.get(vote) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const name of javaHashMapOrder([...votes.keys()])) {
    if (best === null || votes.get(name)! > votes.get(best)!) best = name;
  }
  return best!;
}

/** Eager (v0) SyncGroup assignment. */
export function encodeAssignment(assignment: Assignment): Buffer {
  const writer = new Writer(128);
  writeHeader(writer, CONNECT_PROTOCOL_V0);
  writeAssignmentFields(writer, assignment);
  writeConnectorAssignments(writer, assignedAsMap(assignment.connectors, assignment.tasks));
  return writer.finish();
}

export function decodeAssignment(buffer: Buffer): Assignment {
  const reader = new Reader(buffer);
  readHeader(reader);
  const fields = readAssignmentFields(reader);
  const assigned = readConnectorAssignments(reader) ?? [];
  return { ...fields, ...splitAssignments(assigned) };
}

/** The bytes of an incremental assignment, or null for an absent or empty one (as Kafka writes them). */
export function encodeExtendedAssignment(
  assignment: ExtendedAssignment | null,
  sessioned: boolean,
): Buffer | null {
  if (assignment === null || isEmptyExtendedAssignment(assignment)) return null;
  const writer = new Writer(128);
  writeHeader(writer, sessioned ? CONNECT_PROTOCOL_V2 : CONNECT_PROTOCOL_V1);
  writeAssignmentFields(writer, assignment);
  writeConnectorAssignments(writer, assignedAsMap(assignment.connectors, assignment.tasks));
  writeConnectorAssignments(writer, revokedAsMap(assignment.revokedConnectors, assignment.revokedTasks));
  writer.int32(assignment.delay);
  return writer.finish();
}

export function decodeExtendedAssignment(buffer: Buffer | null): ExtendedAssignment | null {
  if (buffer === null) return null;
  const reader = new Reader(buffer);
  const version = readHeader(reader);
  const fields = readAssignmentFields(reader);
  const assigned = reader.remaining > 0 ? readConnectorAssignments(reader) : null;
  const revoked = reader.remaining > 0 ? readConnectorAssignments(reader) : null;
  const delay = reader.remaining > 0 ? reader.int32() : 0;
  const { connectors, tasks } = splitAssignments(assigned ?? []);
  const revokedSplit = splitAssignments(revoked ?? []);
  return {
    version,
    ...fields,
    connectors,
    tasks,
    revokedConnectors: revokedSplit.connectors,
    revokedTasks: revokedSplit.tasks,
    delay,
  };
}

function isEmptyExtendedAssignment(assignment: ExtendedAssignment): boolean {
  return (
    assignment.error === NO_ERROR &&
    assignment.configOffset === -1 &&
    assignment.leader === '' &&
    assignment.connectors.length === 0 &&
    assignment.tasks.length === 0 &&
    assignment.revokedConnectors.length === 0 &&
    assignment.revokedTasks.length === 0 &&
    assignment.delay === 0
  );
}

function writeAssignmentFields(writer: Writer, assignment: Assignment): void {
  writer
    .int16(assignment.error)
    .string(assignment.leader)
    .string(assignment.leaderUrl)
    .int64(BigInt(assignment.configOffset));
}

function readAssignmentFields(reader: Reader): Omit<Assignment, 'connectors' | 'tasks'> {
  return {
    error: reader.int16(),
    leader: reader.string(),
    leaderUrl: reader.string(),
    configOffset: Number(reader.int64()),
  };
}

function writeConnectorAssignments(writer: Writer, byConnector: Map<string, number[]>): void {
  writer.int32(byConnector.size);
  for (const [connector, tasks] of byConnector) {
    writer.string(connector).int32(tasks.length);
    for (const task of tasks) writer.int32(task);
  }
}

function readConnectorAssignments(reader: Reader): [string, number[]][] | null {
  const count = reader.arrayLength(6);
  if (count === null) return null;
  const result: [string, number[]][] = [];
  for (let i = 0; i < count; i++) {
    const connector = reader.string();
    const taskCount = reader.arrayLength(4) ?? 0;
    const tasks: number[] = [];
    for (let t = 0; t < taskCount; t++) tasks.push(reader.int32());
    result.push([connector, tasks]);
  }
  return result;
}

function splitAssignments(entries: [string, number[]][]): { connectors: string[]; tasks: ConnectorTaskId[] } {
  const connectors: string[] = [];
  const tasks: ConnectorTaskId[] = [];
  for (const [connector, ids] of entries) {
    for (const task of ids) {
      if (task === CONNECTOR_TASK) connectors.push(connector);
      else tasks.push({ connector, task });
    }
  }
  return { connectors, tasks };
}

function assignedAsMap(
  connectors: readonly string[],
  tasks: readonly ConnectorTaskId[],
): Map<string, number[]> {
  return withTasks(javaHashSetOrder(connectors), tasks);
}

function revokedAsMap(
  connectors: readonly string[],
  tasks: readonly ConnectorTaskId[],
): Map<string, number[]> {
  return withTasks([...new Set(connectors)], tasks);
}

function withTasks(connectors: readonly string[], tasks: readonly ConnectorTaskId[]): Map<string, number[]> {
  const byConnector = new Map<string, number[]>();
  for (const connector of connectors) byConnector.set(connector, [CONNECTOR_TASK]);
  for (const { connector, task } of tasks) {
    const list = byConnector.get(connector);
    if (list) list.push(task);
    else byConnector.set(connector, [task]);
  }
  return byConnector;
}
