import {
  ApiKey,
  CompressionCodec,
  ErrorCode,
  RECORD_BATCH_HEADER_BYTES,
  RECORD_BATCH_LOG_OVERHEAD,
  MAGIC_OFFSET,
  detectMagic,
  readBatchHeader,
  ProtocolError,
  type ProduceResponsePartitionProduceResponse,
} from '@sluice/protocol';
import type { BrokerServices } from '../broker-services.ts';
import { keylessRecords, toRecordBatchV2, toTopicCompression } from '../storage/record-conversion.ts';
import type { Partition } from '../replication/partition.ts';
import { messageBytes, recordProduceQuotas } from '../quota/bandwidth-quotas.ts';
import { excludedFromRequestTime, requestTimeMs, startRequestTime } from '../quota/request-quota.ts';
import { CLOSE_CONNECTION, defineHandler } from './handler.ts';
import { causeOf, failureOf } from './request-failure.ts';

const VALID_ACKS = new Set([-1, 0, 1]);

function partitionResponse(
  index: number,
  errorCode: number,
  errorMessage: string | null,
  baseOffset = -1,
  logStartOffset = -1,
): ProduceResponsePartitionProduceResponse {
  return {
    index,
    errorCode,
    baseOffset: BigInt(baseOffset),
    logAppendTimeMs: -1n,
    logStartOffset: BigInt(logStartOffset),
    recordErrors: [],
    errorMessage,
    currentLeader: { leaderId: -1, leaderEpoch: -1 },
  };
}

/**
 * Kafka's ProduceRequest.validateRecords: from version 3 a partition's records are exactly one batch of
 * message format v2, and zstd needs version 7. Returns the error for the partition, or null. Records too short
 * to tell are left to the log, which refuses them as corrupt.
 */
function recordsProblem(version: number, records: Buffer): { errorCode: number; message: string } | null {
  if (version < 3 || records.length <= MAGIC_OFFSET) return null;
  if (detectMagic(records) !== 2) {
    return {
      errorCode: ErrorCode.INVALID_RECORD,
      message: `Produce requests with version ${version} are only allowed to contain record batches with magic version 2`,
    };
  }
  if (records.length < RECORD_BATCH_HEADER_BYTES) return null;
  const first = readBatchHeader(records, 0);
  if (version < 7 && first.compression === CompressionCodec.zstd) {
    return {
      errorCode: ErrorCode.UNSUPPORTED_COMPRESSION_TYPE,
      message: `Produce requests with version ${version} are not allowed to use ZStandard compression`,
    };
  }
  if (first.batchLength + RECORD_BATCH_LOG_OVERHEAD < records.length) {
    return {
      errorCode: ErrorCode.INVALID_RECORD,
      message: `Produce requests with version ${version} are only allowed to contain exactly one record batch per partition`,
    };
  }
  return null;
}

/** Whether any partition's first batch is a transactional v2 batch (header only, no record decoding). */
function hasTransactionalRecords(topicData: { partitionData: { records: Buffer | null }[] }[]): boolean {
  return topicData.some(({ partitionData }) =>
    partitionData.some(
      ({ records }) =>
        records !== null &&
        records.length >= RECORD_BATCH_HEADER_BYTES &&
        detectMagic(records) === 2 &&
        readBatchHeader(records, 0).isTransactional,
    ),
  );
}

/** A partition appended with acks=all, waiting for the high watermark to pass its records. */
interface PendingAcks {
  partition: Partition;
  requiredOffset: number;
}

interface PartitionOutcome {
  response: ProduceResponsePartitionProduceResponse;
  pending?: PendingAcks;
}

/** NOT_LEADER_OR_FOLLOWER with the current leader, as Kafka 3.9 fills it for Produce v10+ (KIP-951). */
function notLeader(services: BrokerServices, topicName: string, index: number): PartitionOutcome {
  return {
    response: {
      ...partitionResponse(
        index,
        ErrorCode.NOT_LEADER_OR_FOLLOWER,
        'This is not the leader for that topic-partition.',
      ),
      currentLeader: services.replicaManager.currentLeader(topicName, index),
    },
  };
}

async function produceToPartition(
  services: BrokerServices,
  topicName: string,
  index: number,
  records: Buffer | null,
  acks: number,
  version: number,
  transactionalId: string | null,
): Promise<PartitionOutcome> {
  const topic = services.topics.get(topicName);
  const replicaManager = services.replicaManager;
  const partition = topic?.partitions[index] && replicaManager.partition(topicName, index);
  if (!topic || !topic.partitions[index] || (!partition && !replicaManager.clustered)) {
    return {
      response: partitionResponse(
        index,
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        'This server does not host this topic-partition.',
      ),
    };
  }
  // Only the broker writes its internal topics (__consumer_offsets): a client's record there could corrupt them.
  if (topic.isInternal) {
    return {
      response: partitionResponse(
        index,
        ErrorCode.INVALID_TOPIC_EXCEPTION,
        `Cannot append to internal topic ${topicName}`,
      ),
    };
  }
  if (!partition || !partition.isLeader) return notLeader(services, topicName, index);
  const fail = (errorCode: number, message: string) => ({
    response: partitionResponse(index, errorCode, message),
  });
  if (records === null || records.length === 0) {
    return fail(ErrorCode.CORRUPT_MESSAGE, 'Produce request has no records.');
  }
  const problem = recordsProblem(version, records);
  if (problem) return fail(problem.errorCode, problem.message);
  const logConfig = services.topicManager.logConfig(topic);
  const notEnough = acks === -1 ? partition.notEnoughReplicas() : null;
  if (notEnough) return fail(ErrorCode.NOT_ENOUGH_REPLICAS, notEnough);
  // Message format v0/v1 (old clients) is converted to v2 before it reaches the log, as Kafka 3+ stores only v2.
  const converted = await toRecordBatchV2(records);
  if ('errorCode' in converted) return fail(converted.errorCode, converted.errorMessage);
  let batches = converted.records;
  if (logConfig.cleanupPolicy.includes('compact')) {
    const rejected = await keylessRecords(batches, `${topicName}-${index}`);
    if (rejected.length > 0) {
      return {
        response: {
          ...partitionResponse(index, ErrorCode.INVALID_RECORD, rejected[0]!.message),
          recordErrors: rejected.map((r) => ({
            batchIndex: r.batchIndex,
            batchIndexErrorMessage: r.message,
          })),
        },
      };
    }
  }
  if (logConfig.compressionType !== 'producer') {
    try {
      batches = await toTopicCompression(batches, logConfig.compressionType);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      return fail(ErrorCode.CORRUPT_MESSAGE, `Record batch cannot be decoded: ${error.message}`);
    }
  }
  // KIP-890: the first batch of a producer's transaction here must belong to a transaction its coordinator knows.
  const first = readBatchHeader(batches, 0);
  if (
    first.isTransactional &&
    transactionalId !== null &&
    services.config.get<boolean>('transaction.partition.verification.enable') &&
    !partition.log.producers.ongoingTransactions().has(first.producerId)
  ) {
    const verified = await services.txnVerifier.verify(
      transactionalId,
      first.producerId,
      first.producerEpoch,
      { topic: topicName, partition: index },
      version,
    );
    if (verified !== ErrorCode.NONE)
      return fail(
        verified,
        `The transaction of producer ${first.producerId} does not include partition ${topicName}-${index}`,
      );
  }
  // Leadership may have moved while the records were converted (or verified).
  if (!partition.isLeader) return notLeader(services, topicName, index);
  const endBefore = partition.log.logEndOffset;
  const result = partition.appendAsLeader(batches);
  const appendedRecords = partition.log.logEndOffset - endBefore;
  if (appendedRecords > 0) services.metrics.countProduced(topicName, batches.length, appendedRecords);
  const response = {
    ...partitionResponse(
      index,
      result.errorCode,
      result.errorMessage,
      result.baseOffset,
      result.logStartOffset,
    ),
    logAppendTimeMs: BigInt(result.logAppendTime),
  };
  if (acks !== -1 || result.errorCode !== ErrorCode.NONE) return { response };
  // A retried batch already in the log (idempotence) is acknowledged only once it is committed too; replicas
  // append whole batches, so a high watermark past its first offset is past all of it.
  const requiredOffset = appendedRecords > 0 ? partition.log.logEndOffset : result.baseOffset + 1;
  return { response, pending: { partition, requiredOffset } };
}

/** Appends to one partition; an unexpected failure fails that partition alone, as Kafka's ReplicaManager does. */
async function produceToPartitionOrFail(
  services: BrokerServices,
  topicName: string,
  index: number,
  records: Buffer | null,
  acks: number,
  version: number,
  transactionalId: string | null,
): Promise<PartitionOutcome> {
  try {
    return await produceToPartition(services, topicName, index, records, acks, version, transactionalId);
  } catch (error) {
    services.errorLog.error(`Produce: ${causeOf(error)}`, `Appending to ${topicName}-${index} failed`, error);
    const { errorCode, errorMessage } = failureOf(error);
    return { response: partitionResponse(index, errorCode, errorMessage) };
  }
}

/**
 * Kafka's DelayedProduce: an acks=all partition is answered once the high watermark passes its records, or
 * with the error that ended the wait (REQUEST_TIMED_OUT, NOT_ENOUGH_REPLICAS_AFTER_APPEND,
 * NOT_LEADER_OR_FOLLOWER); the offsets of the append stay in the answer, as Kafka leaves them.
 */
async function awaitAcks(outcome: PartitionOutcome, timeoutMs: number): Promise<void> {
  if (!outcome.pending) return;
  const { partition, requiredOffset } = outcome.pending;
  const { errorCode, errorMessage } = await partition.waitForHighWatermark(
    requiredOffset,
    Math.max(0, timeoutMs),
  );
  if (errorCode !== ErrorCode.NONE) Object.assign(outcome.response, { errorCode, errorMessage });
}

export const produceHandler = defineHandler({
  apiKey: ApiKey.Produce,
  minVersion: 0,
  maxVersion: 11,
  errorResponse: ({ body }, { errorCode, errorMessage }) =>
    body.acks === 0
      ? CLOSE_CONNECTION
      : {
          responses: body.topicData.map(({ name, partitionData }) => ({
            name,
            partitionResponses: partitionData.map(({ index }) =>
              partitionResponse(index, errorCode, errorMessage),
            ),
          })),
          throttleTimeMs: 0,
          nodeEndpoints: [],
        },
  async handle({ body, apiVersion, clientId }, context) {
    const { services } = context;
    const startedAt = startRequestTime(context);
    const { acks } = body;
    // As Kafka's handleProduceRequest: transactional records need a transactional id (authorized above when set).
    if (body.transactionalId === null && hasTransactionalRecords(body.topicData)) {
      const refused = ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
      if (acks === 0) return CLOSE_CONNECTION;
      return {
        responses: body.topicData.map(({ name, partitionData }) => ({
          name,
          partitionResponses: partitionData.map(({ index }) =>
            partitionResponse(index, refused, 'Transactional records need a transactional id'),
          ),
        })),
        throttleTimeMs: 0,
        nodeEndpoints: [],
      };
    }
    const responses = [];
    const outcomes: PartitionOutcome[] = [];
    for (const topic of body.topicData) {
      const partitionResponses = [];
      for (const partition of topic.partitionData) {
        const outcome: PartitionOutcome = VALID_ACKS.has(acks)
          ? await produceToPartitionOrFail(
              services,
              topic.name,
              partition.index,
              partition.records,
              acks,
              apiVersion,
              body.transactionalId,
            )
          : {
              response: partitionResponse(
                partition.index,
                ErrorCode.INVALID_REQUIRED_ACKS,
                `Invalid required acks ${acks}`,
              ),
            };
        outcomes.push(outcome);
        partitionResponses.push(outcome.response);
      }
      responses.push({ name: topic.name, partitionResponses });
    }
    await excludedFromRequestTime(
      context,
      Promise.all(outcomes.map((outcome) => awaitAcks(outcome, body.timeoutMs))),
    );
    const requestBytes = messageBytes(
      body.topicData.map((t) => ({ name: t.name, records: t.partitionData.map((p) => p.records) })),
    );
    const throttleTimeMs = recordProduceQuotas(
      context,
      clientId,
      requestBytes,
      requestTimeMs(context, startedAt),
      acks,
    );
    // acks=0: the client expects no answer at all. When a partition failed, Kafka closes the connection
    // instead, so the producer notices and refreshes its metadata (a leader may have moved). A throttled
    // acks=0 producer is muted all the same: its next request waits out the throttle here.
    if (acks === 0) {
      const failed = responses.some((t) => t.partitionResponses.some((p) => p.errorCode !== ErrorCode.NONE));
      if (failed) return CLOSE_CONNECTION;
      if (throttleTimeMs > 0) await new Promise((resolve) => setTimeout(resolve, throttleTimeMs));
      return null;
    }
    const leaders = outcomes.map((o) => o.response.currentLeader.leaderId).filter((id) => id >= 0);
    return { responses, throttleTimeMs, nodeEndpoints: services.replicaManager.endpointsOf(leaders) };
  },
});
