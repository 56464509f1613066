// Generated from AllocateProducerIdsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AllocateProducerIdsRequest {
  /** The ID of the requesting broker */
  brokerId: number;
  /** The epoch of the requesting broker */
  brokerEpoch: bigint;
}

export function defaultAllocateProducerIdsRequest(): AllocateProducerIdsRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
  };
}

function writeAllocateProducerIdsRequest(w: Writer, v: AllocateProducerIdsRequest, version: number): void {
  w.int32(v.brokerId);
  w.int64(v.brokerEpoch);
  {
    w.unsignedVarint(0);
  }
}

function readAllocateProducerIdsRequest(r: Reader, version: number): AllocateProducerIdsRequest {
  let fBrokerId: number = 0;
  fBrokerId = r.int32();
  let fBrokerEpoch: bigint = -1n;
  fBrokerEpoch = r.int64();
  r.taggedFields();
  return { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch };
}

/** The versions of AllocateProducerIdsRequest this codec reads and writes. */
export const allocateProducerIdsRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkAllocateProducerIdsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `AllocateProducerIdsRequest version ${version} is outside 0-0`);
  }
}

export function encodeAllocateProducerIdsRequest(w: Writer, value: AllocateProducerIdsRequest, version: number): void {
  checkAllocateProducerIdsRequestVersion(version);
  writeAllocateProducerIdsRequest(w, value, version);
}

export function decodeAllocateProducerIdsRequest(r: Reader, version: number): AllocateProducerIdsRequest {
  checkAllocateProducerIdsRequestVersion(version);
  return readAllocateProducerIdsRequest(r, version);
}
