// Generated from ListClientMetricsResourcesResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ListClientMetricsResourcesResponseClientMetricsResource {
  /** The resource name. */
  name: string;
}

export function defaultListClientMetricsResourcesResponseClientMetricsResource(): ListClientMetricsResourcesResponseClientMetricsResource {
  return {
    name: "",
  };
}

function writeListClientMetricsResourcesResponseClientMetricsResource(w: Writer, v: ListClientMetricsResourcesResponseClientMetricsResource, version: number): void {
  w.compactString(v.name);
  {
    w.unsignedVarint(0);
  }
}

function readListClientMetricsResourcesResponseClientMetricsResource(r: Reader, version: number): ListClientMetricsResourcesResponseClientMetricsResource {
  let fName: string = "";
  fName = r.compactString();
  r.taggedFields();
  return { name: fName };
}

export interface ListClientMetricsResourcesResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Each client metrics resource in the response. */
  clientMetricsResources: ListClientMetricsResourcesResponseClientMetricsResource[];
}

export function defaultListClientMetricsResourcesResponse(): ListClientMetricsResourcesResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    clientMetricsResources: [],
  };
}

function writeListClientMetricsResourcesResponse(w: Writer, v: ListClientMetricsResourcesResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.unsignedVarint(v.clientMetricsResources.length + 1); for (const item of v.clientMetricsResources) { writeListClientMetricsResourcesResponseClientMetricsResource(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readListClientMetricsResourcesResponse(r: Reader, version: number): ListClientMetricsResourcesResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fClientMetricsResources: ListClientMetricsResourcesResponseClientMetricsResource[] = [];
  fClientMetricsResources = readCompactArray(r, 1, () => readListClientMetricsResourcesResponseClientMetricsResource(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, clientMetricsResources: fClientMetricsResources };
}

/** The versions of ListClientMetricsResourcesResponse this codec reads and writes. */
export const listClientMetricsResourcesResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkListClientMetricsResourcesResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ListClientMetricsResourcesResponse version ${version} is outside 0-0`);
  }
}

export function encodeListClientMetricsResourcesResponse(w: Writer, value: ListClientMetricsResourcesResponse, version: number): void {
  checkListClientMetricsResourcesResponseVersion(version);
  writeListClientMetricsResourcesResponse(w, value, version);
}

export function decodeListClientMetricsResourcesResponse(r: Reader, version: number): ListClientMetricsResourcesResponse {
  checkListClientMetricsResourcesResponseVersion(version);
  return readListClientMetricsResourcesResponse(r, version);
}
