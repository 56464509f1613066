// Generated from internal/metadata/RemoveTopicRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface RemoveTopicRecord {
  /** The topic to remove. All associated partitions will be removed as well. */
  topicId: string;
}

export function defaultRemoveTopicRecord(): RemoveTopicRecord {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

function writeRemoveTopicRecord(w: Writer, v: RemoveTopicRecord, version: number): void {
  w.uuid(v.topicId);
  {
    w.unsignedVarint(0);
  }
}

function readRemoveTopicRecord(r: Reader, version: number): RemoveTopicRecord {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  r.taggedFields();
  return { topicId: fTopicId };
}

/** The record type of RemoveTopicRecord in the metadata log (MetadataRecordSerde's api key). */
export const removeTopicRecordApiKey = 9;

/** The versions of RemoveTopicRecord this codec reads and writes. */
export const removeTopicRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkRemoveTopicRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `RemoveTopicRecord version ${version} is outside 0-0`);
  }
}

export function encodeRemoveTopicRecord(w: Writer, value: RemoveTopicRecord, version: number): void {
  checkRemoveTopicRecordVersion(version);
  writeRemoveTopicRecord(w, value, version);
}

export function decodeRemoveTopicRecord(r: Reader, version: number): RemoveTopicRecord {
  checkRemoveTopicRecordVersion(version);
  return readRemoveTopicRecord(r, version);
}
