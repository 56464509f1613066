// Generated from internal/group-coordinator/ShareGroupTargetAssignmentMetadataKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ShareGroupTargetAssignmentMetadataKey {
  /** The group id. */
  groupId: string;
}

export function defaultShareGroupTargetAssignmentMetadataKey(): ShareGroupTargetAssignmentMetadataKey {
  return {
    groupId: "",
  };
}

function writeShareGroupTargetAssignmentMetadataKey(w: Writer, v: ShareGroupTargetAssignmentMetadataKey, version: number): void {
  w.string(v.groupId);
}

function readShareGroupTargetAssignmentMetadataKey(r: Reader, version: number): ShareGroupTargetAssignmentMetadataKey {
  let fGroupId: string = "";
  fGroupId = r.string();
  return { groupId: fGroupId };
}

/** The versions of ShareGroupTargetAssignmentMetadataKey this codec reads and writes. */
export const shareGroupTargetAssignmentMetadataKeyVersions = { min: 12, max: 12 } as const;

function checkShareGroupTargetAssignmentMetadataKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 12 || version > 12) {
    throw new ProtocolError('unsupported', `ShareGroupTargetAssignmentMetadataKey version ${version} is outside 12-12`);
  }
}

export function encodeShareGroupTargetAssignmentMetadataKey(w: Writer, value: ShareGroupTargetAssignmentMetadataKey, version: number): void {
  checkShareGroupTargetAssignmentMetadataKeyVersion(version);
  writeShareGroupTargetAssignmentMetadataKey(w, value, version);
}

export function decodeShareGroupTargetAssignmentMetadataKey(r: Reader, version: number): ShareGroupTargetAssignmentMetadataKey {
  checkShareGroupTargetAssignmentMetadataKeyVersion(version);
  return readShareGroupTargetAssignmentMetadataKey(r, version);
}
