import {
  ApiKey,
  ErrorCode,
  type FetchResponseFetchableTopicResponse,
  type FetchResponsePartitionData,
  ZERO_UUID,
} from '@sluice/protocol';
import type { BrokerServices } from '../broker-services.ts';
import {
  FINAL_EPOCH,
  INITIAL_EPOCH,
  sessionKey,
  type FetchSession,
  type SessionPartition,
} from '../fetch/fetch-sessions.ts';
import { toLegacyMessageSet } from '../storage/record-conversion.ts';
import { defineHandler } from './handler.ts';
import { causeOf, failureOf } from './request-failure.ts';

interface PartitionRead {
  entry: SessionPartition;
  data: FetchResponsePartitionData;
}

function emptyPartition(partitionIndex: number, errorCode: number): FetchResponsePartitionData {
  return {
    partitionIndex,
    errorCode,
    highWatermark: -1n,
    lastStableOffset: -1n,
    logStartOffset: -1n,
    divergingEpoch: { epoch: -1, endOffset: -1n },
    currentLeader: { leaderId: -1, leaderEpoch: -1 },
    snapshotId: { endOffset: -1n, epoch: -1 },
    abortedTransactions: null,
    preferredReadReplica: -1,
    records: Buffer.alloc(0),
  };
}

/**
 * Reads every requested partition once. The response limit (maxBytes) is shared in request order; the first
 * partition with data may exceed it by one batch (KIP-74) so a consumer can always make progress.
 */
function readPartitions(
  services: BrokerServices,
  entries: SessionPartition[],
  maxBytes: number,
  isConsumer: boolean,
): { reads: PartitionRead[]; bytes: number } {
  let bytes = 0;
  const reads = entries.map((entry): PartitionRead => {
    const topic = services.topics.get(entry.topic);
    const partition = topic?.partitions[entry.partition];
    const log = partition && services.topicManager.partitionLog(entry.topic, entry.partition);
    if (!topic || !partition || !log) {
      const code = entry.topic === '' ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      return { entry, data: emptyPartition(entry.partition, code) };
    }
    if (partition.leaderId !== services.node.nodeId) {
      return { entry, data: emptyPartition(entry.partition, ErrorCode.NOT_LEADER_OR_FOLLOWER) };
    }
    const limit = Math.max(0, Math.min(entry.partitionMaxBytes, maxBytes - bytes));
    let read;
    try {
      read = log.read(Number(entry.fetchOffset), limit, bytes === 0, isConsumer ? 'highWatermark' : 'logEnd');
    } catch (error) {
      // A partition that cannot be read fails alone (KAFKA_STORAGE_ERROR for I/O errors), as in Kafka.
      const where = `${entry.topic}-${entry.partition}`;
      services.errorLog.error(`Fetch: ${causeOf(error)}`, `Reading ${where} failed`, error);
      return { entry, data: emptyPartition(entry.partition, failureOf(error).errorCode) };
    }
    bytes += read.records.length;
    return {
      entry,
      data: {
        ...emptyPartition(entry.partition, read.errorCode),
        highWatermark: BigInt(read.highWatermark),
        lastStableOffset: BigInt(read.lastStableOffset),
        logStartOffset: BigInt(read.logStartOffset),
        records: read.records,
      },
    };
  });
  return { reads, bytes };
}

/** Resolves once any of the partitions gets new data, or after `ms`. */
function waitForData(services: BrokerServices, entries: SessionPartition[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribes: (() => void)[] = [];
    const done = () => {
      clearTimeout(timer);
      for (const unsubscribe of unsubscribes) unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const entry of entries) {
      const log = services.topicManager.partitionLog(entry.topic, entry.partition);
      if (log) unsubscribes.push(log.onAppend(done));
    }
  });
}

export const fetchHandler = defineHandler({
  apiKey: ApiKey.Fetch,
  minVersion: 0,
  maxVersion: 17,
  errorResponse: ({ body }, { errorCode }) => ({
    throttleTimeMs: 0,
    errorCode,
    sessionId: 0,
    responses: body.topics.map(({ topic, topicId, partitions }) => ({
      topic,
      topicId,
      partitions: partitions.map(({ partition }) => emptyPartition(partition, errorCode)),
    })),
    nodeEndpoints: [],
  }),
  async handle({ body, apiVersion }, { services }) {
    const isConsumer = (apiVersion >= 15 ? body.replicaState.replicaId : body.replicaId) < 0;
    const maxBytes = apiVersion >= 3 ? body.maxBytes : Number.MAX_SAFE_INTEGER;
    const errorResponse = (errorCode: number) => ({
      throttleTimeMs: 0,
      errorCode,
      sessionId: 0,
      responses: [],
      nodeEndpoints: [],
    });

    // The partitions the request names, with topic names resolved (by id from v13).
    const requested = new Map<string, SessionPartition>();
    for (const topic of body.topics) {
      const name = apiVersion >= 13 ? (services.topics.getById(topic.topicId)?.name ?? '') : topic.topic;
      const topicId = apiVersion >= 13 ? topic.topicId : (services.topics.get(name)?.topicId ?? ZERO_UUID);
      for (const p of topic.partitions) {
        requested.set(sessionKey(name || topicId, p.partition), {
          topic: name,
          topicId,
          partition: p.partition,
          fetchOffset: p.fetchOffset,
          partitionMaxBytes: p.partitionMaxBytes,
          lastHighWatermark: -1n,
          lastLogStartOffset: -1n,
        });
      }
    }

    let session: FetchSession | null = null;
    let incremental = false;
    if (apiVersion >= 7) {
      const { sessionId, sessionEpoch } = body;
      if (sessionId === 0) {
        if (sessionEpoch === INITIAL_EPOCH) session = services.fetchSessions.create(requested);
        else if (sessionEpoch !== FINAL_EPOCH) return errorResponse(ErrorCode.INVALID_FETCH_SESSION_EPOCH);
      } else if (sessionEpoch === FINAL_EPOCH) {
        services.fetchSessions.remove(sessionId);
      } else {
        const existing = services.fetchSessions.get(sessionId);
        if (!existing) return errorResponse(ErrorCode.FETCH_SESSION_ID_NOT_FOUND);
        if (sessionEpoch !== existing.nextEpoch) return errorResponse(ErrorCode.INVALID_FETCH_SESSION_EPOCH);
        for (const [key, entry] of requested) {
          const known = existing.partitions.get(key);
          existing.partitions.set(
            key,
            known
              ? {
                  ...known,
                  ...entry,
                  lastHighWatermark: known.lastHighWatermark,
                  lastLogStartOffset: known.lastLogStartOffset,
                }
              : entry,
          );
        }
        for (const forgotten of body.forgottenTopicsData) {
          const name =
            apiVersion >= 13
              ? (services.topics.getById(forgotten.topicId)?.name ?? forgotten.topicId)
              : forgotten.topic;
          for (const partition of forgotten.partitions)
            existing.partitions.delete(sessionKey(name, partition));
        }
        existing.nextEpoch = existing.nextEpoch === 0x7fffffff ? 1 : existing.nextEpoch + 1;
        session = existing;
        incremental = true;
      }
    }

    const entries = [...(session?.partitions ?? requested).values()];
    let { reads, bytes } = readPartitions(services, entries, maxBytes, isConsumer);
    const hasError = reads.some((r) => r.data.errorCode !== ErrorCode.NONE);
    if (bytes < body.minBytes && body.maxWaitMs > 0 && !hasError && entries.length > 0) {
      await waitForData(services, entries, body.maxWaitMs);
      ({ reads, bytes } = readPartitions(services, entries, maxBytes, isConsumer));
    }

    // An incremental response lists only partitions with news; every response updates what the session knows.
    const included = reads.filter(
      ({ entry, data }) =>
        !incremental ||
        data.records!.length > 0 ||
        data.errorCode !== ErrorCode.NONE ||
        data.highWatermark !== entry.lastHighWatermark ||
        data.logStartOffset !== entry.lastLogStartOffset,
    );
    for (const { entry, data } of reads) {
      entry.lastHighWatermark = data.highWatermark;
      entry.lastLogStartOffset = data.logStartOffset;
    }

    const byTopic = new Map<string, FetchResponseFetchableTopicResponse>();
    for (const { entry, data } of included) {
      const key = apiVersion >= 13 ? entry.topicId : entry.topic;
      let topic = byTopic.get(key);
      if (!topic) {
        topic = { topic: entry.topic, topicId: entry.topicId, partitions: [] };
        byTopic.set(key, topic);
      }
      // Clients before Fetch v4 read only message formats v0 (v0-1) and v1 (v2-3).
      if (apiVersion < 4 && data.records!.length > 0) {
        data.records = await toLegacyMessageSet(data.records!, apiVersion < 2 ? 0 : 1);
      }
      topic.partitions.push(data);
    }
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      sessionId: session?.id ?? 0,
      responses: [...byTopic.values()],
      nodeEndpoints: [],
    };
  },
});
