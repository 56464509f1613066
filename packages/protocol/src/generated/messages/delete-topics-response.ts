// Generated from DeleteTopicsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { notNull, readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DeleteTopicsResponseDeletableTopicResult {
  /** The topic name */
  name: string | null;
  /** the unique topic ID */
  topicId: string;
  /** The deletion error, or 0 if the deletion succeeded. */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
}

export function defaultDeleteTopicsResponseDeletableTopicResult(): DeleteTopicsResponseDeletableTopicResult {
  return {
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    errorCode: 0,
    errorMessage: null,
  };
}

function writeDeleteTopicsResponseDeletableTopicResult(w: Writer, v: DeleteTopicsResponseDeletableTopicResult, version: number): void {
  if (version >= 6) { w.compactNullableString(v.name); } else if (version >= 4 && version <= 5) { { const value = notNull(v.name, 'DeleteTopicsResponse.Name', version); w.compactString(value); } } else { { const value = notNull(v.name, 'DeleteTopicsResponse.Name', version); w.string(value); } }
  if (version >= 6) { w.uuid(v.topicId); }
  w.int16(v.errorCode);
  if (version >= 5) { w.compactNullableString(v.errorMessage); }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readDeleteTopicsResponseDeletableTopicResult(r: Reader, version: number): DeleteTopicsResponseDeletableTopicResult {
  let fName: string | null = "";
  if (version >= 6) { fName = r.compactNullableString(); } else if (version >= 4 && version <= 5) { fName = r.compactString(); } else { fName = r.string(); }
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 6) { fTopicId = r.uuid(); }
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = null;
  if (version >= 5) { fErrorMessage = r.compactNullableString(); }
  if (version >= 4) r.taggedFields();
  return { name: fName, topicId: fTopicId, errorCode: fErrorCode, errorMessage: fErrorMessage };
}

export interface DeleteTopicsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The results for each topic we tried to delete. */
  responses: DeleteTopicsResponseDeletableTopicResult[];
}

export function defaultDeleteTopicsResponse(): DeleteTopicsResponse {
  return {
    throttleTimeMs: 0,
    responses: [],
  };
}

function writeDeleteTopicsResponse(w: Writer, v: DeleteTopicsResponse, version: number): void {
  if (version >= 1) { w.int32(v.throttleTimeMs); }
  if (version >= 4) { w.unsignedVarint(v.responses.length + 1); for (const item of v.responses) { writeDeleteTopicsResponseDeletableTopicResult(w, item, version); } } else { w.int32(v.responses.length); for (const item of v.responses) { writeDeleteTopicsResponseDeletableTopicResult(w, item, version); } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readDeleteTopicsResponse(r: Reader, version: number): DeleteTopicsResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 1) { fThrottleTimeMs = r.int32(); }
  let fResponses: DeleteTopicsResponseDeletableTopicResult[] = [];
  if (version >= 4) { fResponses = readCompactArray(r, 1, () => readDeleteTopicsResponseDeletableTopicResult(r, version)); } else { fResponses = readArray(r, 1, () => readDeleteTopicsResponseDeletableTopicResult(r, version)); }
  if (version >= 4) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, responses: fResponses };
}

/** The versions of DeleteTopicsResponse this codec reads and writes. */
export const deleteTopicsResponseVersions = { min: 0, max: 6, firstFlexible: 4 } as const;

function checkDeleteTopicsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 6) {
    throw new ProtocolError('unsupported', `DeleteTopicsResponse version ${version} is outside 0-6`);
  }
}

export function encodeDeleteTopicsResponse(w: Writer, value: DeleteTopicsResponse, version: number): void {
  checkDeleteTopicsResponseVersion(version);
  writeDeleteTopicsResponse(w, value, version);
}

export function decodeDeleteTopicsResponse(r: Reader, version: number): DeleteTopicsResponse {
  checkDeleteTopicsResponseVersion(version);
  return readDeleteTopicsResponse(r, version);
}
