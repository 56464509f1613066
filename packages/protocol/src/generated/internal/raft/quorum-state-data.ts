// Generated from internal/raft/QuorumStateData.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArrayNullable } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface QuorumStateDataVoter {
  voterId: number;
}

export function defaultQuorumStateDataVoter(): QuorumStateDataVoter {
  return {
    voterId: 0,
  };
}

function writeQuorumStateDataVoter(w: Writer, v: QuorumStateDataVoter, version: number): void {
  if (version <= 0) { w.int32(v.voterId); }
  {
    w.unsignedVarint(0);
  }
}

function readQuorumStateDataVoter(r: Reader, version: number): QuorumStateDataVoter {
  let fVoterId: number = 0;
  if (version <= 0) { fVoterId = r.int32(); }
  r.taggedFields();
  return { voterId: fVoterId };
}

export interface QuorumStateData {
  clusterId: string;
  leaderId: number;
  leaderEpoch: number;
  votedId: number;
  votedDirectoryId: string;
  appliedOffset: bigint;
  currentVoters: QuorumStateDataVoter[] | null;
}

export function defaultQuorumStateData(): QuorumStateData {
  return {
    clusterId: "",
    leaderId: -1,
    leaderEpoch: -1,
    votedId: -1,
    votedDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    appliedOffset: 0n,
    currentVoters: [],
  };
}

function writeQuorumStateData(w: Writer, v: QuorumStateData, version: number): void {
  if (version <= 0) { w.compactString(v.clusterId); }
  w.int32(v.leaderId);
  w.int32(v.leaderEpoch);
  w.int32(v.votedId);
  if (version >= 1) { w.uuid(v.votedDirectoryId); }
  if (version <= 0) { w.int64(v.appliedOffset); }
  if (version <= 0) { if (v.currentVoters === null) w.unsignedVarint(0); else { w.unsignedVarint(v.currentVoters.length + 1); for (const item of v.currentVoters) { writeQuorumStateDataVoter(w, item, version); } } }
  {
    w.unsignedVarint(0);
  }
}

function readQuorumStateData(r: Reader, version: number): QuorumStateData {
  let fClusterId: string = "";
  if (version <= 0) { fClusterId = r.compactString(); }
  let fLeaderId: number = -1;
  fLeaderId = r.int32();
  let fLeaderEpoch: number = -1;
  fLeaderEpoch = r.int32();
  let fVotedId: number = -1;
  fVotedId = r.int32();
  let fVotedDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 1) { fVotedDirectoryId = r.uuid(); }
  let fAppliedOffset: bigint = 0n;
  if (version <= 0) { fAppliedOffset = r.int64(); }
  let fCurrentVoters: QuorumStateDataVoter[] | null = [];
  if (version <= 0) { fCurrentVoters = readCompactArrayNullable(r, 1, () => readQuorumStateDataVoter(r, version)); }
  r.taggedFields();
  return { clusterId: fClusterId, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, votedId: fVotedId, votedDirectoryId: fVotedDirectoryId, appliedOffset: fAppliedOffset, currentVoters: fCurrentVoters };
}

/** The versions of QuorumStateData this codec reads and writes. */
export const quorumStateDataVersions = { min: 0, max: 1, firstFlexible: 0 } as const;

function checkQuorumStateDataVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `QuorumStateData version ${version} is outside 0-1`);
  }
}

export function encodeQuorumStateData(w: Writer, value: QuorumStateData, version: number): void {
  checkQuorumStateDataVersion(version);
  writeQuorumStateData(w, value, version);
}

export function decodeQuorumStateData(r: Reader, version: number): QuorumStateData {
  checkQuorumStateDataVersion(version);
  return readQuorumStateData(r, version);
}
