// Generated from CreateAclsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface CreateAclsRequestAclCreation {
  /** The type of the resource. */
  resourceType: number;
  /** The resource name for the ACL. */
  resourceName: string;
  /** The pattern type for the ACL. */
  resourcePatternType: number;
  /** The principal for the ACL. */
  principal: string;
  /** The host for the ACL. */
  host: string;
  /** The operation type for the ACL (read, write, etc.). */
  operation: number;
  /** The permission type for the ACL (allow, deny, etc.). */
  permissionType: number;
}

export function defaultCreateAclsRequestAclCreation(): CreateAclsRequestAclCreation {
  return {
    resourceType: 0,
    resourceName: "",
    resourcePatternType: 3,
    principal: "",
    host: "",
    operation: 0,
    permissionType: 0,
  };
}

function writeCreateAclsRequestAclCreation(w: Writer, v: CreateAclsRequestAclCreation, version: number): void {
  w.int8(v.resourceType);
  if (version >= 2) { w.compactString(v.resourceName); } else { w.string(v.resourceName); }
  if (version >= 1) { w.int8(v.resourcePatternType); }
  if (version >= 2) { w.compactString(v.principal); } else { w.string(v.principal); }
  if (version >= 2) { w.compactString(v.host); } else { w.string(v.host); }
  w.int8(v.operation);
  w.int8(v.permissionType);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreateAclsRequestAclCreation(r: Reader, version: number): CreateAclsRequestAclCreation {
  let fResourceType: number = 0;
  fResourceType = r.int8();
  let fResourceName: string = "";
  if (version >= 2) { fResourceName = r.compactString(); } else { fResourceName = r.string(); }
  let fResourcePatternType: number = 3;
  if (version >= 1) { fResourcePatternType = r.int8(); }
  let fPrincipal: string = "";
  if (version >= 2) { fPrincipal = r.compactString(); } else { fPrincipal = r.string(); }
  let fHost: string = "";
  if (version >= 2) { fHost = r.compactString(); } else { fHost = r.string(); }
  let fOperation: number = 0;
  fOperation = r.int8();
  let fPermissionType: number = 0;
  fPermissionType = r.int8();
  if (version >= 2) r.taggedFields();
  return { resourceType: fResourceType, resourceName: fResourceName, resourcePatternType: fResourcePatternType, principal: fPrincipal, host: fHost, operation: fOperation, permissionType: fPermissionType };
}

export interface CreateAclsRequest {
  /** The ACLs that we want to create. */
  creations: CreateAclsRequestAclCreation[];
}

export function defaultCreateAclsRequest(): CreateAclsRequest {
  return {
    creations: [],
  };
}

function writeCreateAclsRequest(w: Writer, v: CreateAclsRequest, version: number): void {
  if (version >= 2) { w.unsignedVarint(v.creations.length + 1); for (const item of v.creations) { writeCreateAclsRequestAclCreation(w, item, version); } } else { w.int32(v.creations.length); for (const item of v.creations) { writeCreateAclsRequestAclCreation(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreateAclsRequest(r: Reader, version: number): CreateAclsRequest {
  let fCreations: CreateAclsRequestAclCreation[] = [];
  if (version >= 2) { fCreations = readCompactArray(r, 1, () => readCreateAclsRequestAclCreation(r, version)); } else { fCreations = readArray(r, 1, () => readCreateAclsRequestAclCreation(r, version)); }
  if (version >= 2) r.taggedFields();
  return { creations: fCreations };
}

/** The versions of CreateAclsRequest this codec reads and writes. */
export const createAclsRequestVersions = { min: 0, max: 3, firstFlexible: 2 } as const;

function checkCreateAclsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `CreateAclsRequest version ${version} is outside 0-3`);
  }
}

export function encodeCreateAclsRequest(w: Writer, value: CreateAclsRequest, version: number): void {
  checkCreateAclsRequestVersion(version);
  writeCreateAclsRequest(w, value, version);
}

export function decodeCreateAclsRequest(r: Reader, version: number): CreateAclsRequest {
  checkCreateAclsRequestVersion(version);
  return readCreateAclsRequest(r, version);
}
