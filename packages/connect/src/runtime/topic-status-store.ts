/**
 * KIP-558 active topics: the topics each connector has used (a source's produced-to topics once a record was
 * acknowledged, a sink's consumed-from topics as records arrive), kept in the status store as Kafka keeps them
 * (`status-topic-<topic>:connector-<name>` in distributed mode, in memory in standalone mode) until reset or
 * the connector is deleted. `topic.tracking.enable` turns the tracking and its endpoints off,
 * `topic.tracking.allow.reset` the reset.
 */
import type { TopicStatus } from './distributed/index.ts';

export type { TopicStatus };

export interface TopicStatusStore {
  topic(connector: string, topic: string): TopicStatus | undefined;
  /** The topics a connector has used, in the order they were first seen. */
  topics(connector: string): TopicStatus[];
  putTopic(status: TopicStatus): void;
  deleteTopic(connector: string, topic: string): void;
}

/**
 * Standalone mode's store (MemoryStatusBackingStore: nothing outlives the worker), and the distributed store's
 * cache of what it read: topic statuses by connector, then topic.
 */
export class MemoryTopicStatusStore implements TopicStatusStore {
  private readonly byConnector = new Map<string, Map<string, TopicStatus>>();

  topic(connector: string, topic: string): TopicStatus | undefined {
    return this.byConnector.get(connector)?.get(topic);
  }

  topics(connector: string): TopicStatus[] {
    return [...(this.byConnector.get(connector)?.values() ?? [])];
  }

  putTopic(status: TopicStatus): void {
    let topics = this.byConnector.get(status.connector);
    if (!topics) this.byConnector.set(status.connector, (topics = new Map()));
    topics.set(status.topic, status);
  }

  deleteTopic(connector: string, topic: string): void {
    const topics = this.byConnector.get(connector);
    topics?.delete(topic);
    if (topics?.size === 0) this.byConnector.delete(connector);
  }
}
