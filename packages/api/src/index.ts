export { appRouter, createCaller } from './root.ts';
export type { AppRouter } from './root.ts';
export type { ApiContext } from './trpc.ts';
export type * from './cluster-source/cluster-source.ts';
export {
  LagSampler,
  DEFAULT_LAG_SAMPLE_INTERVAL_MS,
  type LagSamplerOptions,
  type SampleRound,
} from './lag/lag-sampler.ts';
