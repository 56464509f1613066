/**
 * Samples every partition's size on disk, log start offset and high watermark (ClusterSource.partitionSizes: one
 * pass, as the topic list reads them) on an interval and records the changes in SQLite (size-history-store.ts),
 * so a topic's size over time works against any Kafka cluster. The round itself is change-history-sampler.ts's.
 *
 * An idle partition costs nothing after its first record: at 10,000 mostly idle topics a round is one read of
 * the cluster and a few rows. Rounds never overlap; retention runs at most once a minute.
 */
import type { ClusterSource, PartitionSize } from '../cluster-source/cluster-source.ts';
import { ChangeHistorySampler, type HistorySamplerOptions } from '../change-history-sampler.ts';
import { changedSizes, partitionSizeKey, type RecordedSize } from './size-history.ts';
import { applySizeRetention, latestSizes, writeSizes } from './size-history-store.ts';

/** As the lag sampler's: sizes move with traffic and retention checks (5 minutes by default), not by the second. */
export const DEFAULT_SIZE_SAMPLE_INTERVAL_MS = 30_000;

export interface SizeSamplerOptions extends HistorySamplerOptions {
  source: ClusterSource;
}

export class SizeSampler extends ChangeHistorySampler<RecordedSize, PartitionSize> {
  constructor(options: SizeSamplerOptions) {
    super(
      {
        name: 'size sampler',
        defaultIntervalMs: DEFAULT_SIZE_SAMPLE_INTERVAL_MS,
        observe: () => options.source.partitionSizes(),
        changed: changedSizes,
        key: (size) => partitionSizeKey(size.topic, size.partition),
        latest: latestSizes,
        write: writeSizes,
        applyRetention: applySizeRetention,
      },
      options,
    );
  }
}
