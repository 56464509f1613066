// Generated from DescribeAclsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeAclsRequest {
  /** The resource type. */
  resourceTypeFilter: number;
  /** The resource name, or null to match any resource name. */
  resourceNameFilter: string | null;
  /** The resource pattern to match. */
  patternTypeFilter: number;
  /** The principal to match, or null to match any principal. */
  principalFilter: string | null;
  /** The host to match, or null to match any host. */
  hostFilter: string | null;
  /** The operation to match. */
  operation: number;
  /** The permission type to match. */
  permissionType: number;
}

export function defaultDescribeAclsRequest(): DescribeAclsRequest {
  return {
    resourceTypeFilter: 0,
    resourceNameFilter: "",
    patternTypeFilter: 3,
    principalFilter: "",
    hostFilter: "",
    operation: 0,
    permissionType: 0,
  };
}

function writeDescribeAclsRequest(w: Writer, v: DescribeAclsRequest, version: number): void {
  w.int8(v.resourceTypeFilter);
  if (version >= 2) { w.compactNullableString(v.resourceNameFilter); } else { w.nullableString(v.resourceNameFilter); }
  if (version >= 1) { w.int8(v.patternTypeFilter); }
  if (version >= 2) { w.compactNullableString(v.principalFilter); } else { w.nullableString(v.principalFilter); }
  if (version >= 2) { w.compactNullableString(v.hostFilter); } else { w.nullableString(v.hostFilter); }
  w.int8(v.operation);
  w.int8(v.permissionType);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeAclsRequest(r: Reader, version: number): DescribeAclsRequest {
  let fResourceTypeFilter: number = 0;
  fResourceTypeFilter = r.int8();
  let fResourceNameFilter: string | null = "";
  if (version >= 2) { fResourceNameFilter = r.compactNullableString(); } else { fResourceNameFilter = r.nullableString(); }
  let fPatternTypeFilter: number = 3;
  if (version >= 1) { fPatternTypeFilter = r.int8(); }
  let fPrincipalFilter: string | null = "";
  if (version >= 2) { fPrincipalFilter = r.compactNullableString(); } else { fPrincipalFilter = r.nullableString(); }
  let fHostFilter: string | null = "";
  if (version >= 2) { fHostFilter = r.compactNullableString(); } else { fHostFilter = r.nullableString(); }
  let fOperation: number = 0;
  fOperation = r.int8();
  let fPermissionType: number = 0;
  fPermissionType = r.int8();
  if (version >= 2) r.taggedFields();
  return { resourceTypeFilter: fResourceTypeFilter, resourceNameFilter: fResourceNameFilter, patternTypeFilter: fPatternTypeFilter, principalFilter: fPrincipalFilter, hostFilter: fHostFilter, operation: fOperation, permissionType: fPermissionType };
}

/** The versions of DescribeAclsRequest this codec reads and writes. */
export const describeAclsRequestVersions = { min: 0, max: 3, firstFlexible: 2 } as const;

function checkDescribeAclsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `DescribeAclsRequest version ${version} is outside 0-3`);
  }
}

export function encodeDescribeAclsRequest(w: Writer, value: DescribeAclsRequest, version: number): void {
  checkDescribeAclsRequestVersion(version);
  writeDescribeAclsRequest(w, value, version);
}

export function decodeDescribeAclsRequest(r: Reader, version: number): DescribeAclsRequest {
  checkDescribeAclsRequestVersion(version);
  return readDescribeAclsRequest(r, version);
}
