/**
 * Error codes older clients of the transaction APIs understand (KIP-588): PRODUCER_FENCED exists from
 * InitProducerId v4, AddPartitionsToTxn, AddOffsetsToTxn and EndTxn v2, and TxnOffsetCommit v3; before, Kafka
 * answers INVALID_PRODUCER_EPOCH, which those clients treat as a fence.
 */
import { ErrorCode } from '@sluice/protocol';

export function fencedForVersion(
  errorCode: number,
  apiVersion: number,
  firstVersionWithFenced: number,
): number {
  return errorCode === ErrorCode.PRODUCER_FENCED && apiVersion < firstVersionWithFenced
    ? ErrorCode.INVALID_PRODUCER_EPOCH
    : errorCode;
}
