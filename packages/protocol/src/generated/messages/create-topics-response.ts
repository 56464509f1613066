// Generated from CreateTopicsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray, readCompactArrayNullable } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface CreateTopicsResponseCreatableTopicConfigs {
  /** The configuration name. */
  name: string;
  /** The configuration value. */
  value: string | null;
  /** True if the configuration is read-only. */
  readOnly: boolean;
  /** The configuration source. */
  configSource: number;
  /** True if this configuration is sensitive. */
  isSensitive: boolean;
}

export function defaultCreateTopicsResponseCreatableTopicConfigs(): CreateTopicsResponseCreatableTopicConfigs {
  return {
    name: "",
    value: "",
    readOnly: false,
    configSource: -1,
    isSensitive: false,
  };
}

function writeCreateTopicsResponseCreatableTopicConfigs(w: Writer, v: CreateTopicsResponseCreatableTopicConfigs, version: number): void {
  if (version >= 5) { w.compactString(v.name); }
  if (version >= 5) { w.compactNullableString(v.value); }
  if (version >= 5) { w.bool(v.readOnly); }
  if (version >= 5) { w.int8(v.configSource); }
  if (version >= 5) { w.bool(v.isSensitive); }
  if (version >= 5) {
    w.unsignedVarint(0);
  }
}

function readCreateTopicsResponseCreatableTopicConfigs(r: Reader, version: number): CreateTopicsResponseCreatableTopicConfigs {
  let fName: string = "";
  if (version >= 5) { fName = r.compactString(); }
  let fValue: string | null = "";
  if (version >= 5) { fValue = r.compactNullableString(); }
  let fReadOnly: boolean = false;
  if (version >= 5) { fReadOnly = r.bool(); }
  let fConfigSource: number = -1;
  if (version >= 5) { fConfigSource = r.int8(); }
  let fIsSensitive: boolean = false;
  if (version >= 5) { fIsSensitive = r.bool(); }
  if (version >= 5) r.taggedFields();
  return { name: fName, value: fValue, readOnly: fReadOnly, configSource: fConfigSource, isSensitive: fIsSensitive };
}

export interface CreateTopicsResponseCreatableTopicResult {
  /** The topic name. */
  name: string;
  /** The unique topic ID */
  topicId: string;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
  /** Optional topic config error returned if configs are not returned in the response. */
  topicConfigErrorCode: number;
  /** Number of partitions of the topic. */
  numPartitions: number;
  /** Replication factor of the topic. */
  replicationFactor: number;
  /** Configuration of the topic. */
  configs: CreateTopicsResponseCreatableTopicConfigs[] | null;
}

export function defaultCreateTopicsResponseCreatableTopicResult(): CreateTopicsResponseCreatableTopicResult {
  return {
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    errorCode: 0,
    errorMessage: "",
    topicConfigErrorCode: 0,
    numPartitions: -1,
    replicationFactor: -1,
    configs: [],
  };
}

function writeCreateTopicsResponseCreatableTopicResult(w: Writer, v: CreateTopicsResponseCreatableTopicResult, version: number): void {
  if (version >= 5) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 7) { w.uuid(v.topicId); }
  w.int16(v.errorCode);
  if (version >= 1) { if (version >= 5) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); } }
  if (version >= 5) { w.int32(v.numPartitions); }
  if (version >= 5) { w.int16(v.replicationFactor); }
  if (version >= 5) { if (v.configs === null) w.unsignedVarint(0); else { w.unsignedVarint(v.configs.length + 1); for (const item of v.configs) { writeCreateTopicsResponseCreatableTopicConfigs(w, item, version); } } }
  if (version >= 5) {
    const writeTopicConfigErrorCode = v.topicConfigErrorCode !== 0;
    w.unsignedVarint((writeTopicConfigErrorCode ? 1 : 0));
    if (writeTopicConfigErrorCode) w.taggedField(0, (t) => { t.int16(v.topicConfigErrorCode); });
  }
}

function readCreateTopicsResponseCreatableTopicResult(r: Reader, version: number): CreateTopicsResponseCreatableTopicResult {
  let fName: string = "";
  if (version >= 5) { fName = r.compactString(); } else { fName = r.string(); }
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 7) { fTopicId = r.uuid(); }
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  if (version >= 1) { if (version >= 5) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); } }
  let fTopicConfigErrorCode: number = 0;
  let fNumPartitions: number = -1;
  if (version >= 5) { fNumPartitions = r.int32(); }
  let fReplicationFactor: number = -1;
  if (version >= 5) { fReplicationFactor = r.int16(); }
  let fConfigs: CreateTopicsResponseCreatableTopicConfigs[] | null = [];
  if (version >= 5) { fConfigs = readCompactArrayNullable(r, 1, () => readCreateTopicsResponseCreatableTopicConfigs(r, version)); }
  if (version >= 5) {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fTopicConfigErrorCode = t.int16(); return true;
        default:
          return false;
      }
    });
  }
  return { name: fName, topicId: fTopicId, errorCode: fErrorCode, errorMessage: fErrorMessage, topicConfigErrorCode: fTopicConfigErrorCode, numPartitions: fNumPartitions, replicationFactor: fReplicationFactor, configs: fConfigs };
}

export interface CreateTopicsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Results for each topic we tried to create. */
  topics: CreateTopicsResponseCreatableTopicResult[];
}

export function defaultCreateTopicsResponse(): CreateTopicsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

function writeCreateTopicsResponse(w: Writer, v: CreateTopicsResponse, version: number): void {
  if (version >= 2) { w.int32(v.throttleTimeMs); }
  if (version >= 5) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeCreateTopicsResponseCreatableTopicResult(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeCreateTopicsResponseCreatableTopicResult(w, item, version); } }
  if (version >= 5) {
    w.unsignedVarint(0);
  }
}

function readCreateTopicsResponse(r: Reader, version: number): CreateTopicsResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 2) { fThrottleTimeMs = r.int32(); }
  let fTopics: CreateTopicsResponseCreatableTopicResult[] = [];
  if (version >= 5) { fTopics = readCompactArray(r, 1, () => readCreateTopicsResponseCreatableTopicResult(r, version)); } else { fTopics = readArray(r, 1, () => readCreateTopicsResponseCreatableTopicResult(r, version)); }
  if (version >= 5) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, topics: fTopics };
}

/** The versions of CreateTopicsResponse this codec reads and writes. */
export const createTopicsResponseVersions = { min: 0, max: 7, firstFlexible: 5 } as const;

function checkCreateTopicsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 7) {
    throw new ProtocolError('unsupported', `CreateTopicsResponse version ${version} is outside 0-7`);
  }
}

export function encodeCreateTopicsResponse(w: Writer, value: CreateTopicsResponse, version: number): void {
  checkCreateTopicsResponseVersion(version);
  writeCreateTopicsResponse(w, value, version);
}

export function decodeCreateTopicsResponse(r: Reader, version: number): CreateTopicsResponse {
  checkCreateTopicsResponseVersion(version);
  return readCreateTopicsResponse(r, version);
}
