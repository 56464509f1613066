// Generated from internal/group-coordinator/ConsumerGroupMetadataKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ConsumerGroupMetadataKey {
  /** The group id. */
  groupId: string;
}

export function defaultConsumerGroupMetadataKey(): ConsumerGroupMetadataKey {
  return {
    groupId: "",
  };
}

function writeConsumerGroupMetadataKey(w: Writer, v: ConsumerGroupMetadataKey, version: number): void {
  w.string(v.groupId);
}

function readConsumerGroupMetadataKey(r: Reader, version: number): ConsumerGroupMetadataKey {
  let fGroupId: string = "";
  fGroupId = r.string();
  return { groupId: fGroupId };
}

/** The versions of ConsumerGroupMetadataKey this codec reads and writes. */
export const consumerGroupMetadataKeyVersions = { min: 3, max: 3 } as const;

function checkConsumerGroupMetadataKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 3 || version > 3) {
    throw new ProtocolError('unsupported', `ConsumerGroupMetadataKey version ${version} is outside 3-3`);
  }
}

export function encodeConsumerGroupMetadataKey(w: Writer, value: ConsumerGroupMetadataKey, version: number): void {
  checkConsumerGroupMetadataKeyVersion(version);
  writeConsumerGroupMetadataKey(w, value, version);
}

export function decodeConsumerGroupMetadataKey(r: Reader, version: number): ConsumerGroupMetadataKey {
  checkConsumerGroupMetadataKeyVersion(version);
  return readConsumerGroupMetadataKey(r, version);
}
