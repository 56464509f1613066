// Generated from DeleteAclsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DeleteAclsRequestDeleteAclsFilter {
  /** The resource type. */
  resourceTypeFilter: number;
  /** The resource name. */
  resourceNameFilter: string | null;
  /** The pattern type. */
  patternTypeFilter: number;
  /** The principal filter, or null to accept all principals. */
  principalFilter: string | null;
  /** The host filter, or null to accept all hosts. */
  hostFilter: string | null;
  /** The ACL operation. */
  operation: number;
  /** The permission type. */
  permissionType: number;
}

export function defaultDeleteAclsRequestDeleteAclsFilter(): DeleteAclsRequestDeleteAclsFilter {
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

function writeDeleteAclsRequestDeleteAclsFilter(w: Writer, v: DeleteAclsRequestDeleteAclsFilter, version: number): void {
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

function readDeleteAclsRequestDeleteAclsFilter(r: Reader, version: number): DeleteAclsRequestDeleteAclsFilter {
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

export interface DeleteAclsRequest {
  /** The filters to use when deleting ACLs. */
  filters: DeleteAclsRequestDeleteAclsFilter[];
}

export function defaultDeleteAclsRequest(): DeleteAclsRequest {
  return {
    filters: [],
  };
}

function writeDeleteAclsRequest(w: Writer, v: DeleteAclsRequest, version: number): void {
  if (version >= 2) { w.unsignedVarint(v.filters.length + 1); for (const item of v.filters) { writeDeleteAclsRequestDeleteAclsFilter(w, item, version); } } else { w.int32(v.filters.length); for (const item of v.filters) { writeDeleteAclsRequestDeleteAclsFilter(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteAclsRequest(r: Reader, version: number): DeleteAclsRequest {
  let fFilters: DeleteAclsRequestDeleteAclsFilter[] = [];
  if (version >= 2) { fFilters = readCompactArray(r, 1, () => readDeleteAclsRequestDeleteAclsFilter(r, version)); } else { fFilters = readArray(r, 1, () => readDeleteAclsRequestDeleteAclsFilter(r, version)); }
  if (version >= 2) r.taggedFields();
  return { filters: fFilters };
}

/** The versions of DeleteAclsRequest this codec reads and writes. */
export const deleteAclsRequestVersions = { min: 0, max: 3, firstFlexible: 2 } as const;

function checkDeleteAclsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `DeleteAclsRequest version ${version} is outside 0-3`);
  }
}

export function encodeDeleteAclsRequest(w: Writer, value: DeleteAclsRequest, version: number): void {
  checkDeleteAclsRequestVersion(version);
  writeDeleteAclsRequest(w, value, version);
}

export function decodeDeleteAclsRequest(r: Reader, version: number): DeleteAclsRequest {
  checkDeleteAclsRequestVersion(version);
  return readDeleteAclsRequest(r, version);
}
