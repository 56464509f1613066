/**
 * The controller mutation quota as the handlers of CreateTopics, CreatePartitions and DeleteTopics apply it: one
 * quota per request (strict or permissive by version, see controller-mutation-quota.ts), partitions taken topic by
 * topic in request order once the topic is known to be valid, a refused topic answered THROTTLING_QUOTA_EXCEEDED
 * (with no message, as Kafka's ApiError leaves a default message out), and the response's throttle time the
 * time until the bucket is back to zero.
 */
import { ApiKey, ErrorCode } from '@sluice/protocol';
import type { RequestContext } from '../handlers/handler.ts';
import {
  STRICT_SINCE_VERSION,
  ThrottlingQuotaExceededError,
  UNBOUNDED_MUTATION_QUOTA,
  type ControllerMutationQuota,
} from './controller-mutation-quota.ts';

export type MutatingApi =
  typeof ApiKey.CreateTopics | typeof ApiKey.CreatePartitions | typeof ApiKey.DeleteTopics;

const STRICT_SINCE: Record<MutatingApi, number> = {
  [ApiKey.CreateTopics]: STRICT_SINCE_VERSION.CreateTopics,
  [ApiKey.CreatePartitions]: STRICT_SINCE_VERSION.CreatePartitions,
  [ApiKey.DeleteTopics]: STRICT_SINCE_VERSION.DeleteTopics,
};

/** What a refused topic is answered. */
export const THROTTLED = { errorCode: ErrorCode.THROTTLING_QUOTA_EXCEEDED, errorMessage: null } as const;

export class RequestMutationQuota {
  private constructor(
    private readonly context: RequestContext,
    private readonly clientId: string,
    private readonly quota: ControllerMutationQuota,
  ) {}

  static of(context: RequestContext, clientId: string | null, apiKey: MutatingApi, apiVersion: number) {
    const client = clientId ?? '';
    const quota = context.services.quotas.controllerMutation.newQuotaFor(
      context.principal.name,
      client,
      apiVersion,
      STRICT_SINCE[apiKey],
    );
    return new RequestMutationQuota(context, client, quota);
  }

  /** Whether any controller mutation quota is set (when not, nothing needs counting). */
  get enabled(): boolean {
    return this.quota !== UNBOUNDED_MUTATION_QUOTA;
  }

  /** Takes `partitions` mutations for one topic; false when the quota refuses the topic. */
  take(partitions: number): boolean {
    try {
      this.quota.record(partitions);
      return true;
    } catch (error) {
      if (error instanceof ThrottlingQuotaExceededError) return false;
      throw error;
    }
  }

  refund(partitions: number): void {
    this.quota.refund(partitions);
  }

  /** The response's throttle time, counted in the client's controller-mutation throttle-time metric. */
  throttleTimeMs(): number {
    const throttleMs = this.quota.throttleTime();
    const { quotas, clock } = this.context.services;
    quotas.controllerMutation.recordThrottle(
      this.context.principal.name,
      this.clientId,
      throttleMs,
      clock.now(),
    );
    return throttleMs;
  }
}
