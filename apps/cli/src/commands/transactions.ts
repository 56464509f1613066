/**
 * `sluice transactions`, as kafka-transactions.sh (Kafka 3.9's TransactionsCommand): the same subcommands,
 * flags and tab-separated column layouts, so scripts written for Kafka's tool read Sluice's output.
 *   list [--duration-filter MS]
 *   describe --transactional-id ID
 *   describe-producers --topic T --partition P [--broker-id N]
 *   abort --topic T --partition P (--start-offset O | --producer-id I --producer-epoch E --coordinator-epoch C)
 *   find-hanging (--broker-id N | --topic T [--partition P]) [--max-transaction-timeout MINUTES]
 * The connection flags (--bootstrap-server, --command-config) go before or after the subcommand.
 */
import { parseArgs } from 'node:util';
import {
  abortSpecAtOffset,
  abortTransaction,
  describePartitionProducers,
  describeTransaction,
  findHangingTransactions,
  listTransactions,
  type AbortTransactionSpec,
  type ClusterClient,
  type PartitionTransaction,
  type ProducerState,
  type TopicPartitionRef,
  type TransactionDescription,
} from '@sluice/client';
import { ErrorCode, errorCodes } from '@sluice/protocol';
import { adminClient, CONNECTION_OPTIONS } from '../admin-client.ts';
import { CliError, CommandFailedError } from '../cli-error.ts';

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  'duration-filter': { type: 'string' },
  'transactional-id': { type: 'string' },
  topic: { type: 'string' },
  partition: { type: 'string' },
  'broker-id': { type: 'string' },
  'start-offset': { type: 'string' },
  'producer-id': { type: 'string' },
  'producer-epoch': { type: 'string' },
  'coordinator-epoch': { type: 'string' },
  'max-transaction-timeout': { type: 'string' },
} as const;

type Flag = Exclude<keyof typeof OPTIONS, keyof typeof CONNECTION_OPTIONS>;

/** The flags each subcommand takes, as TransactionsCommand's subparsers declare them. */
const SUBCOMMAND_FLAGS: Record<string, readonly Flag[]> = {
  list: ['duration-filter'],
  describe: ['transactional-id'],
  'describe-producers': ['topic', 'partition', 'broker-id'],
  abort: ['topic', 'partition', 'start-offset', 'producer-id', 'producer-epoch', 'coordinator-epoch'],
  'find-hanging': ['broker-id', 'max-transaction-timeout', 'topic', 'partition'],
};

/** Kafka's ToolsUtils.prettyPrintTable: every cell padded to its column's width and followed by a tab. */
export function prettyTable(headers: readonly string[], rows: readonly string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [headers, ...rows]
    .map((row) => row.map((cell, i) => cell.padEnd(widths[i]!) + '\t').join(''))
    .join('\n');
}

const partitionName = ({ topic, partition }: TopicPartitionRef) => `${topic}-${partition}`;

function integer(text: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < min || value > max)
    throw new CliError(`--${flag} expects an integer from ${min} to ${max}, got "${text}"`);
  return value;
}

function int64(text: string | undefined, flag: string): bigint | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) throw new CliError(`--${flag} expects an integer, got "${text}"`);
  return BigInt(text);
}

const INT32_MAX = 2 ** 31 - 1;

/** A failure of the cluster's, as TransactionsCommand's printErrorAndExit words it. */
function failed(what: string, error: unknown): never {
  if (error instanceof Error && (error.name === 'KafkaError' || error.name === 'KafkaProtocolError'))
    throw new CommandFailedError(`${what}: ${error.message}`);
  throw error;
}

export async function transactionsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  const [subcommand, ...extra] = positionals;
  const flags = subcommand === undefined ? undefined : SUBCOMMAND_FLAGS[subcommand];
  if (!flags)
    throw new CliError(
      `transactions needs a command: ${Object.keys(SUBCOMMAND_FLAGS).join(', ')}` +
        (subcommand === undefined ? '' : ` (got "${subcommand}")`),
    );
  if (extra.length > 0) throw new CliError(`unexpected argument "${extra[0]}"`);
  for (const name of Object.keys(SUBCOMMAND_FLAGS).flatMap((c) => SUBCOMMAND_FLAGS[c]!))
    if (values[name as Flag] !== undefined && !flags.includes(name as Flag))
      throw new CliError(`${subcommand} does not take --${name}`);

  const client = adminClient(values);
  try {
    switch (subcommand) {
      case 'list':
        return await list(
          client,
          integer(values['duration-filter'], 'duration-filter', -1, Number.MAX_SAFE_INTEGER),
        );
      case 'describe': {
        const transactionalId = values['transactional-id'];
        if (transactionalId === undefined) throw new CliError('describe needs --transactional-id');
        return await describe(client, transactionalId);
      }
      case 'describe-producers':
        return await printProducers(
          client,
          requirePartition(values),
          integer(values['broker-id'], 'broker-id', 0, INT32_MAX),
        );
      case 'abort':
        return await abort(client, requirePartition(values), values);
      case 'find-hanging':
        return await findHanging(client, values);
    }
  } finally {
    client.close();
  }
}

function requirePartition(values: { topic?: string | undefined; partition?: string | undefined }) {
  if (values.topic === undefined) throw new CliError('--topic is required');
  const partition = integer(values.partition, 'partition', 0, INT32_MAX);
  if (partition === undefined) throw new CliError('--partition is required');
  return { topic: values.topic, partition };
}

async function list(client: ClusterClient, minDurationMs: number | undefined): Promise<void> {
  let listings;
  try {
    listings = await listTransactions(
      client,
      minDurationMs === undefined || minDurationMs < 0 ? {} : { minDurationMs },
    );
  } catch (error) {
    failed('Failed to list transactions', error);
  }
  console.log(
    prettyTable(
      ['TransactionalId', 'Coordinator', 'ProducerId', 'TransactionState'],
      listings.map((t) => [t.transactionalId, String(t.coordinatorId), String(t.producerId), t.state]),
    ),
  );
}

async function describe(client: ClusterClient, transactionalId: string): Promise<void> {
  let description: TransactionDescription;
  try {
    description = await describeTransaction(client, transactionalId);
  } catch (error) {
    failed(`Failed to describe transaction state of transactional-id \`${transactionalId}\``, error);
  }
  const start = description.transactionStartTimeMs;
  console.log(
    prettyTable(
      [
        'CoordinatorId',
        'TransactionalId',
        'ProducerId',
        'ProducerEpoch',
        'TransactionState',
        'TransactionTimeoutMs',
        'CurrentTransactionStartTimeMs',
        'TransactionDurationMs',
        'TopicPartitions',
      ],
      [
        [
          String(description.coordinatorId),
          transactionalId,
          String(description.producerId),
          String(description.producerEpoch),
          description.state,
          String(description.transactionTimeoutMs),
          start === null ? 'None' : String(start),
          start === null ? 'None' : String(Date.now() - start),
          description.topicPartitions.map(partitionName).join(','),
        ],
      ],
    ),
  );
}

async function printProducers(
  client: ClusterClient,
  partition: TopicPartitionRef,
  brokerId: number | undefined,
): Promise<void> {
  let producers: ProducerState[];
  try {
    producers = await describePartitionProducers(client, partition, brokerId);
  } catch (error) {
    const on = brokerId === undefined ? 'leader' : `broker ${brokerId}`;
    failed(`Failed to describe producers for partition ${partitionName(partition)} on ${on}`, error);
  }
  console.log(
    prettyTable(
      [
        'ProducerId',
        'ProducerEpoch',
        'LatestCoordinatorEpoch',
        'LastSequence',
        'LastTimestamp',
        'CurrentTransactionStartOffset',
      ],
      producers.map((p) => [
        String(p.producerId),
        String(p.producerEpoch),
        String(p.coordinatorEpoch ?? -1),
        String(p.lastSequence),
        String(p.lastTimestamp),
        p.currentTransactionStartOffset === null ? 'None' : String(p.currentTransactionStartOffset),
      ]),
    ),
  );
}

async function abort(
  client: ClusterClient,
  partition: TopicPartitionRef,
  values: Partial<Record<Flag, string>>,
): Promise<void> {
  const startOffset = int64(values['start-offset'], 'start-offset');
  const producerId = int64(values['producer-id'], 'producer-id');
  if (startOffset === undefined && producerId === undefined)
    throw new CliError(
      'The transaction to abort must be identified either with --start-offset (for brokers on 3.0 or above) ' +
        'or with --producer-id, --producer-epoch, and --coordinator-epoch (for older brokers)',
    );
  let spec: AbortTransactionSpec;
  if (startOffset === undefined) {
    const producerEpoch = integer(values['producer-epoch'], 'producer-epoch', 0, 32767);
    if (producerEpoch === undefined) throw new CliError('Missing required argument --producer-epoch');
    const coordinatorEpoch = integer(values['coordinator-epoch'], 'coordinator-epoch', -1, INT32_MAX);
    if (coordinatorEpoch === undefined) throw new CliError('Missing required argument --coordinator-epoch');
    // DescribeProducers shows -1 for a producer no marker has closed a transaction of yet; 0 is at most
    // any epoch a coordinator can have, so the leader accepts it.
    spec = {
      ...partition,
      producerId: producerId!,
      producerEpoch,
      coordinatorEpoch: Math.max(0, coordinatorEpoch),
    };
  } else {
    let found;
    try {
      found = await abortSpecAtOffset(client, partition, startOffset);
    } catch (error) {
      failed(`Failed to validate producer state for partition ${partitionName(partition)}`, error);
    }
    if (!found)
      throw new CommandFailedError(
        `Could not find any open transactions starting at offset ${startOffset} on partition ${partitionName(partition)}`,
      );
    spec = found;
  }
  try {
    await abortTransaction(client, spec);
  } catch (error) {
    failed(
      `Failed to abort transaction AbortTransactionSpec(topicPartition=${partitionName(spec)}, ` +
        `producerId=${spec.producerId}, producerEpoch=${spec.producerEpoch}, coordinatorEpoch=${spec.coordinatorEpoch})`,
      error,
    );
  }
}

/**
 * As TransactionsCommand's FindHangingTransactionsCommand: the open transactions of the partitions searched whose
 * producer has written nothing for longer than the largest transaction timeout, and whose coordinator will
 * never write their marker there (findHangingTransactions).
 */
async function findHanging(client: ClusterClient, values: Partial<Record<Flag, string>>): Promise<void> {
  const brokerId = integer(values['broker-id'], 'broker-id', 0, INT32_MAX);
  const topic = values.topic;
  const partition = integer(values.partition, 'partition', 0, INT32_MAX);
  if (topic === undefined && brokerId === undefined)
    throw new CliError(
      'The `find-hanging` command requires either --topic or --broker-id to limit the scope of the search',
    );
  if (partition !== undefined && topic === undefined)
    throw new CliError('The --partition argument requires --topic to be provided');
  const maxTimeoutMs =
    (integer(values['max-transaction-timeout'], 'max-transaction-timeout', 0, INT32_MAX) ?? 15) * 60_000;

  const partitions = await partitionsToSearch(client, topic, partition, brokerId);
  let hanging: PartitionTransaction[];
  try {
    hanging = await findHangingTransactions(client, partitions, {
      maxTransactionTimeoutMs: maxTimeoutMs,
      ...(brokerId === undefined ? {} : { brokerId }),
    });
  } catch (error) {
    failed(
      `Failed to find hanging transactions in ${partitions.length} partitions` +
        (brokerId === undefined ? '' : ` on broker ${brokerId}`),
      error,
    );
  }
  const now = Date.now();
  console.log(
    prettyTable(
      [
        'Topic',
        'Partition',
        'ProducerId',
        'ProducerEpoch',
        'CoordinatorEpoch',
        'StartOffset',
        'LastTimestamp',
        'Duration(min)',
      ],
      hanging.map(({ topic: t, partition: p, producer }) => [
        t,
        String(p),
        String(producer.producerId),
        String(producer.producerEpoch),
        String(producer.coordinatorEpoch ?? -1),
        String(producer.currentTransactionStartOffset),
        String(producer.lastTimestamp),
        String(Math.floor((now - producer.lastTimestamp) / 60_000)),
      ]),
    ),
  );
}

async function partitionsToSearch(
  client: ClusterClient,
  topic: string | undefined,
  partition: number | undefined,
  brokerId: number | undefined,
): Promise<TopicPartitionRef[]> {
  if (topic !== undefined && partition !== undefined) return [{ topic, partition }];
  let metadata;
  try {
    metadata = await client.metadata(topic === undefined ? null : [topic]);
  } catch (error) {
    failed(topic === undefined ? 'Failed to list topics' : 'Failed to describe 1 topics', error);
  }
  const found: TopicPartitionRef[] = [];
  for (const t of metadata.topics) {
    if (t.errorCode !== ErrorCode.NONE || t.name === null) {
      if (topic !== undefined)
        throw new CommandFailedError(
          `Failed to describe 1 topics: ${errorCodes.get(t.errorCode)?.name ?? t.errorCode}`,
        );
      continue;
    }
    for (const p of t.partitions)
      if (brokerId === undefined || p.replicaNodes.includes(brokerId))
        found.push({ topic: t.name, partition: p.partitionIndex });
  }
  return found.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
}
