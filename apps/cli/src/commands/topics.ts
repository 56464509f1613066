/**
 * `sluice topics create|list|describe|delete|alter`, modelled on kafka-topics.sh: the same flags
 * (--bootstrap-server, --topic, --partitions, --replication-factor, --config) and output shapes.
 */
import { parseArgs } from 'node:util';
import { ClusterClient, throwIfError } from '@sluice/client';
import { CliError, parseConfigPairs } from '../cli-error.ts';
import { printCompactionStatus } from './compaction-status.ts';

const COMMON = {
  'bootstrap-server': { type: 'string', default: '127.0.0.1:9092' },
  topic: { type: 'string' },
} as const;

function requireTopic(topic: string | undefined): string {
  if (!topic) throw new CliError('--topic is required');
  return topic;
}

/**
 * kafka-topics.sh's --replica-assignment: partitions separated by commas, each a colon-separated broker list
 * (`1:2,2:3` is two partitions with two replicas each).
 */
export function parseReplicaAssignment(text: string): { partitionIndex: number; brokerIds: number[] }[] {
  return text.split(',').map((partition, partitionIndex) => {
    const brokerIds = partition.split(':').map((id) => Number(id.trim()));
    if (brokerIds.some((id) => !Number.isInteger(id) || id < 0))
      throw new CliError(`--replica-assignment expects broker ids like 1:2,2:3, got "${text}"`);
    return { partitionIndex, brokerIds };
  });
}

function parseCount(text: string | undefined, flag: string): number {
  if (text === undefined) return -1;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new CliError(`${flag} must be a positive integer, got "${text}"`);
  return value;
}

export async function topicsCommand(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      ...COMMON,
      partitions: { type: 'string' },
      'replication-factor': { type: 'string' },
      'replica-assignment': { type: 'string' },
      config: { type: 'string', multiple: true, default: [] },
      'delete-config': { type: 'string', multiple: true, default: [] },
      'exclude-internal': { type: 'boolean', default: false },
      'if-not-exists': { type: 'boolean', default: false },
      'validate-only': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const client = new ClusterClient(values['bootstrap-server']);
  try {
    switch (action) {
      case 'create': {
        const name = requireTopic(values.topic);
        const [result] = await client.createTopics(
          [
            {
              name,
              ...(values['replica-assignment'] === undefined
                ? {
                    numPartitions: parseCount(values.partitions, '--partitions'),
                    replicationFactor: parseCount(values['replication-factor'], '--replication-factor'),
                    assignments: [],
                  }
                : {
                    numPartitions: -1,
                    replicationFactor: -1,
                    assignments: parseReplicaAssignment(values['replica-assignment']),
                  }),
              configs: [...parseConfigPairs(values.config)].map(([configName, value]) => ({
                name: configName,
                value,
              })),
            },
          ],
          values['validate-only'],
        );
        if (result!.errorCode === 36 && values['if-not-exists']) return;
        throwIfError(result!.errorCode, result!.errorMessage);
        console.log(values['validate-only'] ? `Topic ${name} is valid.` : `Created topic ${name}.`);
        return;
      }
      case 'list': {
        const metadata = await client.metadata(null);
        const names = metadata.topics
          .filter((t) => !(values['exclude-internal'] && t.isInternal))
          .map((t) => t.name ?? '')
          .sort();
        for (const name of names) console.log(name);
        return;
      }
      case 'describe': {
        const metadata = await client.metadata(values.topic ? [values.topic] : null);
        for (const topic of metadata.topics.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))) {
          throwIfError(topic.errorCode, topic.name);
          const configs = await client.describeTopicConfigs(topic.name!);
          const overrides = configs.filter((c) => c.configSource === 1).map((c) => `${c.name}=${c.value}`);
          console.log(
            `Topic: ${topic.name}\tTopicId: ${topic.topicId}\tPartitionCount: ${topic.partitions.length}\t` +
              `ReplicationFactor: ${topic.partitions[0]?.replicaNodes.length ?? 0}\tConfigs: ${overrides.join(',')}`,
          );
          for (const p of topic.partitions.sort((a, b) => a.partitionIndex - b.partitionIndex)) {
            console.log(
              `\tTopic: ${topic.name}\tPartition: ${p.partitionIndex}\tLeader: ${p.leaderId}\t` +
                `Replicas: ${p.replicaNodes.join(',')}\tIsr: ${p.isrNodes.join(',')}`,
            );
          }
          // kafka-topics.sh's lines above stay as they are; a compacted topic gets the cleaner's view after them.
          const policy = configs.find((c) => c.name === 'cleanup.policy')?.value ?? '';
          if (policy.includes('compact')) await printCompactionStatus(client, topic.name!, topic.partitions);
        }
        return;
      }
      case 'delete': {
        const name = requireTopic(values.topic);
        const [result] = await client.deleteTopics([name]);
        throwIfError(result!.errorCode, result!.errorMessage);
        console.log(`Deleted topic ${name}.`);
        return;
      }
      case 'alter': {
        const name = requireTopic(values.topic);
        if (values.partitions !== undefined) {
          const [result] = await client.createPartitions(name, parseCount(values.partitions, '--partitions'));
          throwIfError(result!.errorCode, result!.errorMessage);
          console.log(`Topic ${name} now has ${values.partitions} partitions.`);
        }
        const changes = new Map<string, string | null>(parseConfigPairs(values.config));
        for (const configName of values['delete-config']) changes.set(configName, null);
        if (changes.size > 0) {
          await client.alterTopicConfigs(name, changes);
          console.log(`Altered configs of topic ${name}.`);
        }
        if (values.partitions === undefined && changes.size === 0) {
          throw new CliError('alter needs --partitions, --config or --delete-config');
        }
        return;
      }
      default:
        throw new CliError(`unknown topics action "${action ?? ''}" (create, list, describe, delete, alter)`);
    }
  } finally {
    client.close();
  }
}
