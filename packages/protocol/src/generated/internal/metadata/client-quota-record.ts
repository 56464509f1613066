// Generated from internal/metadata/ClientQuotaRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ClientQuotaRecordEntityData {
  /** The entity type. */
  entityType: string;
  /** The name of the entity, or null if the default. */
  entityName: string | null;
}

export function defaultClientQuotaRecordEntityData(): ClientQuotaRecordEntityData {
  return {
    entityType: "",
    entityName: "",
  };
}

function writeClientQuotaRecordEntityData(w: Writer, v: ClientQuotaRecordEntityData, version: number): void {
  w.compactString(v.entityType);
  w.compactNullableString(v.entityName);
  {
    w.unsignedVarint(0);
  }
}

function readClientQuotaRecordEntityData(r: Reader, version: number): ClientQuotaRecordEntityData {
  let fEntityType: string = "";
  fEntityType = r.compactString();
  let fEntityName: string | null = "";
  fEntityName = r.compactNullableString();
  r.taggedFields();
  return { entityType: fEntityType, entityName: fEntityName };
}

export interface ClientQuotaRecord {
  /** The quota entity to alter. */
  entity: ClientQuotaRecordEntityData[];
  /** The quota configuration key. */
  key: string;
  /** The value to set, otherwise ignored if the value is to be removed. */
  value: number;
  /** Whether the quota configuration value should be removed, otherwise set. */
  remove: boolean;
}

export function defaultClientQuotaRecord(): ClientQuotaRecord {
  return {
    entity: [],
    key: "",
    value: 0,
    remove: false,
  };
}

function writeClientQuotaRecord(w: Writer, v: ClientQuotaRecord, version: number): void {
  w.unsignedVarint(v.entity.length + 1); for (const item of v.entity) { writeClientQuotaRecordEntityData(w, item, version); }
  w.compactString(v.key);
  w.float64(v.value);
  w.bool(v.remove);
  {
    w.unsignedVarint(0);
  }
}

function readClientQuotaRecord(r: Reader, version: number): ClientQuotaRecord {
  let fEntity: ClientQuotaRecordEntityData[] = [];
  fEntity = readCompactArray(r, 1, () => readClientQuotaRecordEntityData(r, version));
  let fKey: string = "";
  fKey = r.compactString();
  let fValue: number = 0;
  fValue = r.float64();
  let fRemove: boolean = false;
  fRemove = r.bool();
  r.taggedFields();
  return { entity: fEntity, key: fKey, value: fValue, remove: fRemove };
}

/** The record type of ClientQuotaRecord in the metadata log (MetadataRecordSerde's api key). */
export const clientQuotaRecordApiKey = 14;

/** The versions of ClientQuotaRecord this codec reads and writes. */
export const clientQuotaRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkClientQuotaRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ClientQuotaRecord version ${version} is outside 0-0`);
  }
}

export function encodeClientQuotaRecord(w: Writer, value: ClientQuotaRecord, version: number): void {
  checkClientQuotaRecordVersion(version);
  writeClientQuotaRecord(w, value, version);
}

export function decodeClientQuotaRecord(r: Reader, version: number): ClientQuotaRecord {
  checkClientQuotaRecordVersion(version);
  return readClientQuotaRecord(r, version);
}
