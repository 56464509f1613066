/**
 * Samples every partition's leader, leader epoch, replicas and ISR (one Metadata request) on an interval and
 * records the changes in SQLite (partition-history-store.ts), so the ISR timeline works against any Kafka
 * cluster. The round itself is change-history-sampler.ts's.
 *
 * A change that comes and goes between two samples is not seen: the interval (5 s by default, far below
 * Kafka's replica.lag.time.max.ms of 30 s) bounds what can be missed. Rounds never overlap; retention runs at most
 * once a minute.
 */
import type { ClusterSource } from '../cluster-source/cluster-source.ts';
import { ChangeHistorySampler, type HistorySamplerOptions } from '../change-history-sampler.ts';
import { changedStates, partitionStateKey, type PartitionState } from './partition-history.ts';
import { applyRetention, latestStates, writeStates } from './partition-history-store.ts';

export const DEFAULT_ISR_SAMPLE_INTERVAL_MS = 5_000;

export interface IsrSamplerOptions extends HistorySamplerOptions {
  source: ClusterSource;
}

export class IsrSampler extends ChangeHistorySampler<PartitionState> {
  constructor(options: IsrSamplerOptions) {
    super(
      {
        name: 'ISR sampler',
        defaultIntervalMs: DEFAULT_ISR_SAMPLE_INTERVAL_MS,
        observe: () => options.source.partitionStates(),
        changed: changedStates,
        key: (state) => partitionStateKey(state.topic, state.partition),
        latest: latestStates,
        write: writeStates,
        applyRetention,
      },
      options,
    );
  }
}
