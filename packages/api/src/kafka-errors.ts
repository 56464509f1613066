/**
 * Kafka's answers as tRPC errors: the message keeps Kafka's error name ("TOPIC_ALREADY_EXISTS: ...") so the
 * console shows what any Kafka tool would, and the HTTP status says what kind of failure it is.
 */
import { TRPCError } from '@trpc/server';
import { KafkaError } from '@sluice/client';
import { ErrorCode } from '@sluice/protocol';

type TRPCCode = ConstructorParameters<typeof TRPCError>[0]['code'];

const CODES: ReadonlyMap<number, TRPCCode> = new Map<number, TRPCCode>([
  [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'NOT_FOUND'],
  [ErrorCode.GROUP_ID_NOT_FOUND, 'NOT_FOUND'],
  [ErrorCode.TRANSACTIONAL_ID_NOT_FOUND, 'NOT_FOUND'],
  [ErrorCode.RESOURCE_NOT_FOUND, 'NOT_FOUND'],
  [ErrorCode.DUPLICATE_RESOURCE, 'CONFLICT'],
  [ErrorCode.TOPIC_ALREADY_EXISTS, 'CONFLICT'],
  [ErrorCode.NON_EMPTY_GROUP, 'PRECONDITION_FAILED'],
  [ErrorCode.UNKNOWN_MEMBER_ID, 'PRECONDITION_FAILED'],
  [ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'FORBIDDEN'],
  [ErrorCode.GROUP_AUTHORIZATION_FAILED, 'FORBIDDEN'],
  [ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'FORBIDDEN'],
  [ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, 'FORBIDDEN'],
  [ErrorCode.REQUEST_TIMED_OUT, 'TIMEOUT'],
  [ErrorCode.NOT_ENOUGH_REPLICAS, 'SERVICE_UNAVAILABLE'],
]);

/** Kafka's error as the tRPC error the API answers with. */
export function kafkaTRPCError(error: KafkaError): TRPCError {
  return new TRPCError({
    code: CODES.get(error.errorCode) ?? 'BAD_REQUEST',
    message: error.message,
    cause: error,
  });
}

/** Runs a call to the cluster, turning Kafka's refusals into tRPC errors; other failures propagate. */
export async function kafkaCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof KafkaError) throw kafkaTRPCError(error);
    if (error instanceof Error && error.name === 'OffsetResetError')
      throw new TRPCError({ code: 'PRECONDITION_FAILED', message: error.message, cause: error });
    throw error;
  }
}
