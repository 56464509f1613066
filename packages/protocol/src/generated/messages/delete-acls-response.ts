// Generated from DeleteAclsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DeleteAclsResponseDeleteAclsMatchingAcl {
  /** The deletion error code, or 0 if the deletion succeeded. */
  errorCode: number;
  /** The deletion error message, or null if the deletion succeeded. */
  errorMessage: string | null;
  /** The ACL resource type. */
  resourceType: number;
  /** The ACL resource name. */
  resourceName: string;
  /** The ACL resource pattern type. */
  patternType: number;
  /** The ACL principal. */
  principal: string;
  /** The ACL host. */
  host: string;
  /** The ACL operation. */
  operation: number;
  /** The ACL permission type. */
  permissionType: number;
}

export function defaultDeleteAclsResponseDeleteAclsMatchingAcl(): DeleteAclsResponseDeleteAclsMatchingAcl {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
    patternType: 3,
    principal: "",
    host: "",
    operation: 0,
    permissionType: 0,
  };
}

function writeDeleteAclsResponseDeleteAclsMatchingAcl(w: Writer, v: DeleteAclsResponseDeleteAclsMatchingAcl, version: number): void {
  w.int16(v.errorCode);
  if (version >= 2) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); }
  w.int8(v.resourceType);
  if (version >= 2) { w.compactString(v.resourceName); } else { w.string(v.resourceName); }
  if (version >= 1) { w.int8(v.patternType); }
  if (version >= 2) { w.compactString(v.principal); } else { w.string(v.principal); }
  if (version >= 2) { w.compactString(v.host); } else { w.string(v.host); }
  w.int8(v.operation);
  w.int8(v.permissionType);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteAclsResponseDeleteAclsMatchingAcl(r: Reader, version: number): DeleteAclsResponseDeleteAclsMatchingAcl {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  if (version >= 2) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); }
  let fResourceType: number = 0;
  fResourceType = r.int8();
  let fResourceName: string = "";
  if (version >= 2) { fResourceName = r.compactString(); } else { fResourceName = r.string(); }
  let fPatternType: number = 3;
  if (version >= 1) { fPatternType = r.int8(); }
  let fPrincipal: string = "";
  if (version >= 2) { fPrincipal = r.compactString(); } else { fPrincipal = r.string(); }
  let fHost: string = "";
  if (version >= 2) { fHost = r.compactString(); } else { fHost = r.string(); }
  let fOperation: number = 0;
  fOperation = r.int8();
  let fPermissionType: number = 0;
  fPermissionType = r.int8();
  if (version >= 2) r.taggedFields();
  return { errorCode: fErrorCode, errorMessage: fErrorMessage, resourceType: fResourceType, resourceName: fResourceName, patternType: fPatternType, principal: fPrincipal, host: fHost, operation: fOperation, permissionType: fPermissionType };
}

export interface DeleteAclsResponseDeleteAclsFilterResult {
  /** The error code, or 0 if the filter succeeded. */
  errorCode: number;
  /** The error message, or null if the filter succeeded. */
  errorMessage: string | null;
  /** The ACLs which matched this filter. */
  matchingAcls: DeleteAclsResponseDeleteAclsMatchingAcl[];
}

export function defaultDeleteAclsResponseDeleteAclsFilterResult(): DeleteAclsResponseDeleteAclsFilterResult {
  return {
    errorCode: 0,
    errorMessage: "",
    matchingAcls: [],
  };
}

function writeDeleteAclsResponseDeleteAclsFilterResult(w: Writer, v: DeleteAclsResponseDeleteAclsFilterResult, version: number): void {
  w.int16(v.errorCode);
  if (version >= 2) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); }
  if (version >= 2) { w.unsignedVarint(v.matchingAcls.length + 1); for (const item of v.matchingAcls) { writeDeleteAclsResponseDeleteAclsMatchingAcl(w, item, version); } } else { w.int32(v.matchingAcls.length); for (const item of v.matchingAcls) { writeDeleteAclsResponseDeleteAclsMatchingAcl(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteAclsResponseDeleteAclsFilterResult(r: Reader, version: number): DeleteAclsResponseDeleteAclsFilterResult {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  if (version >= 2) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); }
  let fMatchingAcls: DeleteAclsResponseDeleteAclsMatchingAcl[] = [];
  if (version >= 2) { fMatchingAcls = readCompactArray(r, 1, () => readDeleteAclsResponseDeleteAclsMatchingAcl(r, version)); } else { fMatchingAcls = readArray(r, 1, () => readDeleteAclsResponseDeleteAclsMatchingAcl(r, version)); }
  if (version >= 2) r.taggedFields();
  return { errorCode: fErrorCode, errorMessage: fErrorMessage, matchingAcls: fMatchingAcls };
}

export interface DeleteAclsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The results for each filter. */
  filterResults: DeleteAclsResponseDeleteAclsFilterResult[];
}

export function defaultDeleteAclsResponse(): DeleteAclsResponse {
  return {
    throttleTimeMs: 0,
    filterResults: [],
  };
}

function writeDeleteAclsResponse(w: Writer, v: DeleteAclsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  if (version >= 2) { w.unsignedVarint(v.filterResults.length + 1); for (const item of v.filterResults) { writeDeleteAclsResponseDeleteAclsFilterResult(w, item, version); } } else { w.int32(v.filterResults.length); for (const item of v.filterResults) { writeDeleteAclsResponseDeleteAclsFilterResult(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteAclsResponse(r: Reader, version: number): DeleteAclsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fFilterResults: DeleteAclsResponseDeleteAclsFilterResult[] = [];
  if (version >= 2) { fFilterResults = readCompactArray(r, 1, () => readDeleteAclsResponseDeleteAclsFilterResult(r, version)); } else { fFilterResults = readArray(r, 1, () => readDeleteAclsResponseDeleteAclsFilterResult(r, version)); }
  if (version >= 2) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, filterResults: fFilterResults };
}

/** The versions of DeleteAclsResponse this codec reads and writes. */
export const deleteAclsResponseVersions = { min: 0, max: 3, firstFlexible: 2 } as const;

function checkDeleteAclsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `DeleteAclsResponse version ${version} is outside 0-3`);
  }
}

export function encodeDeleteAclsResponse(w: Writer, value: DeleteAclsResponse, version: number): void {
  checkDeleteAclsResponseVersion(version);
  writeDeleteAclsResponse(w, value, version);
}

export function decodeDeleteAclsResponse(r: Reader, version: number): DeleteAclsResponse {
  checkDeleteAclsResponseVersion(version);
  return readDeleteAclsResponse(r, version);
}
