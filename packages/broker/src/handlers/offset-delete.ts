import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

export const offsetDeleteHandler = defineHandler({
  apiKey: ApiKey.OffsetDelete,
  minVersion: 0,
  maxVersion: 0,
  errorResponse: (_request, { errorCode }) => ({ throttleTimeMs: 0, errorCode, topics: [] }),
  async handle({ body }, { services }) {
    const refused = services.groups.coordinatorError(body.groupId);
    if (refused !== ErrorCode.NONE) return { throttleTimeMs: 0, errorCode: refused, topics: [] };
    const partitions = body.topics.flatMap((t) =>
      t.partitions.map((p) => ({ topic: t.name, partition: p.partitionIndex })),
    );
    const { errorCode, results } = await services.groups.deleteOffsets(body.groupId, partitions);
    let i = 0;
    return {
      errorCode,
      throttleTimeMs: 0,
      topics:
        results.length === 0
          ? []
          : body.topics.map((t) => ({
              name: t.name,
              partitions: t.partitions.map((p) => ({
                partitionIndex: p.partitionIndex,
                errorCode: results[i++]!,
              })),
            })),
    };
  },
});
