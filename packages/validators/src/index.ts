export { trackedSubscriptionInput, ticksInput } from './subscriptions.ts';
export {
  offsetResetInput,
  offsetResetTarget,
  parseIsoDuration,
  type OffsetResetInput,
  type OffsetResetTarget,
} from './offset-reset.ts';
export { topicName } from './topic.ts';
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
  userRole,
  username,
  type CreateUserInput,
  type LoginInput,
} from './auth.ts';
