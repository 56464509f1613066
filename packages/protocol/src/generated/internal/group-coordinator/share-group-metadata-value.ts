// Generated from internal/group-coordinator/ShareGroupMetadataValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ShareGroupMetadataValue {
  /** The group epoch. */
  epoch: number;
}

export function defaultShareGroupMetadataValue(): ShareGroupMetadataValue {
  return {
    epoch: 0,
  };
}

function writeShareGroupMetadataValue(w: Writer, v: ShareGroupMetadataValue, version: number): void {
  w.int32(v.epoch);
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupMetadataValue(r: Reader, version: number): ShareGroupMetadataValue {
  let fEpoch: number = 0;
  fEpoch = r.int32();
  r.taggedFields();
  return { epoch: fEpoch };
}

/** The versions of ShareGroupMetadataValue this codec reads and writes. */
export const shareGroupMetadataValueVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkShareGroupMetadataValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ShareGroupMetadataValue version ${version} is outside 0-0`);
  }
}

export function encodeShareGroupMetadataValue(w: Writer, value: ShareGroupMetadataValue, version: number): void {
  checkShareGroupMetadataValueVersion(version);
  writeShareGroupMetadataValue(w, value, version);
}

export function decodeShareGroupMetadataValue(r: Reader, version: number): ShareGroupMetadataValue {
  checkShareGroupMetadataValueVersion(version);
  return readShareGroupMetadataValue(r, version);
}
