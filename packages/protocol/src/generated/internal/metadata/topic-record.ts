// Generated from internal/metadata/TopicRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface TopicRecord {
  /** The topic name. */
  name: string;
  /** The unique ID of this topic. */
  topicId: string;
}

export function defaultTopicRecord(): TopicRecord {
  return {
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

function writeTopicRecord(w: Writer, v: TopicRecord, version: number): void {
  w.compactString(v.name);
  w.uuid(v.topicId);
  {
    w.unsignedVarint(0);
  }
}

function readTopicRecord(r: Reader, version: number): TopicRecord {
  let fName: string = "";
  fName = r.compactString();
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  r.taggedFields();
  return { name: fName, topicId: fTopicId };
}

/** The record type of TopicRecord in the metadata log (MetadataRecordSerde's api key). */
export const topicRecordApiKey = 2;

/** The versions of TopicRecord this codec reads and writes. */
export const topicRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkTopicRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `TopicRecord version ${version} is outside 0-0`);
  }
}

export function encodeTopicRecord(w: Writer, value: TopicRecord, version: number): void {
  checkTopicRecordVersion(version);
  writeTopicRecord(w, value, version);
}

export function decodeTopicRecord(r: Reader, version: number): TopicRecord {
  checkTopicRecordVersion(version);
  return readTopicRecord(r, version);
}
