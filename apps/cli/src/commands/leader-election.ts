/**
 * `sluice leader-election`, modelled on kafka-leader-election.sh: `--election-type preferred|unclean` for
 * `--all-topic-partitions`, one `--topic` and `--partition`, or the partitions of `--path-to-json-file`
 * (`{"partitions":[{"topic":"t","partition":0}]}`), with Kafka's output lines.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ClusterClient, throwIfError } from '@sluice/client';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { CliError, CommandFailedError } from '../cli-error.ts';

const ELECTION_TYPES = { preferred: 0, unclean: 1 } as const;

function partitionsFromJson(path: string): { topic: string; partitions: number[] }[] {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const entries = (document as { partitions?: unknown })?.partitions;
  if (!Array.isArray(entries) || entries.length === 0)
    throw new CliError(`${path} must hold {"partitions":[{"topic":"t","partition":0}, ...]}`);
  const byTopic = new Map<string, number[]>();
  for (const entry of entries as { topic?: unknown; partition?: unknown }[]) {
    if (typeof entry?.topic !== 'string' || !Number.isInteger(entry.partition))
      throw new CliError(`each partition needs "topic" and "partition": ${JSON.stringify(entry)}`);
    byTopic.set(entry.topic, [...(byTopic.get(entry.topic) ?? []), entry.partition as number]);
  }
  return [...byTopic].map(([topic, partitions]) => ({ topic, partitions }));
}

export async function leaderElectionCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'bootstrap-server': { type: 'string', default: '127.0.0.1:9092' },
      'election-type': { type: 'string' },
      'all-topic-partitions': { type: 'boolean', default: false },
      topic: { type: 'string' },
      partition: { type: 'string' },
      'path-to-json-file': { type: 'string' },
    },
    strict: true,
  });
  const typeName = (values['election-type'] ?? '').toLowerCase();
  if (!(typeName in ELECTION_TYPES)) throw new CliError('--election-type must be preferred or unclean');
  const electionType = ELECTION_TYPES[typeName as keyof typeof ELECTION_TYPES];
  const sources = [
    values['all-topic-partitions'],
    values.topic !== undefined,
    values['path-to-json-file'] !== undefined,
  ];
  if (sources.filter(Boolean).length !== 1)
    throw new CliError(
      'give exactly one of --all-topic-partitions, --topic (with --partition), --path-to-json-file',
    );
  let topicPartitions: { topic: string; partitions: number[] }[] | null = null;
  if (values.topic !== undefined) {
    const partition = Number(values.partition);
    if (values.partition === undefined || !Number.isInteger(partition) || partition < 0)
      throw new CliError('--topic needs --partition with a partition number');
    topicPartitions = [{ topic: values.topic, partitions: [partition] }];
  } else if (values['path-to-json-file'] !== undefined) {
    topicPartitions = partitionsFromJson(values['path-to-json-file']);
  }

  const client = new ClusterClient(values['bootstrap-server']);
  try {
    const connection = await client.any();
    const response = await connection.request(ApiKey.ElectLeaders, {
      electionType,
      topicPartitions,
      timeoutMs: 30_000,
    });
    throwIfError(response.errorCode);
    const label = typeName.toUpperCase();
    const elected: string[] = [];
    const notNeeded: string[] = [];
    const failed: string[] = [];
    for (const topic of response.replicaElectionResults) {
      for (const p of topic.partitionResult) {
        const name = `${topic.topic}-${p.partitionId}`;
        if (p.errorCode === ErrorCode.NONE) elected.push(name);
        else if (p.errorCode === ErrorCode.ELECTION_NOT_NEEDED) notNeeded.push(name);
        else failed.push(`${name}: ${p.errorMessage ?? `error code ${p.errorCode}`}`);
      }
    }
    if (elected.length > 0)
      console.log(`Successfully completed leader election (${label}) for partitions ${elected.join(', ')}`);
    if (notNeeded.length > 0)
      console.log(`Valid replica already elected for partitions ${notNeeded.join(', ')}`);
    if (elected.length === 0 && notNeeded.length === 0 && failed.length === 0)
      console.log(`No partitions needed a leader election (${label})`);
    if (failed.length > 0)
      throw new CommandFailedError(
        `Error completing leader election (${label}) for partitions:\n${failed.join('\n')}`,
      );
  } finally {
    client.close();
  }
}
