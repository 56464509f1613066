// Generated from internal/metadata/RemoveDelegationTokenRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface RemoveDelegationTokenRecord {
  /** The tokenID to remove. */
  tokenId: string;
}

export function defaultRemoveDelegationTokenRecord(): RemoveDelegationTokenRecord {
  return {
    tokenId: "",
  };
}

function writeRemoveDelegationTokenRecord(w: Writer, v: RemoveDelegationTokenRecord, version: number): void {
  w.compactString(v.tokenId);
  {
    w.unsignedVarint(0);
  }
}

function readRemoveDelegationTokenRecord(r: Reader, version: number): RemoveDelegationTokenRecord {
  let fTokenId: string = "";
  fTokenId = r.compactString();
  r.taggedFields();
  return { tokenId: fTokenId };
}

/** The record type of RemoveDelegationTokenRecord in the metadata log (MetadataRecordSerde's api key). */
export const removeDelegationTokenRecordApiKey = 26;

/** The versions of RemoveDelegationTokenRecord this codec reads and writes. */
export const removeDelegationTokenRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkRemoveDelegationTokenRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `RemoveDelegationTokenRecord version ${version} is outside 0-0`);
  }
}

export function encodeRemoveDelegationTokenRecord(w: Writer, value: RemoveDelegationTokenRecord, version: number): void {
  checkRemoveDelegationTokenRecordVersion(version);
  writeRemoveDelegationTokenRecord(w, value, version);
}

export function decodeRemoveDelegationTokenRecord(r: Reader, version: number): RemoveDelegationTokenRecord {
  checkRemoveDelegationTokenRecordVersion(version);
  return readRemoveDelegationTokenRecord(r, version);
}
