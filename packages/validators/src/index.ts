export { trackedSubscriptionInput, ticksInput } from './subscriptions.ts';
