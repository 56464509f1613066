/**
 * Failover under an acks=all producer: SIGKILL the leader of a partition with 3 replicas (min.insync.replicas=2),
 * time from the kill to the first acknowledged write on the new leader, restart the killed broker with its own
 * command line, wait until it is back in the ISR, and repeat. Afterwards every acknowledged record is looked for
 * in the partition, read back from offset 0.
 *
 * The producer is the tightest a real client can be: one Produce of one 100 B record in flight, and on any
 * failure (connection refused, NOT_LEADER_OR_FOLLOWER, NOT_ENOUGH_REPLICAS, a timeout) it re-reads metadata
 * from any live broker after RETRY_BACKOFF_MS and tries the leader that metadata names. What it measures is
 * therefore the cluster's failover (failure detection, election, metadata propagation), not a client's backoff.
 */
import {
  ApiKey,
  apis,
  decodeRecordBatch,
  encodeRecordBatch,
  splitBatches,
  type MetadataResponse,
  ZERO_UUID,
} from '@sluice/protocol';
import { KafkaConnection } from '@sluice/client';
import type { ClusterProcess } from '../../packages/broker/test/support/cluster-process.ts';

const RECORD_BYTES = 100;
const RETRY_BACKOFF_MS = 25;
const REQUEST_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 1_000;
/** A kill, a restart or a rejoin that takes longer than this fails the suite rather than hiding in a worst case. */
const STEP_TIMEOUT_MS = 90_000;
/** Acknowledged writes on the leader before each kill, so the producer is in its steady state when it happens. */
const STEADY_ACKS = 200;

export interface Kill {
  victim: number;
  /** The victim was also the active controller (the quorum leader): KRaft combined mode elects one first. */
  wasController: boolean;
  newLeader: number;
  failoverMs: number;
  /** From the restart of the killed broker until it is back in the ISR. */
  rejoinMs: number;
}

export interface FailoverResult {
  kills: Kill[];
  acknowledged: number;
  readBack: number;
  missing: number;
  duplicates: number;
}

interface Ack {
  sequence: number;
  nodeId: number;
  at: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
  const deadline = performance.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Metadata from whichever broker answers first in turn; keeps the connection while it works. */
export class MetadataSource {
  private connection: KafkaConnection | null = null;
  private next = 0;

  constructor(private readonly ports: number[]) {}

  async read(topic: string | null): Promise<MetadataResponse> {
    for (let attempt = 0; attempt < this.ports.length; attempt++) {
      try {
        if (!this.connection) {
          const port = this.ports[this.next++ % this.ports.length]!;
          this.connection = await KafkaConnection.connect(
            '127.0.0.1',
            port,
            'bench-metadata',
            CONNECT_TIMEOUT_MS,
          );
        }
        return await withTimeout(
          this.connection.request(ApiKey.Metadata, {
            ...apis[ApiKey.Metadata].defaultRequest(),
            topics: topic === null ? null : [{ name: topic, topicId: ZERO_UUID }],
          }),
          REQUEST_TIMEOUT_MS,
          'Metadata',
        );
      } catch {
        this.connection?.close();
        this.connection = null;
      }
    }
    throw new Error('no broker answered Metadata');
  }

  close(): void {
    this.connection?.close();
  }
}

function partitionZero(metadata: MetadataResponse) {
  const partition = metadata.topics[0]?.partitions.find((p) => p.partitionIndex === 0);
  if (!partition || partition.errorCode !== 0 || partition.leaderId < 0) return null;
  return partition;
}

/** One acks=all Produce in flight, forever re-finding the leader, until stopped. */
class TightProducer {
  readonly acks: Ack[] = [];
  /** Failures since the last acknowledgement, by message: what to show if a failover never completes. */
  readonly failures = new Map<string, number>();
  private stopped = false;
  private readonly metadata: MetadataSource;
  private readonly portOf: Map<number, number>;
  private done: Promise<void> = Promise.resolve();
  private readonly padding = Buffer.alloc(RECORD_BYTES - 8, 0x61);

  constructor(
    private readonly cluster: ClusterProcess,
    private readonly topic: string,
  ) {
    this.metadata = new MetadataSource(cluster.brokers.map((b) => b.layout.port));
    this.portOf = new Map(cluster.brokers.map((b) => [b.layout.nodeId, b.layout.port]));
  }

  start(): void {
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
    this.metadata.close();
  }

  private async run(): Promise<void> {
    let sequence = 0;
    let leader: { nodeId: number; connection: KafkaConnection } | null = null;
    while (!this.stopped) {
      try {
        if (!leader) {
          const partition = partitionZero(await this.metadata.read(this.topic));
          if (!partition) throw new Error('no leader');
          const port = this.portOf.get(partition.leaderId)!;
          const connection = await KafkaConnection.connect(
            '127.0.0.1',
            port,
            'bench-producer',
            CONNECT_TIMEOUT_MS,
          );
          leader = { nodeId: partition.leaderId, connection };
        }
        // Every attempt writes a new sequence number: a retried record is a different record, so only what was
        // acknowledged has to be found again, and anything written but unacknowledged shows up as extra.
        const value = Buffer.alloc(RECORD_BYTES);
        value.writeBigInt64BE(BigInt(sequence));
        this.padding.copy(value, 8);
        const attempt = sequence++;
        const batch = await encodeRecordBatch({
          records: [{ key: null, value }],
          baseTimestamp: BigInt(Date.now()),
        });
        const response = await withTimeout(
          leader.connection.request(ApiKey.Produce, {
            transactionalId: null,
            acks: -1,
            timeoutMs: REQUEST_TIMEOUT_MS / 2,
            topicData: [{ name: this.topic, partitionData: [{ index: 0, records: batch }] }],
          }),
          REQUEST_TIMEOUT_MS,
          'Produce',
        );
        const code = response.responses[0]!.partitionResponses[0]!.errorCode;
        if (code !== 0) throw new Error(`Produce to broker ${leader.nodeId} answered error ${code}`);
        this.acks.push({ sequence: attempt, nodeId: leader.nodeId, at: performance.now() });
        this.failures.clear();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.failures.set(message, (this.failures.get(message) ?? 0) + 1);
        leader?.connection.close();
        leader = null;
        await sleep(RETRY_BACKOFF_MS);
      }
    }
    leader?.connection.close();
  }

  /** Waits for `count` more acknowledgements, all after `since`, and returns the last. */
  async ackedAfter(since: number, count: number): Promise<Ack> {
    return waitFor(`${count} acknowledged writes`, () => {
      let seen = 0;
      for (let i = this.acks.length - 1; i >= 0 && this.acks[i]!.at > since && seen < count; i--) seen++;
      return Promise.resolve(seen >= count ? this.acks.at(-1)! : null);
    });
  }

  /** The first acknowledgement after `since` by a broker other than `victim`. */
  firstAckAfter(since: number, victim: number): Promise<Ack> {
    return waitFor('the first write acknowledged by the new leader', () => {
      let first: Ack | null = null;
      for (let i = this.acks.length - 1; i >= 0 && this.acks[i]!.at > since; i--)
        if (this.acks[i]!.nodeId !== victim) first = this.acks[i]!;
      return Promise.resolve(first);
    });
  }
}

/** Every record value of partition 0, read from offset 0 to the high watermark on its leader. */
async function readBack(cluster: ClusterProcess, topic: string): Promise<Buffer[]> {
  const source = new MetadataSource(cluster.brokers.map((b) => b.layout.port));
  const metadata = await source.read(topic);
  source.close();
  const partition = partitionZero(metadata);
  if (!partition) throw new Error(`${topic} has no leader to read back from`);
  const topicId = metadata.topics[0]!.topicId;
  const port = cluster.brokers.find((b) => b.layout.nodeId === partition.leaderId)!.layout.port;
  const connection = await KafkaConnection.connect('127.0.0.1', port, 'bench-reader');
  const values: Buffer[] = [];
  try {
    let offset = 0n;
    for (;;) {
      const response = await connection.request(ApiKey.Fetch, {
        ...apis[ApiKey.Fetch].defaultRequest(),
        replicaId: -1,
        maxWaitMs: 0,
        minBytes: 1,
        maxBytes: 16 * 1024 * 1024,
        isolationLevel: 0,
        sessionId: 0,
        sessionEpoch: -1,
        topics: [
          {
            topic,
            topicId,
            partitions: [
              {
                partition: 0,
                currentLeaderEpoch: -1,
                fetchOffset: offset,
                lastFetchedEpoch: -1,
                logStartOffset: -1n,
                partitionMaxBytes: 8 * 1024 * 1024,
                replicaDirectoryId: ZERO_UUID,
              },
            ],
          },
        ],
      });
      const data = response.responses[0]!.partitions[0]!;
      if (data.errorCode !== 0) throw new Error(`read-back Fetch failed with error ${data.errorCode}`);
      if (offset >= data.highWatermark) break;
      const { batches } = splitBatches(data.records ?? Buffer.alloc(0));
      if (batches.length === 0) throw new Error(`read-back stalled at offset ${offset}`);
      for (const { bytes } of batches) {
        const { header, records } = await decodeRecordBatch(bytes);
        for (const record of records) if (record.offset >= offset && record.value) values.push(record.value);
        offset = header.baseOffset + BigInt(header.lastOffsetDelta) + 1n;
      }
    }
  } finally {
    connection.close();
  }
  return values;
}

/**
 * Runs `kills` SIGKILL/restart cycles on the leader of `topic`'s partition 0 (which must have 3 replicas)
 * under a tight acks=all producer; `onKill` is told each result as it comes.
 */
export async function measureFailover(
  cluster: ClusterProcess,
  topic: string,
  kills: number,
  onKill: (kill: Kill) => void = () => undefined,
): Promise<FailoverResult> {
  const metadata = new MetadataSource(cluster.brokers.map((b) => b.layout.port));
  const fullIsr = async () => {
    const m = await metadata.read(topic);
    const partition = partitionZero(m);
    return partition && partition.isrNodes.length === cluster.brokers.length
      ? { leader: partition.leaderId, controller: m.controllerId }
      : null;
  };
  const producer = new TightProducer(cluster, topic);
  producer.start();
  const results: Kill[] = [];
  try {
    for (let i = 0; i < kills; i++) {
      await waitFor('every replica in the ISR', fullIsr);
      await producer.ackedAfter(performance.now(), STEADY_ACKS);
      // The leader is read again just before the kill: a preferred-leader election may have moved it.
      const { leader: victim, controller } = await waitFor('every replica in the ISR', fullIsr);
      const killedAt = performance.now();
      await cluster.signal(victim, 'SIGKILL');
      const first = await producer.firstAckAfter(killedAt, victim).catch(async (error: unknown) => {
        throw new Error(
          `kill ${i + 1} (broker ${victim}${victim === controller ? ', the active controller' : ''}): ${String(error)}\n` +
            `producer failures since its last acknowledgement: ${JSON.stringify([...producer.failures])}\n` +
            `partition 0 now: ${JSON.stringify(partitionZero(await metadata.read(topic).catch(() => ({ topics: [] }) as unknown as MetadataResponse)))}\n` +
            cluster.brokers
              .map((b) => `broker ${b.layout.nodeId}:\n${b.output.split('\n').slice(-60).join('\n')}`)
              .join('\n'),
        );
      });
      const restartedAt = performance.now();
      await cluster.start(victim);
      await waitFor(`broker ${victim} back in the ISR`, fullIsr);
      const kill: Kill = {
        victim,
        wasController: victim === controller,
        newLeader: first.nodeId,
        failoverMs: first.at - killedAt,
        rejoinMs: performance.now() - restartedAt,
      };
      results.push(kill);
      onKill(kill);
    }
  } finally {
    await producer.stop();
    metadata.close();
  }
  const acknowledged = new Set(producer.acks.map((a) => a.sequence));
  const found = new Map<number, number>();
  const values = await readBack(cluster, topic);
  for (const value of values) {
    const sequence = Number(value.readBigInt64BE(0));
    found.set(sequence, (found.get(sequence) ?? 0) + 1);
  }
  let missing = 0;
  for (const sequence of acknowledged) if (!found.has(sequence)) missing++;
  let duplicates = 0;
  for (const count of found.values()) duplicates += count - 1;
  return { kills: results, acknowledged: acknowledged.size, readBack: values.length, missing, duplicates };
}
