// Generated from internal/group-coordinator/ShareGroupMetadataKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ShareGroupMetadataKey {
  /** The group id. */
  groupId: string;
}

export function defaultShareGroupMetadataKey(): ShareGroupMetadataKey {
  return {
    groupId: "",
  };
}

function writeShareGroupMetadataKey(w: Writer, v: ShareGroupMetadataKey, version: number): void {
  w.string(v.groupId);
}

function readShareGroupMetadataKey(r: Reader, version: number): ShareGroupMetadataKey {
  let fGroupId: string = "";
  fGroupId = r.string();
  return { groupId: fGroupId };
}

/** The versions of ShareGroupMetadataKey this codec reads and writes. */
export const shareGroupMetadataKeyVersions = { min: 11, max: 11 } as const;

function checkShareGroupMetadataKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 11 || version > 11) {
    throw new ProtocolError('unsupported', `ShareGroupMetadataKey version ${version} is outside 11-11`);
  }
}

export function encodeShareGroupMetadataKey(w: Writer, value: ShareGroupMetadataKey, version: number): void {
  checkShareGroupMetadataKeyVersion(version);
  writeShareGroupMetadataKey(w, value, version);
}

export function decodeShareGroupMetadataKey(r: Reader, version: number): ShareGroupMetadataKey {
  checkShareGroupMetadataKeyVersion(version);
  return readShareGroupMetadataKey(r, version);
}
