// Generated from LeaderChangeMessage.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface LeaderChangeMessageVoter {
  voterId: number;
  /** The directory id of the voter */
  voterDirectoryId: string;
}

export function defaultLeaderChangeMessageVoter(): LeaderChangeMessageVoter {
  return {
    voterId: 0,
    voterDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

function writeLeaderChangeMessageVoter(w: Writer, v: LeaderChangeMessageVoter, version: number): void {
  w.int32(v.voterId);
  if (version >= 1) { w.uuid(v.voterDirectoryId); }
  {
    w.unsignedVarint(0);
  }
}

function readLeaderChangeMessageVoter(r: Reader, version: number): LeaderChangeMessageVoter {
  let fVoterId: number = 0;
  fVoterId = r.int32();
  let fVoterDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 1) { fVoterDirectoryId = r.uuid(); }
  r.taggedFields();
  return { voterId: fVoterId, voterDirectoryId: fVoterDirectoryId };
}

export interface LeaderChangeMessage {
  /** The version of the leader change message */
  version: number;
  /** The ID of the newly elected leader */
  leaderId: number;
  /** The set of voters in the quorum for this epoch */
  voters: LeaderChangeMessageVoter[];
  /** The voters who voted for the leader at the time of election */
  grantingVoters: LeaderChangeMessageVoter[];
}

export function defaultLeaderChangeMessage(): LeaderChangeMessage {
  return {
    version: 0,
    leaderId: 0,
    voters: [],
    grantingVoters: [],
  };
}

function writeLeaderChangeMessage(w: Writer, v: LeaderChangeMessage, version: number): void {
  w.int16(v.version);
  w.int32(v.leaderId);
  w.unsignedVarint(v.voters.length + 1); for (const item of v.voters) { writeLeaderChangeMessageVoter(w, item, version); }
  w.unsignedVarint(v.grantingVoters.length + 1); for (const item of v.grantingVoters) { writeLeaderChangeMessageVoter(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readLeaderChangeMessage(r: Reader, version: number): LeaderChangeMessage {
  let fVersion: number = 0;
  fVersion = r.int16();
  let fLeaderId: number = 0;
  fLeaderId = r.int32();
  let fVoters: LeaderChangeMessageVoter[] = [];
  fVoters = readCompactArray(r, 1, () => readLeaderChangeMessageVoter(r, version));
  let fGrantingVoters: LeaderChangeMessageVoter[] = [];
  fGrantingVoters = readCompactArray(r, 1, () => readLeaderChangeMessageVoter(r, version));
  r.taggedFields();
  return { version: fVersion, leaderId: fLeaderId, voters: fVoters, grantingVoters: fGrantingVoters };
}

/** The versions of LeaderChangeMessage this codec reads and writes. */
export const leaderChangeMessageVersions = { min: 0, max: 1, firstFlexible: 0 } as const;

function checkLeaderChangeMessageVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `LeaderChangeMessage version ${version} is outside 0-1`);
  }
}

export function encodeLeaderChangeMessage(w: Writer, value: LeaderChangeMessage, version: number): void {
  checkLeaderChangeMessageVersion(version);
  writeLeaderChangeMessage(w, value, version);
}

export function decodeLeaderChangeMessage(r: Reader, version: number): LeaderChangeMessage {
  checkLeaderChangeMessageVersion(version);
  return readLeaderChangeMessage(r, version);
}
