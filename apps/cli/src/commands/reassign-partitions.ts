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
import { ClusterClient, throwIfError, type KafkaConnection } from '@sluice/client';
import { ApiKey } from '@sluice/protocol';
import { CliError, CommandFailedError } from '../cli-error.ts';

/** IncrementalAlterConfigs operations and resource types (Kafka's AlterConfigOp.OpType, ConfigResource.Type). */
const OP_SET = 0;
const OP_DELETE = 1;
const RESOURCE_TOPIC = 2;
const RESOURCE_BROKER = 4;
const BROKER_THROTTLES = ['leader.replication.throttled.rate', 'follower.replication.throttled.rate'];
const TOPIC_THROTTLES = ['leader.replication.throttled.replicas', 'follower.replication.throttled.replicas'];

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

async function alterConfigs(
  connection: KafkaConnection,
  resources: { resourceType: number; resourceName: string; configs: [string, string | null][] }[],
): Promise<void> {
  if (resources.length === 0) return;
  const response = await connection.request(ApiKey.IncrementalAlterConfigs, {
    validateOnly: false,
    resources: resources.map(({ resourceType, resourceName, configs }) => ({
      resourceType,
      resourceName,
      configs: configs.map(([name, value]) => ({
        name,
        configOperation: value === null ? OP_DELETE : OP_SET,
        value,
      })),
    })),
  });
  for (const result of response.responses) throwIfError(result.errorCode, result.errorMessage);
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
  const connection = await client.any();
  if (throttle !== null) {
    const brokers = new Set(withCurrent.flatMap((m) => [...m.current, ...m.replicas]));
    const topics = new Map<string, { leader: string[]; follower: string[] }>();
    for (const m of withCurrent) {
      const lists = topics.get(m.topic) ?? { leader: [], follower: [] };
      lists.leader.push(...m.current.map((b) => `${m.partition}:${b}`));
      lists.follower.push(
        ...m.replicas.filter((b) => !m.current.includes(b)).map((b) => `${m.partition}:${b}`),
      );
      topics.set(m.topic, lists);
    }
    await alterConfigs(connection, [
      ...[...brokers].map((id) => ({
        resourceType: RESOURCE_BROKER,
        resourceName: String(id),
        configs: BROKER_THROTTLES.map((name): [string, string] => [name, String(throttle)]),
      })),
      ...[...topics].map(([topic, lists]) => ({
        resourceType: RESOURCE_TOPIC,
        resourceName: topic,
        configs: [
          [TOPIC_THROTTLES[0]!, lists.leader.join(',')],
          [TOPIC_THROTTLES[1]!, lists.follower.join(',')],
        ] as [string, string][],
      })),
    ]);
    console.log(
      'Warning: You must run --verify periodically, until the reassignment completes, to ensure the throttle is removed.',
    );
    console.log(`The inter-broker throttle limit was set to ${throttle} B/s`);
  }
  const failures = await alterReassignments(connection, moves);
  if (failures.length > 0)
    throw new CommandFailedError(`Error reassigning partition(s):\n${failures.join('\n')}`);
  console.log(
    `Successfully started partition reassignment${moves.length > 1 ? 's' : ''} for ${partitionSpec(moves)}`,
  );
}

/** Sends AlterPartitionReassignments (replicas null cancels); returns one line per partition that failed. */
async function alterReassignments(
  connection: KafkaConnection,
  moves: readonly { topic: string; partition: number; replicas: number[] | null }[],
): Promise<string[]> {
  const byTopic = new Map<string, { partitionIndex: number; replicas: number[] | null }[]>();
  for (const m of moves) {
    const list = byTopic.get(m.topic) ?? [];
    list.push({ partitionIndex: m.partition, replicas: m.replicas });
    byTopic.set(m.topic, list);
  }
  const response = await connection.request(ApiKey.AlterPartitionReassignments, {
    timeoutMs: 30_000,
    topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })),
  });
  throwIfError(response.errorCode, response.errorMessage);
  return response.responses.flatMap((topic) =>
    topic.partitions
      .filter((p) => p.errorCode !== 0)
      .map((p) => `${topic.name}-${p.partitionIndex}: ${p.errorMessage ?? `error code ${p.errorCode}`}`),
  );
}

async function ongoing(
  connection: KafkaConnection,
  topics: { name: string; partitionIndexes: number[] }[] | null,
) {
  const response = await connection.request(ApiKey.ListPartitionReassignments, { timeoutMs: 30_000, topics });
  throwIfError(response.errorCode, response.errorMessage);
  return response.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, ...p })));
}

async function verify(
  client: ClusterClient,
  moves: PartitionMove[],
  preserveThrottles: boolean,
): Promise<void> {
  const connection = await client.any();
  const byTopic = new Map<string, number[]>();
  for (const m of moves) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m.partition]);
  const inProgress = await ongoing(
    connection,
    [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes })),
  );
  const current = await currentAssignment(client, moves);
  console.log('Status of partition reassignment:');
  let allDone = true;
  for (const m of current) {
    const name = `${m.topic}-${m.partition}`;
    if (inProgress.some((o) => o.topic === m.topic && o.partitionIndex === m.partition)) {
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
  if (allDone && !preserveThrottles) await clearThrottles(client, connection, [...byTopic.keys()]);
}

/** Removes the throttles --execute set: the rates on every broker, the replica lists on `topics`. */
async function clearThrottles(client: ClusterClient, connection: KafkaConnection, topics: string[]) {
  const metadata = await client.metadata(null);
  const brokers = metadata.brokers.map((b) => b.nodeId).sort((a, b) => a - b);
  await alterConfigs(
    connection,
    brokers.map((id) => ({
      resourceType: RESOURCE_BROKER,
      resourceName: String(id),
      configs: BROKER_THROTTLES.map((name): [string, null] => [name, null]),
    })),
  );
  console.log(`Clearing broker-level throttles on brokers ${brokers.join(',')}`);
  await alterConfigs(
    connection,
    topics.map((topic) => ({
      resourceType: RESOURCE_TOPIC,
      resourceName: topic,
      configs: TOPIC_THROTTLES.map((name): [string, null] => [name, null]),
    })),
  );
  console.log(`Clearing topic-level throttles on topic${topics.length > 1 ? 's' : ''} ${topics.join(',')}`);
}

async function cancel(
  client: ClusterClient,
  moves: PartitionMove[],
  preserveThrottles: boolean,
): Promise<void> {
  const connection = await client.any();
  const failures = await alterReassignments(
    connection,
    moves.map((m) => ({ topic: m.topic, partition: m.partition, replicas: null })),
  );
  if (failures.length > 0)
    throw new CommandFailedError(`Error cancelling partition reassignment(s):\n${failures.join('\n')}`);
  console.log(
    `Successfully cancelled partition reassignment${moves.length > 1 ? 's' : ''} for: ${partitionSpec(moves)}`,
  );
  if (!preserveThrottles) await clearThrottles(client, connection, [...new Set(moves.map((m) => m.topic))]);
}

async function list(client: ClusterClient): Promise<void> {
  const found = await ongoing(await client.any(), null);
  if (found.length === 0) {
    console.log('No partition reassignments found.');
    return;
  }
  console.log('Current partition reassignments:');
  for (const o of found) {
    console.log(
      `${o.topic}-${o.partitionIndex}: replicas: ${o.replicas.join(',')}. adding: ${o.addingReplicas.join(',')}. removing: ${o.removingReplicas.join(',')}.`,
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
