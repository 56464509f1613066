// Generated from AlterConfigsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AlterConfigsResponseAlterConfigsResourceResponse {
  /** The resource error code. */
  errorCode: number;
  /** The resource error message, or null if there was no error. */
  errorMessage: string | null;
  /** The resource type. */
  resourceType: number;
  /** The resource name. */
  resourceName: string;
}

export function defaultAlterConfigsResponseAlterConfigsResourceResponse(): AlterConfigsResponseAlterConfigsResourceResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
  };
}

function writeAlterConfigsResponseAlterConfigsResourceResponse(w: Writer, v: AlterConfigsResponseAlterConfigsResourceResponse, version: number): void {
  w.int16(v.errorCode);
  if (version >= 2) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); }
  w.int8(v.resourceType);
  if (version >= 2) { w.compactString(v.resourceName); } else { w.string(v.resourceName); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readAlterConfigsResponseAlterConfigsResourceResponse(r: Reader, version: number): AlterConfigsResponseAlterConfigsResourceResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  if (version >= 2) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); }
  let fResourceType: number = 0;
  fResourceType = r.int8();
  let fResourceName: string = "";
  if (version >= 2) { fResourceName = r.compactString(); } else { fResourceName = r.string(); }
  if (version >= 2) r.taggedFields();
  return { errorCode: fErrorCode, errorMessage: fErrorMessage, resourceType: fResourceType, resourceName: fResourceName };
}

export interface AlterConfigsResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The responses for each resource. */
  responses: AlterConfigsResponseAlterConfigsResourceResponse[];
}

export function defaultAlterConfigsResponse(): AlterConfigsResponse {
  return {
    throttleTimeMs: 0,
    responses: [],
  };
}

function writeAlterConfigsResponse(w: Writer, v: AlterConfigsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  if (version >= 2) { w.unsignedVarint(v.responses.length + 1); for (const item of v.responses) { writeAlterConfigsResponseAlterConfigsResourceResponse(w, item, version); } } else { w.int32(v.responses.length); for (const item of v.responses) { writeAlterConfigsResponseAlterConfigsResourceResponse(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readAlterConfigsResponse(r: Reader, version: number): AlterConfigsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fResponses: AlterConfigsResponseAlterConfigsResourceResponse[] = [];
  if (version >= 2) { fResponses = readCompactArray(r, 1, () => readAlterConfigsResponseAlterConfigsResourceResponse(r, version)); } else { fResponses = readArray(r, 1, () => readAlterConfigsResponseAlterConfigsResourceResponse(r, version)); }
  if (version >= 2) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, responses: fResponses };
}

/** The versions of AlterConfigsResponse this codec reads and writes. */
export const alterConfigsResponseVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkAlterConfigsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `AlterConfigsResponse version ${version} is outside 0-2`);
  }
}

export function encodeAlterConfigsResponse(w: Writer, value: AlterConfigsResponse, version: number): void {
  checkAlterConfigsResponseVersion(version);
  writeAlterConfigsResponse(w, value, version);
}

export function decodeAlterConfigsResponse(r: Reader, version: number): AlterConfigsResponse {
  checkAlterConfigsResponseVersion(version);
  return readAlterConfigsResponse(r, version);
}
