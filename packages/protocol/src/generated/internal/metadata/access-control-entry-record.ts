// Generated from internal/metadata/AccessControlEntryRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface AccessControlEntryRecord {
  /** The unique ID of this ACL. */
  id: string;
  /** The resource type. */
  resourceType: number;
  /** The resource name. */
  resourceName: string;
  /** The resource name pattern type. */
  patternType: number;
  /** The principal name. */
  principal: string;
  /** The host name. */
  host: string;
  /** The AclOperation. */
  operation: number;
  /** The AclPermissionType. */
  permissionType: number;
}

export function defaultAccessControlEntryRecord(): AccessControlEntryRecord {
  return {
    id: "AAAAAAAAAAAAAAAAAAAAAA",
    resourceType: 0,
    resourceName: "",
    patternType: 0,
    principal: "",
    host: "",
    operation: 0,
    permissionType: 0,
  };
}

function writeAccessControlEntryRecord(w: Writer, v: AccessControlEntryRecord, version: number): void {
  w.uuid(v.id);
  w.int8(v.resourceType);
  w.compactString(v.resourceName);
  w.int8(v.patternType);
  w.compactString(v.principal);
  w.compactString(v.host);
  w.int8(v.operation);
  w.int8(v.permissionType);
  {
    w.unsignedVarint(0);
  }
}

function readAccessControlEntryRecord(r: Reader, version: number): AccessControlEntryRecord {
  let fId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fId = r.uuid();
  let fResourceType: number = 0;
  fResourceType = r.int8();
  let fResourceName: string = "";
  fResourceName = r.compactString();
  let fPatternType: number = 0;
  fPatternType = r.int8();
  let fPrincipal: string = "";
  fPrincipal = r.compactString();
  let fHost: string = "";
  fHost = r.compactString();
  let fOperation: number = 0;
  fOperation = r.int8();
  let fPermissionType: number = 0;
  fPermissionType = r.int8();
  r.taggedFields();
  return { id: fId, resourceType: fResourceType, resourceName: fResourceName, patternType: fPatternType, principal: fPrincipal, host: fHost, operation: fOperation, permissionType: fPermissionType };
}

/** The record type of AccessControlEntryRecord in the metadata log (MetadataRecordSerde's api key). */
export const accessControlEntryRecordApiKey = 18;

/** The versions of AccessControlEntryRecord this codec reads and writes. */
export const accessControlEntryRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkAccessControlEntryRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `AccessControlEntryRecord version ${version} is outside 0-0`);
  }
}

export function encodeAccessControlEntryRecord(w: Writer, value: AccessControlEntryRecord, version: number): void {
  checkAccessControlEntryRecordVersion(version);
  writeAccessControlEntryRecord(w, value, version);
}

export function decodeAccessControlEntryRecord(r: Reader, version: number): AccessControlEntryRecord {
  checkAccessControlEntryRecordVersion(version);
  return readAccessControlEntryRecord(r, version);
}
