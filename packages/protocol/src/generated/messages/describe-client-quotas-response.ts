// Generated from DescribeClientQuotasResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readArrayNullable, readCompactArray, readCompactArrayNullable } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeClientQuotasResponseEntityData {
  /** The entity type. */
  entityType: string;
  /** The entity name, or null if the default. */
  entityName: string | null;
}

export function defaultDescribeClientQuotasResponseEntityData(): DescribeClientQuotasResponseEntityData {
  return {
    entityType: "",
    entityName: "",
  };
}

function writeDescribeClientQuotasResponseEntityData(w: Writer, v: DescribeClientQuotasResponseEntityData, version: number): void {
  if (version >= 1) { w.compactString(v.entityType); } else { w.string(v.entityType); }
  if (version >= 1) { w.compactNullableString(v.entityName); } else { w.nullableString(v.entityName); }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readDescribeClientQuotasResponseEntityData(r: Reader, version: number): DescribeClientQuotasResponseEntityData {
  let fEntityType: string = "";
  if (version >= 1) { fEntityType = r.compactString(); } else { fEntityType = r.string(); }
  let fEntityName: string | null = "";
  if (version >= 1) { fEntityName = r.compactNullableString(); } else { fEntityName = r.nullableString(); }
  if (version >= 1) r.taggedFields();
  return { entityType: fEntityType, entityName: fEntityName };
}

export interface DescribeClientQuotasResponseValueData {
  /** The quota configuration key. */
  key: string;
  /** The quota configuration value. */
  value: number;
}

export function defaultDescribeClientQuotasResponseValueData(): DescribeClientQuotasResponseValueData {
  return {
    key: "",
    value: 0,
  };
}

function writeDescribeClientQuotasResponseValueData(w: Writer, v: DescribeClientQuotasResponseValueData, version: number): void {
  if (version >= 1) { w.compactString(v.key); } else { w.string(v.key); }
  w.float64(v.value);
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readDescribeClientQuotasResponseValueData(r: Reader, version: number): DescribeClientQuotasResponseValueData {
  let fKey: string = "";
  if (version >= 1) { fKey = r.compactString(); } else { fKey = r.string(); }
  let fValue: number = 0;
  fValue = r.float64();
  if (version >= 1) r.taggedFields();
  return { key: fKey, value: fValue };
}

export interface DescribeClientQuotasResponseEntryData {
  /** The quota entity description. */
  entity: DescribeClientQuotasResponseEntityData[];
  /** The quota values for the entity. */
  values: DescribeClientQuotasResponseValueData[];
}

export function defaultDescribeClientQuotasResponseEntryData(): DescribeClientQuotasResponseEntryData {
  return {
    entity: [],
    values: [],
  };
}

function writeDescribeClientQuotasResponseEntryData(w: Writer, v: DescribeClientQuotasResponseEntryData, version: number): void {
  if (version >= 1) { w.unsignedVarint(v.entity.length + 1); for (const item of v.entity) { writeDescribeClientQuotasResponseEntityData(w, item, version); } } else { w.int32(v.entity.length); for (const item of v.entity) { writeDescribeClientQuotasResponseEntityData(w, item, version); } }
  if (version >= 1) { w.unsignedVarint(v.values.length + 1); for (const item of v.values) { writeDescribeClientQuotasResponseValueData(w, item, version); } } else { w.int32(v.values.length); for (const item of v.values) { writeDescribeClientQuotasResponseValueData(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readDescribeClientQuotasResponseEntryData(r: Reader, version: number): DescribeClientQuotasResponseEntryData {
  let fEntity: DescribeClientQuotasResponseEntityData[] = [];
  if (version >= 1) { fEntity = readCompactArray(r, 1, () => readDescribeClientQuotasResponseEntityData(r, version)); } else { fEntity = readArray(r, 1, () => readDescribeClientQuotasResponseEntityData(r, version)); }
  let fValues: DescribeClientQuotasResponseValueData[] = [];
  if (version >= 1) { fValues = readCompactArray(r, 1, () => readDescribeClientQuotasResponseValueData(r, version)); } else { fValues = readArray(r, 1, () => readDescribeClientQuotasResponseValueData(r, version)); }
  if (version >= 1) r.taggedFields();
  return { entity: fEntity, values: fValues };
}

export interface DescribeClientQuotasResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or `0` if the quota description succeeded. */
  errorCode: number;
  /** The error message, or `null` if the quota description succeeded. */
  errorMessage: string | null;
  /** A result entry. */
  entries: DescribeClientQuotasResponseEntryData[] | null;
}

export function defaultDescribeClientQuotasResponse(): DescribeClientQuotasResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    entries: [],
  };
}

function writeDescribeClientQuotasResponse(w: Writer, v: DescribeClientQuotasResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  if (version >= 1) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); }
  if (version >= 1) { if (v.entries === null) w.unsignedVarint(0); else { w.unsignedVarint(v.entries.length + 1); for (const item of v.entries) { writeDescribeClientQuotasResponseEntryData(w, item, version); } } } else { if (v.entries === null) w.int32(-1); else { w.int32(v.entries.length); for (const item of v.entries) { writeDescribeClientQuotasResponseEntryData(w, item, version); } } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readDescribeClientQuotasResponse(r: Reader, version: number): DescribeClientQuotasResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  if (version >= 1) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); }
  let fEntries: DescribeClientQuotasResponseEntryData[] | null = [];
  if (version >= 1) { fEntries = readCompactArrayNullable(r, 1, () => readDescribeClientQuotasResponseEntryData(r, version)); } else { fEntries = readArrayNullable(r, 1, () => readDescribeClientQuotasResponseEntryData(r, version)); }
  if (version >= 1) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, entries: fEntries };
}

/** The versions of DescribeClientQuotasResponse this codec reads and writes. */
export const describeClientQuotasResponseVersions = { min: 0, max: 1, firstFlexible: 1 } as const;

function checkDescribeClientQuotasResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `DescribeClientQuotasResponse version ${version} is outside 0-1`);
  }
}

export function encodeDescribeClientQuotasResponse(w: Writer, value: DescribeClientQuotasResponse, version: number): void {
  checkDescribeClientQuotasResponseVersion(version);
  writeDescribeClientQuotasResponse(w, value, version);
}

export function decodeDescribeClientQuotasResponse(r: Reader, version: number): DescribeClientQuotasResponse {
  checkDescribeClientQuotasResponseVersion(version);
  return readDescribeClientQuotasResponse(r, version);
}
