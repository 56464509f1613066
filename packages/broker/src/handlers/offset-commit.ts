import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

export const offsetCommitHandler = defineHandler({
  apiKey: ApiKey.OffsetCommit,
  minVersion: 0,
  maxVersion: 9,
  errorResponse: ({ body }, { errorCode }) => ({
    throttleTimeMs: 0,
    topics: body.topics.map(({ name, partitions }) => ({
      name,
      partitions: partitions.map(({ partitionIndex }) => ({ partitionIndex, errorCode })),
    })),
  }),
  async handle({ body, apiVersion }, { services }) {
    const refused = services.groups.coordinatorError(body.groupId);
    if (refused !== ErrorCode.NONE)
      return {
        throttleTimeMs: 0,
        topics: body.topics.map(({ name, partitions }) => ({
          name,
          partitions: partitions.map(({ partitionIndex }) => ({ partitionIndex, errorCode: refused })),
        })),
      };
    const offsets = body.topics.flatMap((topic) =>
      topic.partitions.map((p) => ({
        topic: topic.name,
        partition: p.partitionIndex,
        offset: p.committedOffset,
        leaderEpoch: p.committedLeaderEpoch,
        metadata: p.committedMetadata,
      })),
    );
    // v0 has no generation: it is a commit from outside the group protocol.
    const generation = apiVersion >= 1 ? body.generationIdOrMemberEpoch : -1;
    const codes = await services.groups.commitOffsets(
      body.groupId,
      body.memberId,
      body.groupInstanceId,
      generation,
      offsets,
      apiVersion,
    );
    let i = 0;
    return {
      throttleTimeMs: 0,
      topics: body.topics.map((topic) => ({
        name: topic.name,
        partitions: topic.partitions.map((p) => ({
          partitionIndex: p.partitionIndex,
          errorCode: codes[i++]!,
        })),
      })),
    };
  },
});
