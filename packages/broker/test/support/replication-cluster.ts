/**
 * Real brokers in this process, each with its own data directory and listener on 127.0.0.1, and a test
 * controller that stands in for the quorum controller until it lands: it creates topics in every broker's
 * registry, pushes each partition's registration to every running broker's ReplicaManager (as the metadata
 * loader will), elects leaders, and applies AlterPartition proposals with Kafka's checks (FENCED_LEADER_EPOCH,
 * INVALID_UPDATE_VERSION, INELIGIBLE_REPLICA for a stopped broker).
 */
import { ApiKey, ErrorCode, encodeRecordBatch, type ApiKeyNumber, type ApiMessages } from '@sluice/protocol';
import { Broker } from '../../src/broker.ts';
import type { NodeEndpoint } from '../../src/broker-services.ts';
import { createLogger } from '../../src/logger.ts';
import type {
  PartitionRegistration,
  AlterPartitionProposal,
} from '../../src/metadata/partition-registration.ts';
import { randomTopicId } from '../../src/metadata/topic-registry.ts';
import { NodeClient } from '../../src/replication/node-client.ts';
import type { PartitionChange } from '../../src/replication/replica-manager.ts';
import { tempDataDir } from './broker-process.ts';

interface PartitionState {
  topicName: string;
  topicId: string;
  partition: number;
  registration: PartitionRegistration;
}

export interface BrokerStartOptions {
  replicaFetchMaxVersion?: number;
}

export class TestCluster {
  readonly brokers = new Map<number, Broker>();
  private readonly dataDirs = new Map<number, string>();
  private readonly endpoints = new Map<number, NodeEndpoint>();
  private readonly ports = new Map<number, number>();
  private readonly partitions = new Map<string, PartitionState>();
  private readonly clients: NodeClient[] = [];
  /** Every AlterPartition proposal and its answer, in order. */
  readonly alterPartitionLog: {
    broker: number;
    proposal: AlterPartitionProposal;
    answer: number | number[];
  }[] = [];

  constructor(private readonly configs: Record<string, string> = {}) {}

  static async start(ids: number[], configs: Record<string, string> = {}): Promise<TestCluster> {
    const cluster = new TestCluster(configs);
    for (const id of ids) await cluster.startBroker(id);
    return cluster;
  }

  broker(id: number): Broker {
    const broker = this.brokers.get(id);
    if (!broker) throw new Error(`broker ${id} is not running`);
    return broker;
  }

  bootstrap(id: number): string {
    return `127.0.0.1:${this.broker(id).port}`;
  }

  /** Starts (or restarts, with the same data directory and port) broker `id` and gives it the current metadata. */
  async startBroker(id: number, options: BrokerStartOptions = {}): Promise<Broker> {
    const dataDir = this.dataDirs.get(id) ?? tempDataDir(`sluice-replica-${id}-`);
    this.dataDirs.set(id, dataDir);
    const broker = await Broker.start({
      dataDir,
      port: this.ports.get(id) ?? 0,
      configs: new Map(Object.entries({ ...this.configs, 'node.id': String(id) })),
      logger: createLogger(`broker-${id}`, process.env.SLUICE_LOG_LEVEL === 'info' ? 'info' : 'warn'),
      alterPartition: { submit: (proposal) => Promise.resolve(this.alterPartition(id, proposal)) },
      internalTopics: {
        ensureInternalTopic: (name, partitions, replicationFactor, configs) =>
          Promise.resolve(this.ensureInternalTopic(name, partitions, replicationFactor, configs)),
      },
      ...options,
    });
    this.ports.set(id, broker.port);
    this.endpoints.set(id, { ...broker.services.node });
    this.brokers.set(id, broker);
    // As the metadata loader replays the log on start: every partition as the controller has it now.
    this.publishTo(broker, [...this.partitions.values()]);
    return broker;
  }

  async stopBroker(id: number): Promise<void> {
    const broker = this.broker(id);
    this.brokers.delete(id);
    await broker.close();
  }

  private publishTo(broker: Broker, states: PartitionState[]): void {
    const changes: PartitionChange[] = states.map((s) => ({ ...s, registration: { ...s.registration } }));
    broker.services.replicaManager.applyDelta(changes, [...this.endpoints.values()]);
  }

  private publish(states: PartitionState[]): void {
    for (const broker of this.brokers.values()) this.publishTo(broker, states);
  }

  /** Creates a topic whose partition p has replicas `assignment[p]`, led by the first, ISR all of them. */
  createTopic(name: string, assignment: number[][], configs: Record<string, string> = {}): string {
    const topicId = randomTopicId();
    const states = assignment.map((replicas, partition): PartitionState => ({
      topicName: name,
      topicId,
      partition,
      registration: {
        replicas,
        isr: replicas,
        removingReplicas: [],
        addingReplicas: [],
        leader: replicas[0]!,
        leaderRecoveryState: 0,
        leaderEpoch: 0,
        partitionEpoch: 0,
      },
    }));
    for (const broker of this.brokers.values()) {
      broker.services.topics.create({
        name,
        topicId,
        isInternal: false,
        configs: new Map(Object.entries(configs)),
        partitions: states.map((s) => ({
          partitionIndex: s.partition,
          leaderId: s.registration.leader,
          leaderEpoch: 0,
          replicas: [...s.registration.replicas],
          isr: [...s.registration.isr],
        })),
      });
    }
    for (const state of states) this.partitions.set(`${name}-${state.partition}`, state);
    this.publish(states);
    return topicId;
  }

  /**
   * The controller's side of a broker's internal topic creation: partition p on `replicationFactor` running
   * brokers starting from the p-th, in id order (a topic that exists is left alone).
   */
  private ensureInternalTopic(
    name: string,
    partitions: number,
    replicationFactor: number,
    configs: ReadonlyMap<string, string>,
  ): void {
    if (this.partitions.has(`${name}-0`)) return;
    const ids = [...this.brokers.keys()].sort((a, b) => a - b);
    const assignment = Array.from({ length: partitions }, (_, p) =>
      Array.from({ length: Math.min(replicationFactor, ids.length) }, (_, r) => ids[(p + r) % ids.length]!),
    );
    this.createTopic(name, assignment, Object.fromEntries(configs));
  }

  registration(topic: string, partition: number): PartitionRegistration {
    return this.partitions.get(`${topic}-${partition}`)!.registration;
  }

  /** Moves leadership to `leader` in a new leader epoch, with the given ISR (default: unchanged). */
  electLeader(topic: string, partition: number, leader: number, isr?: number[]): PartitionRegistration {
    const state = this.partitions.get(`${topic}-${partition}`)!;
    const current = state.registration;
    state.registration = {
      ...current,
      leader,
      isr: isr ?? current.isr,
      leaderEpoch: current.leaderEpoch + 1,
      partitionEpoch: current.partitionEpoch + 1,
    };
    this.publish([state]);
    return state.registration;
  }

  /** Changes a partition's replicas (a reassignment's end state), keeping its leader and epoch. */
  reassign(topic: string, partition: number, replicas: number[], isr: number[]): PartitionRegistration {
    const state = this.partitions.get(`${topic}-${partition}`)!;
    state.registration = {
      ...state.registration,
      replicas,
      isr,
      partitionEpoch: state.registration.partitionEpoch + 1,
    };
    this.publish([state]);
    return state.registration;
  }

  /** The controller's side of AlterPartition (Kafka's ReplicationControlManager checks, in order). */
  private alterPartition(brokerId: number, proposal: AlterPartitionProposal): PartitionRegistration | number {
    const state = [...this.partitions.values()].find(
      (s) => s.topicId === proposal.topicId && s.partition === proposal.partition,
    );
    const answer = (result: PartitionRegistration | number) => {
      this.alterPartitionLog.push({
        broker: brokerId,
        proposal,
        answer: typeof result === 'number' ? result : [...result.isr],
      });
      return result;
    };
    if (!state) return answer(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    const current = state.registration;
    if (current.leader !== brokerId || proposal.leaderEpoch !== current.leaderEpoch)
      return answer(ErrorCode.FENCED_LEADER_EPOCH);
    if (proposal.partitionEpoch !== current.partitionEpoch) return answer(ErrorCode.INVALID_UPDATE_VERSION);
    const added = proposal.newIsr.filter((id) => !current.isr.includes(id));
    if (added.some((id) => !this.brokers.has(id))) return answer(ErrorCode.INELIGIBLE_REPLICA);
    state.registration = {
      ...current,
      isr: [...proposal.newIsr],
      partitionEpoch: current.partitionEpoch + 1,
    };
    // Metadata reaches every broker after the answer, as the controller's commit does.
    setImmediate(() => this.publish([state]));
    return answer({ ...state.registration });
  }

  /** A raw Kafka client to broker `id` (closed by close()). */
  client(id: number): NodeClient {
    const client = new NodeClient({ host: '127.0.0.1', port: this.broker(id).port }, 'test', 30_000);
    this.clients.push(client);
    return client;
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.close();
    for (const id of [...this.brokers.keys()]) await this.stopBroker(id);
  }
}

/** Sends a request at the highest version both sides speak (up to `max`). */
export async function request<K extends ApiKeyNumber>(
  client: NodeClient,
  apiKey: K,
  max: number,
  body: ApiMessages[K]['request'],
): Promise<ApiMessages[K]['response']> {
  return client.send(apiKey, await client.version(apiKey, max), body);
}

/** Produces one batch of `values` to a partition and returns its partition response. */
export async function produce(
  client: NodeClient,
  topic: string,
  partition: number,
  values: string[],
  options: {
    acks?: number;
    timeoutMs?: number;
    producer?: { producerId: bigint; producerEpoch: number; baseSequence: number };
  } = {},
) {
  const records = await encodeRecordBatch({
    records: values.map((value) => ({ key: null, value: Buffer.from(value), timestamp: BigInt(Date.now()) })),
    ...options.producer,
  });
  const response = await request(client, ApiKey.Produce, 11, {
    transactionalId: null,
    acks: options.acks ?? -1,
    timeoutMs: options.timeoutMs ?? 30_000,
    topicData: [{ name: topic, partitionData: [{ index: partition, records }] }],
  });
  return response.responses[0]!.partitionResponses[0]!;
}

/** A consumer's Fetch (v17) of one partition. */
export async function fetchAsConsumer(
  client: NodeClient,
  topicId: string,
  partition: number,
  options: { fetchOffset?: number; currentLeaderEpoch?: number } = {},
) {
  const response = await request(client, ApiKey.Fetch, 17, {
    clusterId: null,
    replicaId: -1,
    replicaState: { replicaId: -1, replicaEpoch: -1n },
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 1 << 20,
    isolationLevel: 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [
      {
        topic: '',
        topicId,
        partitions: [
          {
            partition,
            currentLeaderEpoch: options.currentLeaderEpoch ?? -1,
            fetchOffset: BigInt(options.fetchOffset ?? 0),
            lastFetchedEpoch: -1,
            logStartOffset: -1n,
            partitionMaxBytes: 1 << 20,
            replicaDirectoryId: 'AAAAAAAAAAAAAAAAAAAAAA',
          },
        ],
      },
    ],
    forgottenTopicsData: [],
    rackId: '',
  });
  return { response, data: response.responses[0]!.partitions[0]! };
}

/** Polls `check` until it returns true or `timeoutMs` passes. */
export async function eventually(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
