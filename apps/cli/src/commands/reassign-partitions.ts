/**
 * `sluice reassign-partitions --execute|--verify|--cancel|--list`, modelled on kafka-reassign-partitions.sh:
 * the same flags, the same reassignment JSON file (`{"version":1,"partitions":[{"topic":"t","partition":0,
 * "replicas":[2,3]}]}`), the same throttle handling and the same messages.
 *
 * Throttles, as Kafka's tool sets them with --execute --throttle B: `leader.replication.throttled.rate` and
 * `follower.replication.throttled.rate` = B on every broker the moving partitions touch, and on each topic
 * `leader.replication.throttled.replicas` (the current replicas of its moving partitions) and
 * `follower.replication.throttled.replicas` (the replicas being added). --verify removes them all once every
 * listed reassignment has completed, and --cancel once it has cancelled, unless --preserve-throttles.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  clearReassignmentThrottles,
  ClusterClient,
  listPartitionReassignments,
  requestPartitionReassignments,
  setReassignmentThrottles,
  throwIfError,
  type ReassignmentMove,
} from '@sluice/client';
import { CliError, CommandFailedError } from '../cli-error.ts';

export interface PartitionMove {
  topic: string;
  partition: number;
  replicas: number[];
}

/** Reads Kafka's reassignment JSON (version 1); log_dirs other than "any" are refused, as Sluice has one dir. */
export function parseReassignmentJson(text: string): PartitionMove[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new CliError(`the reassignment file is not JSON: ${(error as Error).message}`);
  }
  const { version, partitions } = (document ?? {}) as { version?: unknown; partitions?: unknown };
  if (version !== 1) throw new CliError(`Not supported version field value ${String(version)}`);
  if (!Array.isArray(partitions) || partitions.length === 0)
    throw new CliError('Partition reassignment list cannot be empty');
  const seen = new Set<string>();
  return partitions.map((entry: unknown) => {
    const { topic, partition, replicas, log_dirs } = (entry ?? {}) as Record<string, unknown>;
    if (typeof topic !== 'string' || !Number.isInteger(partition) || !Array.isArray(replicas))
      throw new CliError(
        `each partition needs "topic", "partition" and "replicas": ${JSON.stringify(entry)}`,
      );
    if (!replicas.every((r) => Number.isInteger(r)))
      throw new CliError(`replicas of ${topic}-${String(partition)} must be broker ids`);
    if (Array.isArray(log_dirs) && log_dirs.some((dir) => dir !== 'any'))
      throw new CliError(
        'log_dirs other than "any" are not supported: each Sluice broker has one log directory',
      );
    const key = `${topic}-${String(partition)}`;
    if (seen.has(key)) throw new CliError(`Duplicate reassignment of partition ${key}`);
    seen.add(key);
    return { topic, partition: partition as number, replicas: replicas as number[] };
  });
}

function partitionSpec(moves: readonly PartitionMove[]): string {
  return moves.map((m) => `${m.topic}-${m.partition}`).join(',');
}

async function currentAssignment(client: ClusterClient, moves: readonly PartitionMove[]) {
  const topics = [...new Set(moves.map((m) => m.topic))];
  const metadata = await client.metadata(topics);
  const replicasOf = new Map<string, number[]>();
  for (const topic of metadata.topics) {
    throwIfError(topic.errorCode, `topic ${topic.name}`);
    for (const p of topic.partitions) replicasOf.set(`${topic.name}-${p.partitionIndex}`, p.replicaNodes);
  }
  return moves.map((m) => {
    const replicas = replicasOf.get(`${m.topic}-${m.partition}`);
    if (!replicas) throw new CliError(`Topic-partition ${m.topic}-${m.partition} does not exist`);
    return { ...m, current: replicas };
  });
}

async function execute(
  client: ClusterClient,
  moves: PartitionMove[],
  throttle: number | null,
): Promise<void> {
  const withCurrent = await currentAssignment(client, moves);
  const rollback = {
    version: 1,
    partitions: withCurrent.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.current })),
  };
  console.log(`Current partition replica assignment\n\n${JSON.stringify(rollback)}\n`);
  console.log('Save this to use as the --reassignment-json-file option during rollback');
  if (throttle !== null) {
    await setReassignmentThrottles(
      client,
      withCurrent.map((m) => ({
        topic: m.topic,
        partition: m.partition,
        current: m.current,
        target: m.replicas,
      })),
      throttle,
    );
    console.log(
      'Warning: You must run --verify periodically, until the reassignment completes, to ensure the throttle is removed.',
    );
    console.log(`The inter-broker throttle limit was set to ${throttle} B/s`);
  }
  const failures = await alterReassignments(client, moves);
  if (failures.length > 0)
    throw new CommandFailedError(`Error reassigning partition(s):\n${failures.join('\n')}`);
  console.log(
    `Successfully started partition reassignment${moves.length > 1 ? 's' : ''} for ${partitionSpec(moves)}`,
  );
}

/** Sends AlterPartitionReassignments (replicas null cancels); returns one line per partition that failed. */
async function alterReassignments(
  client: ClusterClient,
  moves: readonly ReassignmentMove[],
): Promise<string[]> {
  const failures = await requestPartitionReassignments(client, moves);
  return failures.map((f) => `${f.topic}-${f.partition}: ${f.errorMessage ?? `error code ${f.errorCode}`}`);
}

async function verify(
  client: ClusterClient,
  moves: PartitionMove[],
  preserveThrottles: boolean,
): Promise<void> {
  const byTopic = new Map<string, number[]>();
  for (const m of moves) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m.partition]);
  const inProgress = await listPartitionReassignments(
    client,
    [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes })),
  );
  const current = await currentAssignment(client, moves);
  console.log('Status of partition reassignment:');
  let allDone = true;
  for (const m of current) {
    const name = `${m.topic}-${m.partition}`;
    if (inProgress.some((o) => o.topic === m.topic && o.partition === m.partition)) {
      console.log(`Reassignment of partition ${name} is still in progress.`);
      allDone = false;
    } else if (m.current.join(',') === m.replicas.join(',')) {
      console.log(`Reassignment of partition ${name} is completed.`);
    } else {
      console.log(
        `There is no active reassignment of partition ${name}, but replica set is ${m.current.join(',')} rather than ${m.replicas.join(',')}.`,
      );
      allDone = false;
    }
  }
  if (allDone && !preserveThrottles) await clearThrottles(client, [...byTopic.keys()]);
}

/** Removes the throttles --execute set (the rates on every broker, the replica lists on `topics`), as Kafka's tool says. */
async function clearThrottles(client: ClusterClient, topics: string[]) {
  const brokers = await clearReassignmentThrottles(client, topics);
  console.log(`Clearing broker-level throttles on brokers ${brokers.join(',')}`);
  console.log(`Clearing topic-level throttles on topic${topics.length > 1 ? 's' : ''} ${topics.join(',')}`);
}

async function cancel(
  client: ClusterClient,
  moves: PartitionMove[],
  preserveThrottles: boolean,
): Promise<void> {
  const failures = await alterReassignments(
    client,
    moves.map((m) => ({ topic: m.topic, partition: m.partition, replicas: null })),
  );
  if (failures.length > 0)
    throw new CommandFailedError(`Error cancelling partition reassignment(s):\n${failures.join('\n')}`);
  console.log(
    `Successfully cancelled partition reassignment${moves.length > 1 ? 's' : ''} for: ${partitionSpec(moves)}`,
  );
  if (!preserveThrottles) await clearThrottles(client, [...new Set(moves.map((m) => m.topic))]);
}

async function list(client: ClusterClient): Promise<void> {
  const found = await listPartitionReassignments(client, null);
  if (found.length === 0) {
    console.log('No partition reassignments found.');
    return;
  }
  console.log('Current partition reassignments:');
  for (const o of found) {
    console.log(
      `${o.topic}-${o.partition}: replicas: ${o.replicas.join(',')}. adding: ${o.addingReplicas.join(',')}. removing: ${o.removingReplicas.join(',')}.`,
    );
  }
}

export async function reassignPartitionsCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'bootstrap-server': { type: 'string', default: '127.0.0.1:9092' },
      'reassignment-json-file': { type: 'string' },
      execute: { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      cancel: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      throttle: { type: 'string' },
      'preserve-throttles': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const actions = (['execute', 'verify', 'cancel', 'list'] as const).filter((a) => values[a]);
  if (actions.length !== 1)
    throw new CliError('Command must include exactly one action: --execute, --verify, --cancel or --list');
  const action = actions[0]!;
  let throttle: number | null = null;
  if (values.throttle !== undefined) {
    throttle = Number(values.throttle);
    if (action !== 'execute' || !Number.isInteger(throttle) || throttle <= 0)
      throw new CliError('--throttle takes a positive number of bytes per second, with --execute');
  }
  let moves: PartitionMove[] = [];
  if (action !== 'list') {
    const file = values['reassignment-json-file'];
    if (!file) throw new CliError(`--${action} needs --reassignment-json-file`);
    moves = parseReassignmentJson(readFileSync(file, 'utf8'));
  }
  const client = new ClusterClient(values['bootstrap-server']);
  try {
    if (action === 'execute') await execute(client, moves, throttle);
    else if (action === 'verify') await verify(client, moves, values['preserve-throttles']);
    else if (action === 'cancel') await cancel(client, moves, values['preserve-throttles']);
    else await list(client);
  } finally {
    client.close();
  }
}
