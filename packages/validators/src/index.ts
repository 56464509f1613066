export { trackedSubscriptionInput, ticksInput } from './subscriptions.ts';
export {
  offsetResetInput,
  offsetResetTarget,
  parseIsoDuration,
  type OffsetResetInput,
  type OffsetResetTarget,
} from './offset-reset.ts';
export {
  RETENTION_PRESETS,
  alterTopicConfigsInput,
  browseMessagesInput,
  createTopicInput,
  createTopicInputFor,
  deleteRecordsInput,
  deleteTopicInput,
  messagesFrom,
  produceInput,
  tailInput,
  topicInput,
  topicName,
  type CreateTopicInput,
  type MessagesFrom,
  type ProduceInput,
  type TailInput,
} from './topic.ts';
export {
  isrTimelineInput,
  partitionInput,
  reassignPartitionInput,
  type ReassignPartitionInput,
} from './reassignment.ts';
export { groupDetailInput, groupId, lagHistoryInput, type LagHistoryInput } from './groups.ts';
export {
  USER_ROLES,
  auditListInput,
  createUserInput,
  deleteUserInput,
  loginInput,
  newPassword,
  resetPasswordInput,
  setUserRoleInput,
  setUserPrincipalInput,
  kafkaPrincipal,
  userRole,
  username,
  type CreateUserInput,
  type LoginInput,
} from './auth.ts';
export {
  DRILLS_ENV,
  DRILL_OPS,
  drillInput,
  type BrokerProcess,
  type BrokerProcessState,
  type DrillInput,
  type DrillOp,
  type DrillRequest,
  type DrillResponse,
} from './drills.ts';
export {
  QUOTA_ENTITY_TYPES,
  QUOTA_KEYS,
  alterQuotasInput,
  isQuotaKey,
  quotaEntity,
  quotaKeysFor,
  quotaValue,
  type AlterQuotasInput,
  type QuotaEntityType,
  type QuotaKey,
} from './quotas.ts';
