/**
 * Producer id blocks (Kafka's ProducerIdControlManager, KIP-730): AllocateProducerIds hands a broker the next
 * block of 1000 ids and writes a ProducerIdsRecord with the id after it.
 *
 * Invariants: blocks never overlap, including across controller failover, because the next id lives in the
 * replicated log and is read back from the latest image; only a broker with its current broker epoch gets a
 * block (STALE_BROKER_EPOCH otherwise); the id space ends below 2^63 (UNKNOWN_SERVER_ERROR past it, as Kafka).
 */
import {
  ErrorCode,
  type AllocateProducerIdsRequest,
  type AllocateProducerIdsResponse,
} from '@sluice/protocol';
import type { ControlContext, ControllerResult } from './controller-result.ts';
import { ControllerError } from './controller-result.ts';
import { checkBrokerEpoch } from './partition-leadership.ts';

export const PRODUCER_ID_BLOCK_SIZE = 1000;
const LONG_MAX = 9223372036854775807n;

export function allocateProducerIds(
  ctx: ControlContext,
  request: AllocateProducerIdsRequest,
): ControllerResult<AllocateProducerIdsResponse> {
  checkBrokerEpoch(ctx.image, request.brokerId, request.brokerEpoch);
  const start = ctx.image.producerIds.nextProducerId;
  const next = start + BigInt(PRODUCER_ID_BLOCK_SIZE);
  if (next > LONG_MAX) {
    throw new ControllerError(ErrorCode.UNKNOWN_SERVER_ERROR, 'Exhausted all producerIds.');
  }
  return {
    records: [
      {
        type: 'ProducerIdsRecord',
        data: { brokerId: request.brokerId, brokerEpoch: request.brokerEpoch, nextProducerId: next },
      },
    ],
    response: {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      producerIdStart: start,
      producerIdLen: PRODUCER_ID_BLOCK_SIZE,
    },
  };
}
