// Generated from MetadataRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { notNull, readArray, readArrayNullable, readCompactArrayNullable } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface MetadataRequestTopic {
  /** The topic id. */
  topicId: string;
  /** The topic name. */
  name: string | null;
}

export function defaultMetadataRequestTopic(): MetadataRequestTopic {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    name: "",
  };
}

function writeMetadataRequestTopic(w: Writer, v: MetadataRequestTopic, version: number): void {
  if (version >= 10) { w.uuid(v.topicId); }
  if (version >= 10) { w.compactNullableString(v.name); } else if (version >= 9 && version <= 9) { { const value = notNull(v.name, 'MetadataRequest.Name', version); w.compactString(value); } } else { { const value = notNull(v.name, 'MetadataRequest.Name', version); w.string(value); } }
  if (version >= 9) {
    w.unsignedVarint(0);
  }
}

function readMetadataRequestTopic(r: Reader, version: number): MetadataRequestTopic {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 10) { fTopicId = r.uuid(); }
  let fName: string | null = "";
  if (version >= 10) { fName = r.compactNullableString(); } else if (version >= 9 && version <= 9) { fName = r.compactString(); } else { fName = r.string(); }
  if (version >= 9) r.taggedFields();
  return { topicId: fTopicId, name: fName };
}

export interface MetadataRequest {
  /** The topics to fetch metadata for. */
  topics: MetadataRequestTopic[] | null;
  /** If this is true, the broker may auto-create topics that we requested which do not already exist, if it is configured to do so. */
  allowAutoTopicCreation: boolean;
  /** Whether to include cluster authorized operations. */
  includeClusterAuthorizedOperations: boolean;
  /** Whether to include topic authorized operations. */
  includeTopicAuthorizedOperations: boolean;
}

export function defaultMetadataRequest(): MetadataRequest {
  return {
    topics: [],
    allowAutoTopicCreation: true,
    includeClusterAuthorizedOperations: false,
    includeTopicAuthorizedOperations: false,
  };
}

function writeMetadataRequest(w: Writer, v: MetadataRequest, version: number): void {
  if (version >= 9) { if (v.topics === null) w.unsignedVarint(0); else { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeMetadataRequestTopic(w, item, version); } } } else if (version >= 1 && version <= 8) { if (v.topics === null) w.int32(-1); else { w.int32(v.topics.length); for (const item of v.topics) { writeMetadataRequestTopic(w, item, version); } } } else { { const value = notNull(v.topics, 'MetadataRequest.Topics', version); w.int32(value.length); for (const item of value) { writeMetadataRequestTopic(w, item, version); } } }
  if (version >= 4) { w.bool(v.allowAutoTopicCreation); }
  if (version >= 8 && version <= 10) { w.bool(v.includeClusterAuthorizedOperations); }
  if (version >= 8) { w.bool(v.includeTopicAuthorizedOperations); }
  if (version >= 9) {
    w.unsignedVarint(0);
  }
}

function readMetadataRequest(r: Reader, version: number): MetadataRequest {
  let fTopics: MetadataRequestTopic[] | null = [];
  if (version >= 9) { fTopics = readCompactArrayNullable(r, 1, () => readMetadataRequestTopic(r, version)); } else if (version >= 1 && version <= 8) { fTopics = readArrayNullable(r, 1, () => readMetadataRequestTopic(r, version)); } else { fTopics = readArray(r, 1, () => readMetadataRequestTopic(r, version)); }
  let fAllowAutoTopicCreation: boolean = true;
  if (version >= 4) { fAllowAutoTopicCreation = r.bool(); }
  let fIncludeClusterAuthorizedOperations: boolean = false;
  if (version >= 8 && version <= 10) { fIncludeClusterAuthorizedOperations = r.bool(); }
  let fIncludeTopicAuthorizedOperations: boolean = false;
  if (version >= 8) { fIncludeTopicAuthorizedOperations = r.bool(); }
  if (version >= 9) r.taggedFields();
  return { topics: fTopics, allowAutoTopicCreation: fAllowAutoTopicCreation, includeClusterAuthorizedOperations: fIncludeClusterAuthorizedOperations, includeTopicAuthorizedOperations: fIncludeTopicAuthorizedOperations };
}

/** The versions of MetadataRequest this codec reads and writes. */
export const metadataRequestVersions = { min: 0, max: 12, firstFlexible: 9 } as const;

function checkMetadataRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 12) {
    throw new ProtocolError('unsupported', `MetadataRequest version ${version} is outside 0-12`);
  }
}

export function encodeMetadataRequest(w: Writer, value: MetadataRequest, version: number): void {
  checkMetadataRequestVersion(version);
  writeMetadataRequest(w, value, version);
}

export function decodeMetadataRequest(r: Reader, version: number): MetadataRequest {
  checkMetadataRequestVersion(version);
  return readMetadataRequest(r, version);
}
