export { appRouter, createCaller } from './root.ts';
export type { AppRouter } from './root.ts';
export type { ApiContext, RequestInfo } from './trpc.ts';
export { LoginRateLimiter } from './auth/login-rate-limiter.ts';
export { ensureFirstAdmin, type FirstAdmin } from './auth/first-admin.ts';
export {
  SESSION_COOKIE,
  deleteExpiredSessions,
  findSessionUser,
  sessionCookie,
  sessionTokenFrom,
  type SessionUser,
} from './auth/sessions.ts';
export type * from './cluster-source/cluster-source.ts';
export { IsrSampler, DEFAULT_ISR_SAMPLE_INTERVAL_MS, type IsrSamplerOptions } from './isr/isr-sampler.ts';
export {
  LagSampler,
  DEFAULT_LAG_SAMPLE_INTERVAL_MS,
  type LagSamplerOptions,
  type SampleRound,
} from './lag/lag-sampler.ts';
export {
  SizeSampler,
  DEFAULT_SIZE_SAMPLE_INTERVAL_MS,
  type SizeSamplerOptions,
} from './size-history/size-sampler.ts';
export { IpcDrillController, type DrillController } from './drills.ts';
export { currentLag, type CurrentLag } from './lag/current-lag.ts';
export type { GroupAssessment, PartitionAssessment } from './lag/assess-lag.ts';
export {
  ConnectRestClient,
  ConnectRestError,
  DEFAULT_CONNECT_TIMEOUT_MS,
  type ConfigInfos,
  type ConfigKeyInfo,
  type ConnectorInfo,
  type ConnectorOffsets,
  type ConnectorStateInfo,
  type PluginInfo,
  type ServerInfo,
} from './connect/connect-rest-client.ts';
export { parseConnectClusters, type ConnectClusterConfig } from '@sluice/validators';
