// Generated from VotersRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface VotersRecordEndpoint {
  /** The name of the endpoint */
  name: string;
  /** The hostname */
  host: string;
  /** The port */
  port: number;
}

export function defaultVotersRecordEndpoint(): VotersRecordEndpoint {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

function writeVotersRecordEndpoint(w: Writer, v: VotersRecordEndpoint, version: number): void {
  w.compactString(v.name);
  w.compactString(v.host);
  w.uint16(v.port);
  {
    w.unsignedVarint(0);
  }
}

function readVotersRecordEndpoint(r: Reader, version: number): VotersRecordEndpoint {
  let fName: string = "";
  fName = r.compactString();
  let fHost: string = "";
  fHost = r.compactString();
  let fPort: number = 0;
  fPort = r.uint16();
  r.taggedFields();
  return { name: fName, host: fHost, port: fPort };
}

export interface VotersRecordKRaftVersionFeature {
  /** The minimum supported KRaft protocol version */
  minSupportedVersion: number;
  /** The maximum supported KRaft protocol version */
  maxSupportedVersion: number;
}

export function defaultVotersRecordKRaftVersionFeature(): VotersRecordKRaftVersionFeature {
  return {
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

function writeVotersRecordKRaftVersionFeature(w: Writer, v: VotersRecordKRaftVersionFeature, version: number): void {
  w.int16(v.minSupportedVersion);
  w.int16(v.maxSupportedVersion);
  {
    w.unsignedVarint(0);
  }
}

function readVotersRecordKRaftVersionFeature(r: Reader, version: number): VotersRecordKRaftVersionFeature {
  let fMinSupportedVersion: number = 0;
  fMinSupportedVersion = r.int16();
  let fMaxSupportedVersion: number = 0;
  fMaxSupportedVersion = r.int16();
  r.taggedFields();
  return { minSupportedVersion: fMinSupportedVersion, maxSupportedVersion: fMaxSupportedVersion };
}

export interface VotersRecordVoter {
  /** The replica id of the voter in the topic partition */
  voterId: number;
  /** The directory id of the voter in the topic partition */
  voterDirectoryId: string;
  /** The endpoint that can be used to communicate with the voter */
  endpoints: VotersRecordEndpoint[];
  /** The range of versions of the protocol that the replica supports */
  kRaftVersionFeature: VotersRecordKRaftVersionFeature;
}

export function defaultVotersRecordVoter(): VotersRecordVoter {
  return {
    voterId: 0,
    voterDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    endpoints: [],
    kRaftVersionFeature: defaultVotersRecordKRaftVersionFeature(),
  };
}

function writeVotersRecordVoter(w: Writer, v: VotersRecordVoter, version: number): void {
  w.int32(v.voterId);
  w.uuid(v.voterDirectoryId);
  w.unsignedVarint(v.endpoints.length + 1); for (const item of v.endpoints) { writeVotersRecordEndpoint(w, item, version); }
  writeVotersRecordKRaftVersionFeature(w, v.kRaftVersionFeature, version);
  {
    w.unsignedVarint(0);
  }
}

function readVotersRecordVoter(r: Reader, version: number): VotersRecordVoter {
  let fVoterId: number = 0;
  fVoterId = r.int32();
  let fVoterDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fVoterDirectoryId = r.uuid();
  let fEndpoints: VotersRecordEndpoint[] = [];
  fEndpoints = readCompactArray(r, 1, () => readVotersRecordEndpoint(r, version));
  let fKRaftVersionFeature: VotersRecordKRaftVersionFeature = defaultVotersRecordKRaftVersionFeature();
  fKRaftVersionFeature = readVotersRecordKRaftVersionFeature(r, version);
  r.taggedFields();
  return { voterId: fVoterId, voterDirectoryId: fVoterDirectoryId, endpoints: fEndpoints, kRaftVersionFeature: fKRaftVersionFeature };
}

export interface VotersRecord {
  /** The version of the voters record */
  version: number;
  voters: VotersRecordVoter[];
}

export function defaultVotersRecord(): VotersRecord {
  return {
    version: 0,
    voters: [],
  };
}

function writeVotersRecord(w: Writer, v: VotersRecord, version: number): void {
  w.int16(v.version);
  w.unsignedVarint(v.voters.length + 1); for (const item of v.voters) { writeVotersRecordVoter(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readVotersRecord(r: Reader, version: number): VotersRecord {
  let fVersion: number = 0;
  fVersion = r.int16();
  let fVoters: VotersRecordVoter[] = [];
  fVoters = readCompactArray(r, 1, () => readVotersRecordVoter(r, version));
  r.taggedFields();
  return { version: fVersion, voters: fVoters };
}

/** The versions of VotersRecord this codec reads and writes. */
export const votersRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkVotersRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `VotersRecord version ${version} is outside 0-0`);
  }
}

export function encodeVotersRecord(w: Writer, value: VotersRecord, version: number): void {
  checkVotersRecordVersion(version);
  writeVotersRecord(w, value, version);
}

export function decodeVotersRecord(r: Reader, version: number): VotersRecord {
  checkVotersRecordVersion(version);
  return readVotersRecord(r, version);
}
