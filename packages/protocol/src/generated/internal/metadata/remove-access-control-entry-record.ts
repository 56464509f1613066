// Generated from internal/metadata/RemoveAccessControlEntryRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface RemoveAccessControlEntryRecord {
  /** The ID of the AccessControlEntry to remove. */
  id: string;
}

export function defaultRemoveAccessControlEntryRecord(): RemoveAccessControlEntryRecord {
  return {
    id: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

function writeRemoveAccessControlEntryRecord(w: Writer, v: RemoveAccessControlEntryRecord, version: number): void {
  w.uuid(v.id);
  {
    w.unsignedVarint(0);
  }
}

function readRemoveAccessControlEntryRecord(r: Reader, version: number): RemoveAccessControlEntryRecord {
  let fId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fId = r.uuid();
  r.taggedFields();
  return { id: fId };
}

/** The record type of RemoveAccessControlEntryRecord in the metadata log (MetadataRecordSerde's api key). */
export const removeAccessControlEntryRecordApiKey = 19;

/** The versions of RemoveAccessControlEntryRecord this codec reads and writes. */
export const removeAccessControlEntryRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkRemoveAccessControlEntryRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `RemoveAccessControlEntryRecord version ${version} is outside 0-0`);
  }
}

export function encodeRemoveAccessControlEntryRecord(w: Writer, value: RemoveAccessControlEntryRecord, version: number): void {
  checkRemoveAccessControlEntryRecordVersion(version);
  writeRemoveAccessControlEntryRecord(w, value, version);
}

export function decodeRemoveAccessControlEntryRecord(r: Reader, version: number): RemoveAccessControlEntryRecord {
  checkRemoveAccessControlEntryRecordVersion(version);
  return readRemoveAccessControlEntryRecord(r, version);
}
