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
import { fetchMaxBytesWithinQuota, messageBytes, recordFetchQuotas } from '../quota/bandwidth-quotas.ts';
import { excludedFromRequestTime, requestTimeMs, startRequestTime } from '../quota/request-quota.ts';
import { toLegacyMessageSet } from '../storage/record-conversion.ts';
import { AclOperation, ResourceType } from '../security/acl-operations.ts';
import { authorize, authorizeCluster } from './authorization.ts';
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

/** NOT_LEADER_OR_FOLLOWER or FENCED_LEADER_EPOCH with the current leader, as Kafka 3.9 fills it for v12+. */
function withLeaderHint(
  services: BrokerServices,
  entry: SessionPartition,
  errorCode: number,
): FetchResponsePartitionData {
  return {
    ...emptyPartition(entry.partition, errorCode),
    currentLeader: services.replicaManager.currentLeader(entry.topic, entry.partition),
  };
}

/** Fetch's isolation_level (v4+): READ_COMMITTED consumers read up to the LSO. */
const READ_COMMITTED = 1;

/**
 * Reads every requested partition once. The response limit (maxBytes) is shared in request order; the first
 * partition with data may exceed it by one batch (KIP-74) so a consumer can always make progress. A consumer
 * (replicaId -1) reads up to the high watermark, or with read_committed up to the LSO, with the aborted
 * transactions overlapping what it reads; a follower (replicaId >= 0) reads up to the log end offset, and
 * its fetch offset is what the leader learns of its log (Kafka's updateFollowerFetchState), unless its log
 * diverges from the leader's at its last fetched epoch: then the answer is the diverging epoch, without records.
 */
function readPartitions(
  services: BrokerServices,
  entries: SessionPartition[],
  maxBytes: number,
  replicaId: number,
  apiVersion: number,
  readCommitted: boolean,
  refused: (topic: string) => boolean,
): { reads: PartitionRead[]; bytes: number } {
  let bytes = 0;
  const isFollower = replicaId >= 0;
  const { replicaManager } = services;
  const reads = entries.map((entry): PartitionRead => {
    if (entry.topic !== '' && refused(entry.topic)) {
      return { entry, data: emptyPartition(entry.partition, ErrorCode.TOPIC_AUTHORIZATION_FAILED) };
    }
    const topic = services.topics.get(entry.topic);
    const partition =
      topic?.partitions[entry.partition] && replicaManager.partition(entry.topic, entry.partition);
    if (!topic || !topic.partitions[entry.partition] || (!partition && !replicaManager.clustered)) {
      const code = entry.topic === '' ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      return { entry, data: emptyPartition(entry.partition, code) };
    }
    if (!partition) return { entry, data: withLeaderHint(services, entry, ErrorCode.NOT_LEADER_OR_FOLLOWER) };
    const epochError = partition.checkLeaderEpoch(entry.currentLeaderEpoch);
    if (epochError === ErrorCode.UNKNOWN_LEADER_EPOCH)
      return { entry, data: emptyPartition(entry.partition, epochError) };
    if (epochError !== ErrorCode.NONE) return { entry, data: withLeaderHint(services, entry, epochError) };
    if (isFollower && !partition.replicas.includes(replicaId))
      return { entry, data: withLeaderHint(services, entry, ErrorCode.NOT_LEADER_OR_FOLLOWER) };
    const log = partition.log;
    const fetchOffset = Number(entry.fetchOffset);
    if (isFollower && apiVersion >= 12 && entry.lastFetchedEpoch >= 0) {
      const end = partition.endOffsetForEpoch(entry.lastFetchedEpoch);
      if (!end || end.epoch < entry.lastFetchedEpoch || end.endOffset < fetchOffset) {
        return {
          entry,
          data: {
            ...emptyPartition(entry.partition, ErrorCode.NONE),
            highWatermark: BigInt(log.highWatermark),
            lastStableOffset: BigInt(log.highWatermark),
            logStartOffset: BigInt(log.logStartOffset),
            divergingEpoch: end
              ? { epoch: end.epoch, endOffset: BigInt(end.endOffset) }
              : { epoch: -1, endOffset: -1n },
          },
        };
      }
    }
    // A throttled follower outside the ISR gets no records while the leader's replication quota is exceeded.
    const throttled = isFollower && replicaManager.shouldLeaderThrottle(partition, replicaId);
    const limit = throttled ? 0 : Math.max(0, Math.min(entry.partitionMaxBytes, maxBytes - bytes));
    let read;
    try {
      const upTo = isFollower ? 'logEnd' : readCommitted ? 'lastStable' : 'highWatermark';
      read = log.read(fetchOffset, limit, bytes === 0 && !throttled, upTo);
    } catch (error) {
      // A partition that cannot be read fails alone (KAFKA_STORAGE_ERROR for I/O errors), as in Kafka.
      const where = `${entry.topic}-${entry.partition}`;
      services.errorLog.error(`Fetch: ${causeOf(error)}`, `Reading ${where} failed`, error);
      return { entry, data: emptyPartition(entry.partition, failureOf(error).errorCode) };
    }
    let highWatermark = read.highWatermark;
    if (isFollower && read.errorCode === ErrorCode.NONE) {
      partition.updateFollowerFetchState(
        replicaId,
        fetchOffset,
        Number(entry.logStartOffset),
        log.logEndOffset,
      );
      highWatermark = log.highWatermark;
    }
    bytes += read.records.length;
    return {
      entry,
      data: {
        ...emptyPartition(entry.partition, read.errorCode),
        highWatermark: BigInt(highWatermark),
        lastStableOffset: BigInt(isFollower ? highWatermark : read.lastStableOffset),
        logStartOffset: BigInt(read.logStartOffset),
        abortedTransactions: read.abortedTransactions,
        records: read.records,
      },
    };
  });
  return { reads, bytes };
}

/** The size of the response these partitions make, for the consumer byte-rate quota. */
function responseBytes(reads: readonly PartitionRead[]): number {
  const byTopic = new Map<string, (Buffer | null)[]>();
  for (const { entry, data } of reads) {
    const records = byTopic.get(entry.topic) ?? [];
    records.push(data.records);
    byTopic.set(entry.topic, records);
  }
  return messageBytes([...byTopic].map(([name, records]) => ({ name, records })));
}

/** Resolves once any of the partitions' logs changes (an append, a high watermark move), or after `ms`. */
function waitForChange(services: BrokerServices, entries: SessionPartition[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribes: (() => void)[] = [];
    const done = () => {
      clearTimeout(timer);
      for (const unsubscribe of unsubscribes) unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const entry of entries) {
      const log = services.replicaManager.partition(entry.topic, entry.partition)?.log;
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
  async handle({ body, apiVersion, clientId }, context) {
    const { services } = context;
    const startedAt = startRequestTime(context);
    const replicaId = apiVersion >= 15 ? body.replicaState.replicaId : body.replicaId;
    const isConsumer = replicaId < 0;
    const readCommitted = isConsumer && apiVersion >= 4 && body.isolationLevel === READ_COMMITTED;
    // A consumer asks for no more than its quota lets through in one window, or it would surely be throttled.
    const maxBytes = Math.min(
      apiVersion >= 3 ? body.maxBytes : Number.MAX_SAFE_INTEGER,
      isConsumer ? fetchMaxBytesWithinQuota(context, clientId) : Number.POSITIVE_INFINITY,
    );
    const minBytes = Math.min(body.minBytes, maxBytes);
    // As Kafka: a follower needs ClusterAction on the cluster, a consumer Read on each topic; refused partitions
    // are answered with TOPIC_AUTHORIZATION_FAILED. Decided once per topic per request.
    const followerRefused = !isConsumer && !authorizeCluster(context, AclOperation.CLUSTER_ACTION);
    const decisions = new Map<string, boolean>();
    const refused = (topic: string): boolean => {
      if (followerRefused) return true;
      if (!isConsumer || context.services.authorizer === null) return false;
      let denied = decisions.get(topic);
      if (denied === undefined) {
        denied = !authorize(context, AclOperation.READ, ResourceType.TOPIC, topic);
        decisions.set(topic, denied);
      }
      return denied;
    };
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
          currentLeaderEpoch: apiVersion >= 9 ? p.currentLeaderEpoch : -1,
          lastFetchedEpoch: apiVersion >= 12 ? p.lastFetchedEpoch : -1,
          logStartOffset: apiVersion >= 5 ? p.logStartOffset : -1n,
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
    const read = () =>
      readPartitions(services, entries, maxBytes, replicaId, apiVersion, readCommitted, refused);
    let { reads, bytes } = read();
    // Kafka's DelayedFetch: wait until minBytes are readable, an error or divergence turns up, or maxWaitMs passes.
    const deadline = Date.now() + body.maxWaitMs;
    const mustAnswer = () =>
      reads.some((r) => r.data.errorCode !== ErrorCode.NONE || r.data.divergingEpoch.epoch >= 0);
    while (bytes < minBytes && entries.length > 0 && !mustAnswer() && Date.now() < deadline) {
      await excludedFromRequestTime(context, waitForChange(services, entries, deadline - Date.now()));
      const highWatermarks = reads.map((r) => r.data.highWatermark);
      ({ reads, bytes } = read());
      // A follower learns the high watermark from its fetches: a move is worth answering at once.
      if (replicaId >= 0 && reads.some((r, i) => r.data.highWatermark !== highWatermarks[i])) break;
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
    // A consumer over its quota gets the throttle time and no data (Kafka's getThrottledResponse): a full fetch
    // opens no session, an incremental one keeps its session (whose epoch has moved on) and learns nothing new.
    const throttleTimeMs = isConsumer
      ? recordFetchQuotas(context, clientId, responseBytes(included), requestTimeMs(context, startedAt))
      : 0;
    if (throttleTimeMs > 0) {
      if (session && !incremental) services.fetchSessions.remove(session.id);
      return {
        throttleTimeMs,
        errorCode: ErrorCode.NONE,
        sessionId: incremental ? session!.id : 0,
        responses: [],
        nodeEndpoints: [],
      };
    }
    for (const { entry, data } of reads) {
      entry.lastHighWatermark = data.highWatermark;
      entry.lastLogStartOffset = data.logStartOffset;
    }
    if (replicaId >= 0) {
      // What the leader sends of throttled partitions counts against its replication quota (Kafka's KafkaApis).
      const quota = services.replicaManager.leaderQuota;
      for (const { entry, data } of reads)
        if (data.records!.length > 0 && quota.isThrottled(entry.topic, entry.partition))
          quota.record(data.records!.length);
    }

    const byTopic = new Map<string, FetchResponseFetchableTopicResponse>();
    for (const { entry, data } of included) {
      if (replicaId < 0 && data.records!.length > 0)
        services.metrics.countFetched(entry.topic, data.records!.length);
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
    const leaders = included.map((r) => r.data.currentLeader.leaderId).filter((id) => id >= 0);
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      sessionId: session?.id ?? 0,
      responses: [...byTopic.values()],
      nodeEndpoints: services.replicaManager.endpointsOf(leaders),
    };
  },
});
