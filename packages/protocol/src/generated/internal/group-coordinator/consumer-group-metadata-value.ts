// Generated from internal/group-coordinator/ConsumerGroupMetadataValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ConsumerGroupMetadataValue {
  /** The group epoch. */
  epoch: number;
}

export function defaultConsumerGroupMetadataValue(): ConsumerGroupMetadataValue {
  return {
    epoch: 0,
  };
}

function writeConsumerGroupMetadataValue(w: Writer, v: ConsumerGroupMetadataValue, version: number): void {
  w.int32(v.epoch);
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupMetadataValue(r: Reader, version: number): ConsumerGroupMetadataValue {
  let fEpoch: number = 0;
  fEpoch = r.int32();
  r.taggedFields();
  return { epoch: fEpoch };
}

/** The versions of ConsumerGroupMetadataValue this codec reads and writes. */
export const consumerGroupMetadataValueVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkConsumerGroupMetadataValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ConsumerGroupMetadataValue version ${version} is outside 0-0`);
  }
}

export function encodeConsumerGroupMetadataValue(w: Writer, value: ConsumerGroupMetadataValue, version: number): void {
  checkConsumerGroupMetadataValueVersion(version);
  writeConsumerGroupMetadataValue(w, value, version);
}

export function decodeConsumerGroupMetadataValue(r: Reader, version: number): ConsumerGroupMetadataValue {
  checkConsumerGroupMetadataValueVersion(version);
  return readConsumerGroupMetadataValue(r, version);
}
