/**
 * The cluster's topic metadata: names, topic ids, partitions with leader/replicas/ISR, and per-topic config
 * overrides.
 *
 * On disk: `<data-dir>/__cluster_metadata/topics.json`, the whole registry as JSON, replaced durably
 * (temp + fsync + rename) on every change; `<data-dir>/meta.properties` holds the cluster id and node id as
 * Kafka's does. Invariant: a change is visible to requests only after it is on disk, so a topic a client saw
 * created survives a crash.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../storage/durable-file.ts';

export interface PartitionMetadata {
  partitionIndex: number;
  leaderId: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
}

export interface TopicMetadata {
  name: string;
  topicId: string;
  isInternal: boolean;
  partitions: PartitionMetadata[];
  configs: Map<string, string>;
}

interface StoredTopic {
  name: string;
  topicId: string;
  isInternal: boolean;
  partitions: PartitionMetadata[];
  configs: Record<string, string>;
}

/** Kafka's topic name rule: 1-249 characters of [a-zA-Z0-9._-], not "." or "..". */
export const MAX_TOPIC_NAME_LENGTH = 249;
const TOPIC_NAME_PATTERN = /^[a-zA-Z0-9._-]+$/;

/** Returns why a topic name is invalid, in Kafka's words, or null when it is valid. */
export function topicNameProblem(name: string): string | null {
  if (name.length === 0) return "Topic name is illegal, it can't be empty";
  if (name === '.' || name === '..') return 'Topic name cannot be "." or ".."';
  if (name.length > MAX_TOPIC_NAME_LENGTH) {
    return `Topic name is illegal, it can't be longer than ${MAX_TOPIC_NAME_LENGTH} characters, topic name: ${name}`;
  }
  if (!TOPIC_NAME_PATTERN.test(name)) {
    return `Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`;
  }
  return null;
}

/** Kafka's textual uuid form: 16 random bytes, URL-safe base64 without padding; never the all-zero id. */
export function randomTopicId(): string {
  for (;;) {
    const bytes = randomBytes(16);
    if (bytes.some((b) => b !== 0)) return bytes.toString('base64url');
  }
}

/** Kafka treats '.' and '_' as colliding in metric names, so "a.b" and "a_b" cannot both exist. */
function collisionKey(name: string): string {
  return name.replaceAll('.', '_');
}

export class TopicRegistry {
  private readonly topics = new Map<string, TopicMetadata>();
  private readonly byId = new Map<string, TopicMetadata>();
  /** Topics by collisionKey(name): at most one each, since colliding names are refused. */
  private readonly byCollisionKey = new Map<string, TopicMetadata>();
  private readonly file: string;
  readonly clusterId: string;
  private batching = false;
  private dirty = false;

  /**
   * `durable: false` on a cluster member: the metadata log is the record of topics, and the registry is only this
   * broker's copy of what the log says, rebuilt by replaying it at every start (topics.json is neither read nor
   * written).
   */
  constructor(
    private readonly dataDir: string,
    readonly nodeId: number,
    private readonly options: { durable: boolean } = { durable: true },
  ) {
    const metadataDir = join(dataDir, '__cluster_metadata');
    mkdirSync(metadataDir, { recursive: true });
    this.file = join(metadataDir, 'topics.json');
    this.clusterId = this.loadOrCreateClusterId();
    if (options.durable && existsSync(this.file)) {
      const stored = JSON.parse(readFileSync(this.file, 'utf8')) as StoredTopic[];
      for (const topic of stored) this.index({ ...topic, configs: new Map(Object.entries(topic.configs)) });
    }
  }

  private loadOrCreateClusterId(): string {
    const path = join(this.dataDir, 'meta.properties');
    if (existsSync(path)) {
      const match = /^cluster\.id=(.+)$/m.exec(readFileSync(path, 'utf8'));
      if (match) return match[1]!.trim();
    }
    const clusterId = randomTopicId();
    writeFileDurably(path, `version=1\ncluster.id=${clusterId}\nnode.id=${this.nodeId}\n`);
    return clusterId;
  }

  private index(topic: TopicMetadata): void {
    this.topics.set(topic.name, topic);
    this.byId.set(topic.topicId, topic);
    this.byCollisionKey.set(collisionKey(topic.name), topic);
  }

  /**
   * Runs `changes` (several creations or deletions of one request) with one durable write of the registry at
   * the end instead of one per change: the file is rewritten whole, so per-topic writes would cost O(n²).
   */
  batch<T>(changes: () => T): T {
    if (this.batching) return changes();
    this.batching = true;
    this.dirty = false;
    try {
      return changes();
    } finally {
      this.batching = false;
      if (this.dirty) this.persist();
    }
  }

  private persist(): void {
    if (!this.options.durable) return;
    if (this.batching) {
      this.dirty = true;
      return;
    }
    const stored: StoredTopic[] = [...this.topics.values()].map((t) => ({
      ...t,
      configs: Object.fromEntries(t.configs),
    }));
    writeFileDurably(this.file, JSON.stringify(stored));
  }

  get(name: string): TopicMetadata | undefined {
    return this.topics.get(name);
  }

  getById(topicId: string): TopicMetadata | undefined {
    return this.byId.get(topicId);
  }

  /** The existing topic whose name collides with `name` ('.' and '_' alike), if any. */
  collidingWith(name: string): TopicMetadata | undefined {
    return this.byCollisionKey.get(collisionKey(name));
  }

  list(): TopicMetadata[] {
    return [...this.topics.values()];
  }

  /** Adds a topic; the caller has validated name, partitions and configs. */
  create(topic: Omit<TopicMetadata, 'topicId'> & { topicId?: string }): TopicMetadata {
    if (this.topics.has(topic.name)) throw new Error(`topic ${topic.name} already exists`);
    const created: TopicMetadata = { ...topic, topicId: topic.topicId ?? randomTopicId() };
    this.index(created);
    this.persistOrUndo(() => this.unindex(created));
    return created;
  }

  delete(name: string): TopicMetadata | undefined {
    const topic = this.topics.get(name);
    if (!topic) return undefined;
    this.unindex(topic);
    this.persistOrUndo(() => this.index(topic));
    return topic;
  }

  addPartitions(name: string, partitions: PartitionMetadata[]): void {
    const topic = this.topics.get(name);
    if (!topic) throw new Error(`no topic ${name}`);
    topic.partitions.push(...partitions);
    this.persistOrUndo(() => topic.partitions.splice(-partitions.length));
  }

  /** Replaces a topic's partitions (their leaders, replicas and ISR as the metadata log now records them). */
  replacePartitions(name: string, partitions: PartitionMetadata[]): void {
    const topic = this.topics.get(name);
    if (!topic) throw new Error(`no topic ${name}`);
    const previous = topic.partitions;
    topic.partitions = partitions;
    this.persistOrUndo(() => (topic.partitions = previous));
  }

  setConfigs(name: string, configs: Map<string, string>): void {
    const topic = this.topics.get(name);
    if (!topic) throw new Error(`no topic ${name}`);
    const previous = topic.configs;
    topic.configs = configs;
    this.persistOrUndo(() => (topic.configs = previous));
  }

  private unindex(topic: TopicMetadata): void {
    this.topics.delete(topic.name);
    this.byId.delete(topic.topicId);
    this.byCollisionKey.delete(collisionKey(topic.name));
  }

  /**
   * A change the file could not take (a full disk) is undone in memory too, so the registry never describes
   * topics that a restart would not find. Inside batch() the write comes at the end; should it fail, the
   * request's changes stay in memory (the client gets the storage error) and the next write, which rewrites the
   * whole file, includes them.
   */
  private persistOrUndo(undo: () => void): void {
    try {
      this.persist();
    } catch (error) {
      undo();
      throw error;
    }
  }
}
