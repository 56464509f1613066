// Generated from internal/metadata/RemoveUserScramCredentialRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface RemoveUserScramCredentialRecord {
  /** The user name. */
  name: string;
  /** The SCRAM mechanism. */
  mechanism: number;
}

export function defaultRemoveUserScramCredentialRecord(): RemoveUserScramCredentialRecord {
  return {
    name: "",
    mechanism: 0,
  };
}

function writeRemoveUserScramCredentialRecord(w: Writer, v: RemoveUserScramCredentialRecord, version: number): void {
  w.compactString(v.name);
  w.int8(v.mechanism);
  {
    w.unsignedVarint(0);
  }
}

function readRemoveUserScramCredentialRecord(r: Reader, version: number): RemoveUserScramCredentialRecord {
  let fName: string = "";
  fName = r.compactString();
  let fMechanism: number = 0;
  fMechanism = r.int8();
  r.taggedFields();
  return { name: fName, mechanism: fMechanism };
}

/** The record type of RemoveUserScramCredentialRecord in the metadata log (MetadataRecordSerde's api key). */
export const removeUserScramCredentialRecordApiKey = 22;

/** The versions of RemoveUserScramCredentialRecord this codec reads and writes. */
export const removeUserScramCredentialRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkRemoveUserScramCredentialRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `RemoveUserScramCredentialRecord version ${version} is outside 0-0`);
  }
}

export function encodeRemoveUserScramCredentialRecord(w: Writer, value: RemoveUserScramCredentialRecord, version: number): void {
  checkRemoveUserScramCredentialRecordVersion(version);
  writeRemoveUserScramCredentialRecord(w, value, version);
}

export function decodeRemoveUserScramCredentialRecord(r: Reader, version: number): RemoveUserScramCredentialRecord {
  checkRemoveUserScramCredentialRecordVersion(version);
  return readRemoveUserScramCredentialRecord(r, version);
}
