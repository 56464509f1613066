// Generated from internal/group-coordinator/ShareGroupStatePartitionMetadataKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ShareGroupStatePartitionMetadataKey {
  /** The group id. */
  groupId: string;
}

export function defaultShareGroupStatePartitionMetadataKey(): ShareGroupStatePartitionMetadataKey {
  return {
    groupId: "",
  };
}

function writeShareGroupStatePartitionMetadataKey(w: Writer, v: ShareGroupStatePartitionMetadataKey, version: number): void {
  w.string(v.groupId);
}

function readShareGroupStatePartitionMetadataKey(r: Reader, version: number): ShareGroupStatePartitionMetadataKey {
  let fGroupId: string = "";
  fGroupId = r.string();
  return { groupId: fGroupId };
}

/** The versions of ShareGroupStatePartitionMetadataKey this codec reads and writes. */
export const shareGroupStatePartitionMetadataKeyVersions = { min: 15, max: 15 } as const;

function checkShareGroupStatePartitionMetadataKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 15 || version > 15) {
    throw new ProtocolError('unsupported', `ShareGroupStatePartitionMetadataKey version ${version} is outside 15-15`);
  }
}

export function encodeShareGroupStatePartitionMetadataKey(w: Writer, value: ShareGroupStatePartitionMetadataKey, version: number): void {
  checkShareGroupStatePartitionMetadataKeyVersion(version);
  writeShareGroupStatePartitionMetadataKey(w, value, version);
}

export function decodeShareGroupStatePartitionMetadataKey(r: Reader, version: number): ShareGroupStatePartitionMetadataKey {
  checkShareGroupStatePartitionMetadataKeyVersion(version);
  return readShareGroupStatePartitionMetadataKey(r, version);
}
