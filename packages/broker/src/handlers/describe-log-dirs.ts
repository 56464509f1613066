import { statfsSync } from 'node:fs';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

export const describeLogDirsHandler = defineHandler({
  apiKey: ApiKey.DescribeLogDirs,
  minVersion: 1,
  maxVersion: 4,
  errorResponse: (_request, { errorCode }) => ({ throttleTimeMs: 0, errorCode, results: [] }),
  handle({ body }, { services }) {
    const wanted =
      body.topics === null ? null : new Map(body.topics.map((t) => [t.topic, new Set(t.partitions)]));
    const byTopic = new Map<
      string,
      { partitionIndex: number; partitionSize: bigint; offsetLag: bigint; isFutureKey: boolean }[]
    >();
    for (const log of services.logs.all()) {
      const partitions = wanted?.get(log.topic);
      if (wanted && (!partitions || !partitions.has(log.partition))) continue;
      const list = byTopic.get(log.topic) ?? [];
      list.push({
        partitionIndex: log.partition,
        partitionSize: BigInt(log.size),
        offsetLag: 0n,
        isFutureKey: false,
      });
      byTopic.set(log.topic, list);
    }
    const disk = statfsSync(services.dataDir);
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      results: [
        {
          errorCode: ErrorCode.NONE,
          logDir: services.dataDir,
          topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })),
          totalBytes: BigInt(disk.blocks * disk.bsize),
          usableBytes: BigInt(disk.bavail * disk.bsize),
        },
      ],
    };
  },
});
