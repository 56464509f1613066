// Generated from internal/group-coordinator/ShareGroupTargetAssignmentMetadataValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ShareGroupTargetAssignmentMetadataValue {
  /** The assignment epoch. */
  assignmentEpoch: number;
}

export function defaultShareGroupTargetAssignmentMetadataValue(): ShareGroupTargetAssignmentMetadataValue {
  return {
    assignmentEpoch: 0,
  };
}

function writeShareGroupTargetAssignmentMetadataValue(w: Writer, v: ShareGroupTargetAssignmentMetadataValue, version: number): void {
  w.int32(v.assignmentEpoch);
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupTargetAssignmentMetadataValue(r: Reader, version: number): ShareGroupTargetAssignmentMetadataValue {
  let fAssignmentEpoch: number = 0;
  fAssignmentEpoch = r.int32();
  r.taggedFields();
  return { assignmentEpoch: fAssignmentEpoch };
}

/** The versions of ShareGroupTargetAssignmentMetadataValue this codec reads and writes. */
export const shareGroupTargetAssignmentMetadataValueVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkShareGroupTargetAssignmentMetadataValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ShareGroupTargetAssignmentMetadataValue version ${version} is outside 0-0`);
  }
}

export function encodeShareGroupTargetAssignmentMetadataValue(w: Writer, value: ShareGroupTargetAssignmentMetadataValue, version: number): void {
  checkShareGroupTargetAssignmentMetadataValueVersion(version);
  writeShareGroupTargetAssignmentMetadataValue(w, value, version);
}

export function decodeShareGroupTargetAssignmentMetadataValue(r: Reader, version: number): ShareGroupTargetAssignmentMetadataValue {
  checkShareGroupTargetAssignmentMetadataValueVersion(version);
  return readShareGroupTargetAssignmentMetadataValue(r, version);
}
