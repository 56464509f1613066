import { ApiKey, ErrorCode } from '@sluice/protocol';
import { AclOperation, ResourceType } from '../security/acl-operations.ts';
import { authorize } from './authorization.ts';
import { defineHandler } from './handler.ts';
import { fencedForVersion } from './transaction-errors.ts';

/**
 * TxnOffsetCommit: a transactional producer commits a group's offsets inside its transaction; they count only
 * once the transaction commits. Needs Write on the transactional id, Read on the group and on each topic.
 */
export const txnOffsetCommitHandler = defineHandler({
  apiKey: ApiKey.TxnOffsetCommit,
  minVersion: 0,
  maxVersion: 4,
  errorResponse: ({ body }, { errorCode }) => ({
    throttleTimeMs: 0,
    topics: body.topics.map(({ name, partitions }) => ({
      name,
      partitions: partitions.map(({ partitionIndex }) => ({ partitionIndex, errorCode })),
    })),
  }),
  async handle({ body, apiVersion }, context) {
    const all = (errorCode: number) => ({
      throttleTimeMs: 0,
      topics: body.topics.map(({ name, partitions }) => ({
        name,
        partitions: partitions.map(({ partitionIndex }) => ({ partitionIndex, errorCode })),
      })),
    });
    if (!authorize(context, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, body.transactionalId))
      return all(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    if (!authorize(context, AclOperation.READ, ResourceType.GROUP, body.groupId))
      return all(ErrorCode.GROUP_AUTHORIZATION_FAILED);
    const readable = new Map(
      body.topics.map(({ name }) => [name, authorize(context, AclOperation.READ, ResourceType.TOPIC, name)]),
    );
    const offsets = body.topics
      .filter(({ name }) => readable.get(name))
      .flatMap((topic) =>
        topic.partitions.map((p) => ({
          topic: topic.name,
          partition: p.partitionIndex,
          offset: p.committedOffset,
          leaderEpoch: apiVersion >= 2 ? p.committedLeaderEpoch : -1,
          metadata: p.committedMetadata,
        })),
      );
    // v3+ names the member, so the group can check it is current (KIP-447).
    const member =
      apiVersion >= 3
        ? { memberId: body.memberId, groupInstanceId: body.groupInstanceId, generationId: body.generationId }
        : { memberId: '', groupInstanceId: null, generationId: -1 };
    const codes =
      offsets.length === 0
        ? []
        : await context.services.groups.commitTransactionalOffsets(
            body.groupId,
            { producerId: body.producerId, producerEpoch: body.producerEpoch },
            member,
            offsets,
          );
    let i = 0;
    return {
      throttleTimeMs: 0,
      topics: body.topics.map(({ name, partitions }) => ({
        name,
        partitions: partitions.map(({ partitionIndex }) => ({
          partitionIndex,
          errorCode: readable.get(name)
            ? fencedForVersion(codes[i++]!, apiVersion, 3)
            : ErrorCode.TOPIC_AUTHORIZATION_FAILED,
        })),
      })),
    };
  },
});
