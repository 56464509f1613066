// Generated from internal/metadata/ConfigRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ConfigRecord {
  /** The type of resource this configuration applies to. */
  resourceType: number;
  /** The name of the resource this configuration applies to. */
  resourceName: string;
  /** The name of the configuration key. */
  name: string;
  /** The value of the configuration, or null if the it should be deleted. */
  value: string | null;
}

export function defaultConfigRecord(): ConfigRecord {
  return {
    resourceType: 0,
    resourceName: "",
    name: "",
    value: "",
  };
}

function writeConfigRecord(w: Writer, v: ConfigRecord, version: number): void {
  w.int8(v.resourceType);
  w.compactString(v.resourceName);
  w.compactString(v.name);
  w.compactNullableString(v.value);
  {
    w.unsignedVarint(0);
  }
}

function readConfigRecord(r: Reader, version: number): ConfigRecord {
  let fResourceType: number = 0;
  fResourceType = r.int8();
  let fResourceName: string = "";
  fResourceName = r.compactString();
  let fName: string = "";
  fName = r.compactString();
  let fValue: string | null = "";
  fValue = r.compactNullableString();
  r.taggedFields();
  return { resourceType: fResourceType, resourceName: fResourceName, name: fName, value: fValue };
}

/** The record type of ConfigRecord in the metadata log (MetadataRecordSerde's api key). */
export const configRecordApiKey = 4;

/** The versions of ConfigRecord this codec reads and writes. */
export const configRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkConfigRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ConfigRecord version ${version} is outside 0-0`);
  }
}

export function encodeConfigRecord(w: Writer, value: ConfigRecord, version: number): void {
  checkConfigRecordVersion(version);
  writeConfigRecord(w, value, version);
}

export function decodeConfigRecord(r: Reader, version: number): ConfigRecord {
  checkConfigRecordVersion(version);
  return readConfigRecord(r, version);
}
