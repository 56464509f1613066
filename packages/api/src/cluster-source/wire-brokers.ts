/**
 * Brokers, replicas and the metadata quorum of any Kafka-compatible cluster, from Kafka's APIs only:
 * Metadata (live brokers, leaders, replicas, ISR), DescribeCluster (the controller), DescribeQuorum (voters and
 * observers with their log end offsets and fetch times; brokers forward it to the quorum leader, KIP-836),
 * DescribeLogDirs (disk use, per broker) and ListOffsets as a debugging tool (replica id -2: a replica's log end
 * offset, from followers too).
 *
 * A broker that does not answer (stopped, SIGSTOPped) must not hold the page: each per-broker call has its own
 * deadline, and its failure is reported beside that broker rather than failing the whole answer.
 */
import { withDeadline, type ClusterClient } from '@sluice/client';
import type { MetadataResponse } from '@sluice/protocol';
import type {
  BrokerStatus,
  ClusterBrokers,
  LaggingReplica,
  QuorumReplica,
  QuorumStatus,
} from './cluster-source.ts';

/** How long one broker gets to answer DescribeLogDirs or ListOffsets before it is reported as not answering. */
export const PER_BROKER_DEADLINE_MS = 3_000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** Kafka reports unknown offsets and times as -1. */
const known = (value: bigint) => (value < 0n ? null : Number(value));

/** Client addresses of brokers seen alive, kept so a broker that goes down keeps its host and port on the page. */
export type BrokerAddressBook = Map<number, { host: string; port: number; rack: string | null }>;

/**
 * Notes the live brokers of a Metadata answer in the address book. Every Metadata of the whole cluster does
 * (the ISR sampler's every few seconds too), so a broker that fails while no one has the Brokers page open is
 * still shown with its address.
 */
export function rememberBrokers(
  addresses: BrokerAddressBook,
  metadata: Pick<MetadataResponse, 'brokers'>,
): void {
  for (const b of metadata.brokers) addresses.set(b.nodeId, { host: b.host, port: b.port, rack: b.rack });
}

type QuorumPartition = Awaited<ReturnType<ClusterClient['describeQuorum']>>;

export function quorumStatus(partition: QuorumPartition): QuorumStatus {
  const leaderEnd = partition.currentVoters.find((v) => v.replicaId === partition.leaderId)?.logEndOffset;
  const replica = (r: QuorumPartition['currentVoters'][number]): QuorumReplica => {
    const logEndOffset = known(r.logEndOffset);
    return {
      nodeId: r.replicaId,
      logEndOffset,
      lag:
        logEndOffset === null || leaderEnd === undefined || leaderEnd < 0n
          ? null
          : Math.max(0, Number(leaderEnd) - logEndOffset),
      lastFetchTimestamp: known(r.lastFetchTimestamp),
      lastCaughtUpTimestamp: known(r.lastCaughtUpTimestamp),
    };
  };
  return {
    leaderId: partition.leaderId,
    leaderEpoch: partition.leaderEpoch,
    highWatermark: Number(partition.highWatermark),
    voters: partition.currentVoters.map(replica).sort((a, b) => a.nodeId - b.nodeId),
    observers: partition.observers.map(replica).sort((a, b) => a.nodeId - b.nodeId),
    standalone: false,
  };
}

/** Per broker: partitions led, followed, led under-replicated, and held outside the ISR. */
function replicaCounts(metadata: MetadataResponse) {
  const counts = new Map<
    number,
    { partitionsLed: number; partitionsFollowed: number; underReplicatedLed: number; outOfIsr: number }
  >();
  const of = (nodeId: number) => {
    let entry = counts.get(nodeId);
    if (!entry)
      counts.set(
        nodeId,
        (entry = { partitionsLed: 0, partitionsFollowed: 0, underReplicatedLed: 0, outOfIsr: 0 }),
      );
    return entry;
  };
  for (const topic of metadata.topics)
    for (const p of topic.partitions) {
      const underReplicated = p.isrNodes.length < p.replicaNodes.length;
      if (p.leaderId >= 0) {
        of(p.leaderId).partitionsLed++;
        if (underReplicated) of(p.leaderId).underReplicatedLed++;
      }
      for (const replica of p.replicaNodes) {
        if (replica !== p.leaderId) of(replica).partitionsFollowed++;
        if (!p.isrNodes.includes(replica)) of(replica).outOfIsr++;
      }
    }
  return counts;
}

async function logDirs(client: ClusterClient, nodeId: number) {
  try {
    const results = await withDeadline(
      client.describeLogDirs(nodeId),
      PER_BROKER_DEADLINE_MS,
      `DescribeLogDirs at broker ${nodeId}`,
    );
    let logBytes = 0;
    let volumeTotalBytes: number | null = null;
    let volumeUsableBytes: number | null = null;
    for (const dir of results) {
      if (dir.errorCode !== 0) continue;
      for (const topic of dir.topics) for (const p of topic.partitions) logBytes += Number(p.partitionSize);
      // Before DescribeLogDirs v4 the volume is not reported (-1).
      if (dir.totalBytes >= 0n) volumeTotalBytes = (volumeTotalBytes ?? 0) + Number(dir.totalBytes);
      if (dir.usableBytes >= 0n) volumeUsableBytes = (volumeUsableBytes ?? 0) + Number(dir.usableBytes);
    }
    return { logBytes, volumeTotalBytes, volumeUsableBytes, logDirsError: null };
  } catch (error) {
    return { logBytes: null, volumeTotalBytes: null, volumeUsableBytes: null, logDirsError: message(error) };
  }
}

export async function describeBrokersOverWire(
  client: ClusterClient,
  addresses: BrokerAddressBook,
): Promise<ClusterBrokers> {
  const [cluster, metadata, quorum] = await Promise.all([
    client.describeCluster(),
    client.metadata(null),
    client.describeQuorum().then(
      (partition) => ({ status: quorumStatus(partition), error: null }),
      (error: unknown) => ({ status: null, error: message(error) }),
    ),
  ]);
  const live = new Set(metadata.brokers.map((b) => b.nodeId));
  rememberBrokers(addresses, metadata);
  const counts = replicaCounts(metadata);
  const voters = new Set(quorum.status?.voters.map((v) => v.nodeId));
  const observers = new Set(quorum.status?.observers.map((o) => o.nodeId));
  const ids = new Set([...live, ...voters, ...counts.keys(), ...addresses.keys()]);
  const brokers = await Promise.all(
    [...ids]
      .sort((a, b) => a - b)
      .map(async (nodeId): Promise<BrokerStatus> => {
        const address = addresses.get(nodeId);
        const alive = live.has(nodeId);
        const disk = alive
          ? await logDirs(client, nodeId)
          : {
              logBytes: null,
              volumeTotalBytes: null,
              volumeUsableBytes: null,
              logDirsError: 'not a live broker',
            };
        return {
          nodeId,
          host: address?.host ?? null,
          port: address?.port ?? null,
          rack: address?.rack ?? null,
          state: alive ? 'alive' : 'fenced or down',
          controller: nodeId === cluster.controllerId,
          quorumRole: voters.has(nodeId) ? 'voter' : observers.has(nodeId) ? 'observer' : null,
          partitionsLed: 0,
          partitionsFollowed: 0,
          underReplicatedLed: 0,
          outOfIsr: 0,
          ...counts.get(nodeId),
          ...disk,
        };
      }),
  );
  return {
    clusterId: cluster.clusterId,
    controllerId: cluster.controllerId,
    brokers,
    quorum: quorum.status,
    quorumError: quorum.error,
  };
}

/**
 * The replicas outside the ISR of each under-replicated partition, with how far each is behind its leader:
 * the leader's log end offset minus the replica's, both from ListOffsets as a debugging tool. Kafka's
 * DescribeLogDirs offsetLag cannot say it: for a current (not future) replica it is the replica's own high
 * watermark minus its log end offset, which a follower keeps at or below its log end offset.
 */
export async function laggingReplicas(
  client: ClusterClient,
  topic: string,
  partitions: { partitionIndex: number; leaderId: number; replicaNodes: number[]; isrNodes: number[] }[],
  liveBrokers: ReadonlySet<number>,
): Promise<Map<number, LaggingReplica[]>> {
  const outside = partitions.flatMap((p) =>
    p.replicaNodes
      .filter((nodeId) => !p.isrNodes.includes(nodeId))
      .map((nodeId) => ({ partition: p.partitionIndex, leaderId: p.leaderId, nodeId })),
  );
  const asked = new Map<number, { topic: string; partition: number }[]>();
  const ask = (nodeId: number, partition: number) => {
    if (!liveBrokers.has(nodeId)) return;
    const list = asked.get(nodeId) ?? [];
    if (!list.some((p) => p.partition === partition)) list.push({ topic, partition });
    asked.set(nodeId, list);
  };
  for (const { partition, leaderId, nodeId } of outside) {
    ask(nodeId, partition);
    if (leaderId >= 0) ask(leaderId, partition);
  }
  const ends = new Map<number, Map<string, bigint>>();
  await Promise.all(
    [...asked].map(async ([nodeId, wanted]) => {
      try {
        ends.set(
          nodeId,
          await withDeadline(
            client.replicaLogEndOffsets(nodeId, wanted),
            PER_BROKER_DEADLINE_MS,
            `ListOffsets at broker ${nodeId}`,
          ),
        );
      } catch {
        // Left unknown: the page says the replica is not in the ISR without saying by how much.
      }
    }),
  );
  const result = new Map<number, LaggingReplica[]>();
  for (const { partition, leaderId, nodeId } of outside) {
    const key = `${topic}\u0000${partition}`;
    const replicaEnd = ends.get(nodeId)?.get(key);
    const leaderEnd = ends.get(leaderId)?.get(key);
    const list = result.get(partition) ?? [];
    list.push({
      nodeId,
      brokerLive: liveBrokers.has(nodeId),
      offsetLag:
        replicaEnd === undefined || leaderEnd === undefined
          ? null
          : Math.max(0, Number(leaderEnd - replicaEnd)),
    });
    result.set(partition, list);
  }
  return result;
}
