// Generated from AlterClientQuotasResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AlterClientQuotasResponseEntityData {
  /** The entity type. */
  entityType: string;
  /** The name of the entity, or null if the default. */
  entityName: string | null;
}

export function defaultAlterClientQuotasResponseEntityData(): AlterClientQuotasResponseEntityData {
  return {
    entityType: "",
    entityName: "",
  };
}

function writeAlterClientQuotasResponseEntityData(w: Writer, v: AlterClientQuotasResponseEntityData, version: number): void {
  if (version >= 1) { w.compactString(v.entityType); } else { w.string(v.entityType); }
  if (version >= 1) { w.compactNullableString(v.entityName); } else { w.nullableString(v.entityName); }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readAlterClientQuotasResponseEntityData(r: Reader, version: number): AlterClientQuotasResponseEntityData {
  let fEntityType: string = "";
  if (version >= 1) { fEntityType = r.compactString(); } else { fEntityType = r.string(); }
  let fEntityName: string | null = "";
  if (version >= 1) { fEntityName = r.compactNullableString(); } else { fEntityName = r.nullableString(); }
  if (version >= 1) r.taggedFields();
  return { entityType: fEntityType, entityName: fEntityName };
}

export interface AlterClientQuotasResponseEntryData {
  /** The error code, or `0` if the quota alteration succeeded. */
  errorCode: number;
  /** The error message, or `null` if the quota alteration succeeded. */
  errorMessage: string | null;
  /** The quota entity to alter. */
  entity: AlterClientQuotasResponseEntityData[];
}

export function defaultAlterClientQuotasResponseEntryData(): AlterClientQuotasResponseEntryData {
  return {
    errorCode: 0,
    errorMessage: "",
    entity: [],
  };
}

function writeAlterClientQuotasResponseEntryData(w: Writer, v: AlterClientQuotasResponseEntryData, version: number): void {
  w.int16(v.errorCode);
  if (version >= 1) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); }
  if (version >= 1) { w.unsignedVarint(v.entity.length + 1); for (const item of v.entity) { writeAlterClientQuotasResponseEntityData(w, item, version); } } else { w.int32(v.entity.length); for (const item of v.entity) { writeAlterClientQuotasResponseEntityData(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readAlterClientQuotasResponseEntryData(r: Reader, version: number): AlterClientQuotasResponseEntryData {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  if (version >= 1) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); }
  let fEntity: AlterClientQuotasResponseEntityData[] = [];
  if (version >= 1) { fEntity = readCompactArray(r, 1, () => readAlterClientQuotasResponseEntityData(r, version)); } else { fEntity = readArray(r, 1, () => readAlterClientQuotasResponseEntityData(r, version)); }
  if (version >= 1) r.taggedFields();
  return { errorCode: fErrorCode, errorMessage: fErrorMessage, entity: fEntity };
}

export interface AlterClientQuotasResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The quota configuration entries to alter. */
  entries: AlterClientQuotasResponseEntryData[];
}

export function defaultAlterClientQuotasResponse(): AlterClientQuotasResponse {
  return {
    throttleTimeMs: 0,
    entries: [],
  };
}

function writeAlterClientQuotasResponse(w: Writer, v: AlterClientQuotasResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  if (version >= 1) { w.unsignedVarint(v.entries.length + 1); for (const item of v.entries) { writeAlterClientQuotasResponseEntryData(w, item, version); } } else { w.int32(v.entries.length); for (const item of v.entries) { writeAlterClientQuotasResponseEntryData(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readAlterClientQuotasResponse(r: Reader, version: number): AlterClientQuotasResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fEntries: AlterClientQuotasResponseEntryData[] = [];
  if (version >= 1) { fEntries = readCompactArray(r, 1, () => readAlterClientQuotasResponseEntryData(r, version)); } else { fEntries = readArray(r, 1, () => readAlterClientQuotasResponseEntryData(r, version)); }
  if (version >= 1) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, entries: fEntries };
}

/** The versions of AlterClientQuotasResponse this codec reads and writes. */
export const alterClientQuotasResponseVersions = { min: 0, max: 1, firstFlexible: 1 } as const;

function checkAlterClientQuotasResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `AlterClientQuotasResponse version ${version} is outside 0-1`);
  }
}

export function encodeAlterClientQuotasResponse(w: Writer, value: AlterClientQuotasResponse, version: number): void {
  checkAlterClientQuotasResponseVersion(version);
  writeAlterClientQuotasResponse(w, value, version);
}

export function decodeAlterClientQuotasResponse(r: Reader, version: number): AlterClientQuotasResponse {
  checkAlterClientQuotasResponseVersion(version);
  return readAlterClientQuotasResponse(r, version);
}
