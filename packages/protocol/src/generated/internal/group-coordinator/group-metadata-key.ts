// Generated from internal/group-coordinator/GroupMetadataKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface GroupMetadataKey {
  group: string;
}

export function defaultGroupMetadataKey(): GroupMetadataKey {
  return {
    group: "",
  };
}

function writeGroupMetadataKey(w: Writer, v: GroupMetadataKey, version: number): void {
  w.string(v.group);
}

function readGroupMetadataKey(r: Reader, version: number): GroupMetadataKey {
  let fGroup: string = "";
  fGroup = r.string();
  return { group: fGroup };
}

/** The versions of GroupMetadataKey this codec reads and writes. */
export const groupMetadataKeyVersions = { min: 2, max: 2 } as const;

function checkGroupMetadataKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 2 || version > 2) {
    throw new ProtocolError('unsupported', `GroupMetadataKey version ${version} is outside 2-2`);
  }
}

export function encodeGroupMetadataKey(w: Writer, value: GroupMetadataKey, version: number): void {
  checkGroupMetadataKeyVersion(version);
  writeGroupMetadataKey(w, value, version);
}

export function decodeGroupMetadataKey(r: Reader, version: number): GroupMetadataKey {
  checkGroupMetadataKeyVersion(version);
  return readGroupMetadataKey(r, version);
}
