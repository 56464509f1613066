// Generated from internal/group-coordinator/OffsetCommitValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface OffsetCommitValue {
  offset: bigint;
  leaderEpoch: number;
  metadata: string;
  commitTimestamp: bigint;
  expireTimestamp: bigint;
}

export function defaultOffsetCommitValue(): OffsetCommitValue {
  return {
    offset: 0n,
    leaderEpoch: -1,
    metadata: "",
    commitTimestamp: 0n,
    expireTimestamp: -1n,
  };
}

function writeOffsetCommitValue(w: Writer, v: OffsetCommitValue, version: number): void {
  w.int64(v.offset);
  if (version >= 3) { w.int32(v.leaderEpoch); }
  if (version >= 4) { w.compactString(v.metadata); } else { w.string(v.metadata); }
  w.int64(v.commitTimestamp);
  if (version >= 1 && version <= 1) { w.int64(v.expireTimestamp); }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readOffsetCommitValue(r: Reader, version: number): OffsetCommitValue {
  let fOffset: bigint = 0n;
  fOffset = r.int64();
  let fLeaderEpoch: number = -1;
  if (version >= 3) { fLeaderEpoch = r.int32(); }
  let fMetadata: string = "";
  if (version >= 4) { fMetadata = r.compactString(); } else { fMetadata = r.string(); }
  let fCommitTimestamp: bigint = 0n;
  fCommitTimestamp = r.int64();
  let fExpireTimestamp: bigint = -1n;
  if (version >= 1 && version <= 1) { fExpireTimestamp = r.int64(); }
  if (version >= 4) r.taggedFields();
  return { offset: fOffset, leaderEpoch: fLeaderEpoch, metadata: fMetadata, commitTimestamp: fCommitTimestamp, expireTimestamp: fExpireTimestamp };
}

/** The versions of OffsetCommitValue this codec reads and writes. */
export const offsetCommitValueVersions = { min: 0, max: 4, firstFlexible: 4 } as const;

function checkOffsetCommitValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `OffsetCommitValue version ${version} is outside 0-4`);
  }
}

export function encodeOffsetCommitValue(w: Writer, value: OffsetCommitValue, version: number): void {
  checkOffsetCommitValueVersion(version);
  writeOffsetCommitValue(w, value, version);
}

export function decodeOffsetCommitValue(r: Reader, version: number): OffsetCommitValue {
  checkOffsetCommitValueVersion(version);
  return readOffsetCommitValue(r, version);
}
