/**
 * Internal topics (`__consumer_offsets`) on a cluster member are created by the active controller: a CreateTopics
 * request, then a wait until this broker's metadata has the topic, as Kafka's AutoTopicCreationManager does for
 * internal topics. Concurrent asks for one topic share one request.
 */
import { ApiKey, ErrorCode } from '@sluice/protocol';
import type { InternalTopicCreator } from '../groups/offsets-topic.ts';
import type { TopicRegistry } from '../metadata/topic-registry.ts';
import type { ControllerChannel } from './controller-channel.ts';

const CREATE_TIMEOUT_MS = 30_000;
const METADATA_POLL_MS = 50;

export class ControllerTopicCreator implements InternalTopicCreator {
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly channel: ControllerChannel,
    private readonly topics: TopicRegistry,
  ) {}

  ensureInternalTopic(
    name: string,
    partitions: number,
    replicationFactor: number,
    configs: ReadonlyMap<string, string>,
  ): Promise<void> {
    if (this.topics.get(name)) return Promise.resolve();
    let creation = this.pending.get(name);
    if (!creation) {
      creation = this.create(name, partitions, replicationFactor, configs).finally(() =>
        this.pending.delete(name),
      );
      this.pending.set(name, creation);
    }
    return creation;
  }

  private async create(
    name: string,
    partitions: number,
    replicationFactor: number,
    configs: ReadonlyMap<string, string>,
  ): Promise<void> {
    const deadline = Date.now() + CREATE_TIMEOUT_MS;
    const response = await this.channel.send(
      ApiKey.CreateTopics,
      {
        topics: [
          {
            name,
            numPartitions: partitions,
            replicationFactor,
            assignments: [],
            configs: [...configs].map(([configName, value]) => ({ name: configName, value })),
          },
        ],
        timeoutMs: CREATE_TIMEOUT_MS,
        validateOnly: false,
      },
      CREATE_TIMEOUT_MS,
    );
    const result = response.topics[0];
    const errorCode = result?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR;
    if (errorCode !== ErrorCode.NONE && errorCode !== ErrorCode.TOPIC_ALREADY_EXISTS)
      throw new Error(`cannot create ${name}: ${result?.errorMessage ?? `error ${errorCode}`}`);
    while (!this.topics.get(name)) {
      if (Date.now() > deadline)
        throw new Error(`${name} was created but has not reached this broker's metadata`);
      await new Promise((resolve) => setTimeout(resolve, METADATA_POLL_MS));
    }
  }
}
