// Generated from internal/group-coordinator/ShareGroupPartitionMetadataKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ShareGroupPartitionMetadataKey {
  /** The group id. */
  groupId: string;
}

export function defaultShareGroupPartitionMetadataKey(): ShareGroupPartitionMetadataKey {
  return {
    groupId: "",
  };
}

function writeShareGroupPartitionMetadataKey(w: Writer, v: ShareGroupPartitionMetadataKey, version: number): void {
  w.string(v.groupId);
}

function readShareGroupPartitionMetadataKey(r: Reader, version: number): ShareGroupPartitionMetadataKey {
  let fGroupId: string = "";
  fGroupId = r.string();
  return { groupId: fGroupId };
}

/** The versions of ShareGroupPartitionMetadataKey this codec reads and writes. */
export const shareGroupPartitionMetadataKeyVersions = { min: 9, max: 9 } as const;

function checkShareGroupPartitionMetadataKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 9 || version > 9) {
    throw new ProtocolError('unsupported', `ShareGroupPartitionMetadataKey version ${version} is outside 9-9`);
  }
}

export function encodeShareGroupPartitionMetadataKey(w: Writer, value: ShareGroupPartitionMetadataKey, version: number): void {
  checkShareGroupPartitionMetadataKeyVersion(version);
  writeShareGroupPartitionMetadataKey(w, value, version);
}

export function decodeShareGroupPartitionMetadataKey(r: Reader, version: number): ShareGroupPartitionMetadataKey {
  checkShareGroupPartitionMetadataKeyVersion(version);
  return readShareGroupPartitionMetadataKey(r, version);
}
