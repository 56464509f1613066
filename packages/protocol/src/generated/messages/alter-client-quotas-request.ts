// Generated from AlterClientQuotasRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AlterClientQuotasRequestEntityData {
  /** The entity type. */
  entityType: string;
  /** The name of the entity, or null if the default. */
  entityName: string | null;
}

export function defaultAlterClientQuotasRequestEntityData(): AlterClientQuotasRequestEntityData {
  return {
    entityType: "",
    entityName: "",
  };
}

function writeAlterClientQuotasRequestEntityData(w: Writer, v: AlterClientQuotasRequestEntityData, version: number): void {
  if (version >= 1) { w.compactString(v.entityType); } else { w.string(v.entityType); }
  if (version >= 1) { w.compactNullableString(v.entityName); } else { w.nullableString(v.entityName); }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readAlterClientQuotasRequestEntityData(r: Reader, version: number): AlterClientQuotasRequestEntityData {
  let fEntityType: string = "";
  if (version >= 1) { fEntityType = r.compactString(); } else { fEntityType = r.string(); }
  let fEntityName: string | null = "";
  if (version >= 1) { fEntityName = r.compactNullableString(); } else { fEntityName = r.nullableString(); }
  if (version >= 1) r.taggedFields();
  return { entityType: fEntityType, entityName: fEntityName };
}

export interface AlterClientQuotasRequestOpData {
  /** The quota configuration key. */
  key: string;
  /** The value to set, otherwise ignored if the value is to be removed. */
  value: number;
  /** Whether the quota configuration value should be removed, otherwise set. */
  remove: boolean;
}

export function defaultAlterClientQuotasRequestOpData(): AlterClientQuotasRequestOpData {
  return {
    key: "",
    value: 0,
    remove: false,
  };
}

function writeAlterClientQuotasRequestOpData(w: Writer, v: AlterClientQuotasRequestOpData, version: number): void {
  if (version >= 1) { w.compactString(v.key); } else { w.string(v.key); }
  w.float64(v.value);
  w.bool(v.remove);
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readAlterClientQuotasRequestOpData(r: Reader, version: number): AlterClientQuotasRequestOpData {
  let fKey: string = "";
  if (version >= 1) { fKey = r.compactString(); } else { fKey = r.string(); }
  let fValue: number = 0;
  fValue = r.float64();
  let fRemove: boolean = false;
  fRemove = r.bool();
  if (version >= 1) r.taggedFields();
  return { key: fKey, value: fValue, remove: fRemove };
}

export interface AlterClientQuotasRequestEntryData {
  /** The quota entity to alter. */
  entity: AlterClientQuotasRequestEntityData[];
  /** An individual quota configuration entry to alter. */
  ops: AlterClientQuotasRequestOpData[];
}

export function defaultAlterClientQuotasRequestEntryData(): AlterClientQuotasRequestEntryData {
  return {
    entity: [],
    ops: [],
  };
}

function writeAlterClientQuotasRequestEntryData(w: Writer, v: AlterClientQuotasRequestEntryData, version: number): void {
  if (version >= 1) { w.unsignedVarint(v.entity.length + 1); for (const item of v.entity) { writeAlterClientQuotasRequestEntityData(w, item, version); } } else { w.int32(v.entity.length); for (const item of v.entity) { writeAlterClientQuotasRequestEntityData(w, item, version); } }
  if (version >= 1) { w.unsignedVarint(v.ops.length + 1); for (const item of v.ops) { writeAlterClientQuotasRequestOpData(w, item, version); } } else { w.int32(v.ops.length); for (const item of v.ops) { writeAlterClientQuotasRequestOpData(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readAlterClientQuotasRequestEntryData(r: Reader, version: number): AlterClientQuotasRequestEntryData {
  let fEntity: AlterClientQuotasRequestEntityData[] = [];
  if (version >= 1) { fEntity = readCompactArray(r, 1, () => readAlterClientQuotasRequestEntityData(r, version)); } else { fEntity = readArray(r, 1, () => readAlterClientQuotasRequestEntityData(r, version)); }
  let fOps: AlterClientQuotasRequestOpData[] = [];
  if (version >= 1) { fOps = readCompactArray(r, 1, () => readAlterClientQuotasRequestOpData(r, version)); } else { fOps = readArray(r, 1, () => readAlterClientQuotasRequestOpData(r, version)); }
  if (version >= 1) r.taggedFields();
  return { entity: fEntity, ops: fOps };
}

export interface AlterClientQuotasRequest {
  /** The quota configuration entries to alter. */
  entries: AlterClientQuotasRequestEntryData[];
  /** Whether the alteration should be validated, but not performed. */
  validateOnly: boolean;
}

export function defaultAlterClientQuotasRequest(): AlterClientQuotasRequest {
  return {
    entries: [],
    validateOnly: false,
  };
}

function writeAlterClientQuotasRequest(w: Writer, v: AlterClientQuotasRequest, version: number): void {
  if (version >= 1) { w.unsignedVarint(v.entries.length + 1); for (const item of v.entries) { writeAlterClientQuotasRequestEntryData(w, item, version); } } else { w.int32(v.entries.length); for (const item of v.entries) { writeAlterClientQuotasRequestEntryData(w, item, version); } }
  w.bool(v.validateOnly);
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readAlterClientQuotasRequest(r: Reader, version: number): AlterClientQuotasRequest {
  let fEntries: AlterClientQuotasRequestEntryData[] = [];
  if (version >= 1) { fEntries = readCompactArray(r, 1, () => readAlterClientQuotasRequestEntryData(r, version)); } else { fEntries = readArray(r, 1, () => readAlterClientQuotasRequestEntryData(r, version)); }
  let fValidateOnly: boolean = false;
  fValidateOnly = r.bool();
  if (version >= 1) r.taggedFields();
  return { entries: fEntries, validateOnly: fValidateOnly };
}

/** The versions of AlterClientQuotasRequest this codec reads and writes. */
export const alterClientQuotasRequestVersions = { min: 0, max: 1, firstFlexible: 1 } as const;

function checkAlterClientQuotasRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `AlterClientQuotasRequest version ${version} is outside 0-1`);
  }
}

export function encodeAlterClientQuotasRequest(w: Writer, value: AlterClientQuotasRequest, version: number): void {
  checkAlterClientQuotasRequestVersion(version);
  writeAlterClientQuotasRequest(w, value, version);
}

export function decodeAlterClientQuotasRequest(r: Reader, version: number): AlterClientQuotasRequest {
  checkAlterClientQuotasRequestVersion(version);
  return readAlterClientQuotasRequest(r, version);
}
