// Generated from IncrementalAlterConfigsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  /** The resource error code. */
  errorCode: number;
  /** The resource error message, or null if there was no error. */
  errorMessage: string | null;
  /** The resource type. */
  resourceType: number;
  /** The resource name. */
  resourceName: string;
}

export function defaultIncrementalAlterConfigsResponseAlterConfigsResourceResponse(): IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
  };
}

function writeIncrementalAlterConfigsResponseAlterConfigsResourceResponse(w: Writer, v: IncrementalAlterConfigsResponseAlterConfigsResourceResponse, version: number): void {
  w.int16(v.errorCode);
  if (version >= 1) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); }
  w.int8(v.resourceType);
  if (version >= 1) { w.compactString(v.resourceName); } else { w.string(v.resourceName); }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readIncrementalAlterConfigsResponseAlterConfigsResourceResponse(r: Reader, version: number): IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  if (version >= 1) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); }
  let fResourceType: number = 0;
  fResourceType = r.int8();
  let fResourceName: string = "";
  if (version >= 1) { fResourceName = r.compactString(); } else { fResourceName = r.string(); }
  if (version >= 1) r.taggedFields();
  return { errorCode: fErrorCode, errorMessage: fErrorMessage, resourceType: fResourceType, resourceName: fResourceName };
}

export interface IncrementalAlterConfigsResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The responses for each resource. */
  responses: IncrementalAlterConfigsResponseAlterConfigsResourceResponse[];
}

export function defaultIncrementalAlterConfigsResponse(): IncrementalAlterConfigsResponse {
  return {
    throttleTimeMs: 0,
    responses: [],
  };
}

function writeIncrementalAlterConfigsResponse(w: Writer, v: IncrementalAlterConfigsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  if (version >= 1) { w.unsignedVarint(v.responses.length + 1); for (const item of v.responses) { writeIncrementalAlterConfigsResponseAlterConfigsResourceResponse(w, item, version); } } else { w.int32(v.responses.length); for (const item of v.responses) { writeIncrementalAlterConfigsResponseAlterConfigsResourceResponse(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readIncrementalAlterConfigsResponse(r: Reader, version: number): IncrementalAlterConfigsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fResponses: IncrementalAlterConfigsResponseAlterConfigsResourceResponse[] = [];
  if (version >= 1) { fResponses = readCompactArray(r, 1, () => readIncrementalAlterConfigsResponseAlterConfigsResourceResponse(r, version)); } else { fResponses = readArray(r, 1, () => readIncrementalAlterConfigsResponseAlterConfigsResourceResponse(r, version)); }
  if (version >= 1) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, responses: fResponses };
}

/** The versions of IncrementalAlterConfigsResponse this codec reads and writes. */
export const incrementalAlterConfigsResponseVersions = { min: 0, max: 1, firstFlexible: 1 } as const;

function checkIncrementalAlterConfigsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `IncrementalAlterConfigsResponse version ${version} is outside 0-1`);
  }
}

export function encodeIncrementalAlterConfigsResponse(w: Writer, value: IncrementalAlterConfigsResponse, version: number): void {
  checkIncrementalAlterConfigsResponseVersion(version);
  writeIncrementalAlterConfigsResponse(w, value, version);
}

export function decodeIncrementalAlterConfigsResponse(r: Reader, version: number): IncrementalAlterConfigsResponse {
  checkIncrementalAlterConfigsResponseVersion(version);
  return readIncrementalAlterConfigsResponse(r, version);
}
