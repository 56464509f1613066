// Generated from internal/group-coordinator/OffsetCommitKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface OffsetCommitKey {
  group: string;
  topic: string;
  partition: number;
}

export function defaultOffsetCommitKey(): OffsetCommitKey {
  return {
    group: "",
    topic: "",
    partition: 0,
  };
}

function writeOffsetCommitKey(w: Writer, v: OffsetCommitKey, version: number): void {
  w.string(v.group);
  w.string(v.topic);
  w.int32(v.partition);
}

function readOffsetCommitKey(r: Reader, version: number): OffsetCommitKey {
  let fGroup: string = "";
  fGroup = r.string();
  let fTopic: string = "";
  fTopic = r.string();
  let fPartition: number = 0;
  fPartition = r.int32();
  return { group: fGroup, topic: fTopic, partition: fPartition };
}

/** The versions of OffsetCommitKey this codec reads and writes. */
export const offsetCommitKeyVersions = { min: 0, max: 1 } as const;

function checkOffsetCommitKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `OffsetCommitKey version ${version} is outside 0-1`);
  }
}

export function encodeOffsetCommitKey(w: Writer, value: OffsetCommitKey, version: number): void {
  checkOffsetCommitKeyVersion(version);
  writeOffsetCommitKey(w, value, version);
}

export function decodeOffsetCommitKey(r: Reader, version: number): OffsetCommitKey {
  checkOffsetCommitKeyVersion(version);
  return readOffsetCommitKey(r, version);
}
