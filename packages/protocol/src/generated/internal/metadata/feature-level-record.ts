// Generated from internal/metadata/FeatureLevelRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface FeatureLevelRecord {
  /** The feature name. */
  name: string;
  /** The current finalized feature level of this feature for the cluster, a value of 0 means feature not supported. */
  featureLevel: number;
}

export function defaultFeatureLevelRecord(): FeatureLevelRecord {
  return {
    name: "",
    featureLevel: 0,
  };
}

function writeFeatureLevelRecord(w: Writer, v: FeatureLevelRecord, version: number): void {
  w.compactString(v.name);
  w.int16(v.featureLevel);
  {
    w.unsignedVarint(0);
  }
}

function readFeatureLevelRecord(r: Reader, version: number): FeatureLevelRecord {
  let fName: string = "";
  fName = r.compactString();
  let fFeatureLevel: number = 0;
  fFeatureLevel = r.int16();
  r.taggedFields();
  return { name: fName, featureLevel: fFeatureLevel };
}

/** The record type of FeatureLevelRecord in the metadata log (MetadataRecordSerde's api key). */
export const featureLevelRecordApiKey = 12;

/** The versions of FeatureLevelRecord this codec reads and writes. */
export const featureLevelRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkFeatureLevelRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `FeatureLevelRecord version ${version} is outside 0-0`);
  }
}

export function encodeFeatureLevelRecord(w: Writer, value: FeatureLevelRecord, version: number): void {
  checkFeatureLevelRecordVersion(version);
  writeFeatureLevelRecord(w, value, version);
}

export function decodeFeatureLevelRecord(r: Reader, version: number): FeatureLevelRecord {
  checkFeatureLevelRecordVersion(version);
  return readFeatureLevelRecord(r, version);
}
