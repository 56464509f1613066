// Generated from internal/group-coordinator/ConsumerGroupPartitionMetadataKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ConsumerGroupPartitionMetadataKey {
  /** The group id. */
  groupId: string;
}

export function defaultConsumerGroupPartitionMetadataKey(): ConsumerGroupPartitionMetadataKey {
  return {
    groupId: "",
  };
}

function writeConsumerGroupPartitionMetadataKey(w: Writer, v: ConsumerGroupPartitionMetadataKey, version: number): void {
  w.string(v.groupId);
}

function readConsumerGroupPartitionMetadataKey(r: Reader, version: number): ConsumerGroupPartitionMetadataKey {
  let fGroupId: string = "";
  fGroupId = r.string();
  return { groupId: fGroupId };
}

/** The versions of ConsumerGroupPartitionMetadataKey this codec reads and writes. */
export const consumerGroupPartitionMetadataKeyVersions = { min: 4, max: 4 } as const;

function checkConsumerGroupPartitionMetadataKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 4 || version > 4) {
    throw new ProtocolError('unsupported', `ConsumerGroupPartitionMetadataKey version ${version} is outside 4-4`);
  }
}

export function encodeConsumerGroupPartitionMetadataKey(w: Writer, value: ConsumerGroupPartitionMetadataKey, version: number): void {
  checkConsumerGroupPartitionMetadataKeyVersion(version);
  writeConsumerGroupPartitionMetadataKey(w, value, version);
}

export function decodeConsumerGroupPartitionMetadataKey(r: Reader, version: number): ConsumerGroupPartitionMetadataKey {
  checkConsumerGroupPartitionMetadataKeyVersion(version);
  return readConsumerGroupPartitionMetadataKey(r, version);
}
