// Generated from DescribeAclsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeAclsResponseAclDescription {
  /** The ACL principal. */
  principal: string;
  /** The ACL host. */
  host: string;
  /** The ACL operation. */
  operation: number;
  /** The ACL permission type. */
  permissionType: number;
}

export function defaultDescribeAclsResponseAclDescription(): DescribeAclsResponseAclDescription {
  return {
    principal: "",
    host: "",
    operation: 0,
    permissionType: 0,
  };
}

function writeDescribeAclsResponseAclDescription(w: Writer, v: DescribeAclsResponseAclDescription, version: number): void {
  if (version >= 2) { w.compactString(v.principal); } else { w.string(v.principal); }
  if (version >= 2) { w.compactString(v.host); } else { w.string(v.host); }
  w.int8(v.operation);
  w.int8(v.permissionType);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeAclsResponseAclDescription(r: Reader, version: number): DescribeAclsResponseAclDescription {
  let fPrincipal: string = "";
  if (version >= 2) { fPrincipal = r.compactString(); } else { fPrincipal = r.string(); }
  let fHost: string = "";
  if (version >= 2) { fHost = r.compactString(); } else { fHost = r.string(); }
  let fOperation: number = 0;
  fOperation = r.int8();
  let fPermissionType: number = 0;
  fPermissionType = r.int8();
  if (version >= 2) r.taggedFields();
  return { principal: fPrincipal, host: fHost, operation: fOperation, permissionType: fPermissionType };
}

export interface DescribeAclsResponseDescribeAclsResource {
  /** The resource type. */
  resourceType: number;
  /** The resource name. */
  resourceName: string;
  /** The resource pattern type. */
  patternType: number;
  /** The ACLs. */
  acls: DescribeAclsResponseAclDescription[];
}

export function defaultDescribeAclsResponseDescribeAclsResource(): DescribeAclsResponseDescribeAclsResource {
  return {
    resourceType: 0,
    resourceName: "",
    patternType: 3,
    acls: [],
  };
}

function writeDescribeAclsResponseDescribeAclsResource(w: Writer, v: DescribeAclsResponseDescribeAclsResource, version: number): void {
  w.int8(v.resourceType);
  if (version >= 2) { w.compactString(v.resourceName); } else { w.string(v.resourceName); }
  if (version >= 1) { w.int8(v.patternType); }
  if (version >= 2) { w.unsignedVarint(v.acls.length + 1); for (const item of v.acls) { writeDescribeAclsResponseAclDescription(w, item, version); } } else { w.int32(v.acls.length); for (const item of v.acls) { writeDescribeAclsResponseAclDescription(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeAclsResponseDescribeAclsResource(r: Reader, version: number): DescribeAclsResponseDescribeAclsResource {
  let fResourceType: number = 0;
  fResourceType = r.int8();
  let fResourceName: string = "";
  if (version >= 2) { fResourceName = r.compactString(); } else { fResourceName = r.string(); }
  let fPatternType: number = 3;
  if (version >= 1) { fPatternType = r.int8(); }
  let fAcls: DescribeAclsResponseAclDescription[] = [];
  if (version >= 2) { fAcls = readCompactArray(r, 1, () => readDescribeAclsResponseAclDescription(r, version)); } else { fAcls = readArray(r, 1, () => readDescribeAclsResponseAclDescription(r, version)); }
  if (version >= 2) r.taggedFields();
  return { resourceType: fResourceType, resourceName: fResourceName, patternType: fPatternType, acls: fAcls };
}

export interface DescribeAclsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
  /** Each Resource that is referenced in an ACL. */
  resources: DescribeAclsResponseDescribeAclsResource[];
}

export function defaultDescribeAclsResponse(): DescribeAclsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    resources: [],
  };
}

function writeDescribeAclsResponse(w: Writer, v: DescribeAclsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  if (version >= 2) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); }
  if (version >= 2) { w.unsignedVarint(v.resources.length + 1); for (const item of v.resources) { writeDescribeAclsResponseDescribeAclsResource(w, item, version); } } else { w.int32(v.resources.length); for (const item of v.resources) { writeDescribeAclsResponseDescribeAclsResource(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeAclsResponse(r: Reader, version: number): DescribeAclsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  if (version >= 2) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); }
  let fResources: DescribeAclsResponseDescribeAclsResource[] = [];
  if (version >= 2) { fResources = readCompactArray(r, 1, () => readDescribeAclsResponseDescribeAclsResource(r, version)); } else { fResources = readArray(r, 1, () => readDescribeAclsResponseDescribeAclsResource(r, version)); }
  if (version >= 2) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, resources: fResources };
}

/** The versions of DescribeAclsResponse this codec reads and writes. */
export const describeAclsResponseVersions = { min: 0, max: 3, firstFlexible: 2 } as const;

function checkDescribeAclsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `DescribeAclsResponse version ${version} is outside 0-3`);
  }
}

export function encodeDescribeAclsResponse(w: Writer, value: DescribeAclsResponse, version: number): void {
  checkDescribeAclsResponseVersion(version);
  writeDescribeAclsResponse(w, value, version);
}

export function decodeDescribeAclsResponse(r: Reader, version: number): DescribeAclsResponse {
  checkDescribeAclsResponseVersion(version);
  return readDescribeAclsResponse(r, version);
}
