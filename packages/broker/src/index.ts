export { Broker, type BrokerOptions } from './broker.ts';
export type { BrokerServices, NodeEndpoint } from './broker-services.ts';
export { ManualClock, systemClock, type Clock } from './clock.ts';
export { ConfigError } from './config/config-def.ts';
export { createLogger, type Logger } from './logger.ts';
export { KafkaRaftClient, type KafkaRaftClientOptions } from './raft/kafka-raft-client.ts';
export {
  ControllerListener,
  type ControllerHandler,
  type ControllerRequestContext,
  type ControllerServices,
} from './raft/controller-listener.ts';
export { parseVoters, QUORUM_DEFAULTS, type QuorumConfig, type VoterEndpoint } from './raft/quorum-config.ts';
export * from './raft/raft-client.ts';
export type { QuotaObservation, QuotaType } from './quota/client-quota-manager.ts';
export type { EntityQuotaUsage, QuotaManagers } from './quota/quota-managers.ts';
export {
  AclIndex,
  explainAuthorization,
  parseSuperUsers,
  StandardAuthorizer,
  type AuthorizationDecision,
  type AuthorizationRequest,
  type AuthorizationRule,
  type AuthorizerOptions,
} from './security/authorizer.ts';
export {
  AclPermissionType,
  PatternType,
  ResourceTypeFilter,
  WILDCARD_HOST,
  WILDCARD_PRINCIPAL,
  WILDCARD_RESOURCE,
  bindingProblem,
  filterMatches,
  nameOf,
  type AclBinding,
  type AclBindingFilter,
} from './security/acl-binding.ts';
export { AclOperation, CLUSTER_NAME, ResourceType, supportedOperations } from './security/acl-operations.ts';
export type { StandardAcl } from './metadata/metadata-image.ts';
export {
  BOOTSTRAP_FILE,
  readBootstrapMetadata,
  writeBootstrapMetadata,
  type BootstrapMetadata,
} from './metadata/bootstrap-metadata.ts';
export type { CleaningEligibility, CleaningPass, PartitionCleanerStatus } from './storage/cleaner-status.ts';
export { EXPOSITION_CONTENT_TYPE, exposition } from './http/process-metrics.ts';
