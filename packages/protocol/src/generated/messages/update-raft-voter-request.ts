// Generated from UpdateRaftVoterRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface UpdateRaftVoterRequestListener {
  /** The name of the endpoint */
  name: string;
  /** The hostname */
  host: string;
  /** The port */
  port: number;
}

export function defaultUpdateRaftVoterRequestListener(): UpdateRaftVoterRequestListener {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

function writeUpdateRaftVoterRequestListener(w: Writer, v: UpdateRaftVoterRequestListener, version: number): void {
  w.compactString(v.name);
  w.compactString(v.host);
  w.uint16(v.port);
  {
    w.unsignedVarint(0);
  }
}

function readUpdateRaftVoterRequestListener(r: Reader, version: number): UpdateRaftVoterRequestListener {
  let fName: string = "";
  fName = r.compactString();
  let fHost: string = "";
  fHost = r.compactString();
  let fPort: number = 0;
  fPort = r.uint16();
  r.taggedFields();
  return { name: fName, host: fHost, port: fPort };
}

export interface UpdateRaftVoterRequestKRaftVersionFeature {
  /** The minimum supported KRaft protocol version */
  minSupportedVersion: number;
  /** The maximum supported KRaft protocol version */
  maxSupportedVersion: number;
}

export function defaultUpdateRaftVoterRequestKRaftVersionFeature(): UpdateRaftVoterRequestKRaftVersionFeature {
  return {
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

function writeUpdateRaftVoterRequestKRaftVersionFeature(w: Writer, v: UpdateRaftVoterRequestKRaftVersionFeature, version: number): void {
  w.int16(v.minSupportedVersion);
  w.int16(v.maxSupportedVersion);
  {
    w.unsignedVarint(0);
  }
}

function readUpdateRaftVoterRequestKRaftVersionFeature(r: Reader, version: number): UpdateRaftVoterRequestKRaftVersionFeature {
  let fMinSupportedVersion: number = 0;
  fMinSupportedVersion = r.int16();
  let fMaxSupportedVersion: number = 0;
  fMaxSupportedVersion = r.int16();
  r.taggedFields();
  return { minSupportedVersion: fMinSupportedVersion, maxSupportedVersion: fMaxSupportedVersion };
}

export interface UpdateRaftVoterRequest {
  clusterId: string | null;
  /** The current leader epoch of the partition, -1 for unknown leader epoch */
  currentLeaderEpoch: number;
  /** The replica id of the voter getting updated in the topic partition */
  voterId: number;
  /** The directory id of the voter getting updated in the topic partition */
  voterDirectoryId: string;
  /** The endpoint that can be used to communicate with the leader */
  listeners: UpdateRaftVoterRequestListener[];
  /** The range of versions of the protocol that the replica supports */
  kRaftVersionFeature: UpdateRaftVoterRequestKRaftVersionFeature;
}

export function defaultUpdateRaftVoterRequest(): UpdateRaftVoterRequest {
  return {
    clusterId: "",
    currentLeaderEpoch: 0,
    voterId: 0,
    voterDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    listeners: [],
    kRaftVersionFeature: defaultUpdateRaftVoterRequestKRaftVersionFeature(),
  };
}

function writeUpdateRaftVoterRequest(w: Writer, v: UpdateRaftVoterRequest, version: number): void {
  w.compactNullableString(v.clusterId);
  w.int32(v.currentLeaderEpoch);
  w.int32(v.voterId);
  w.uuid(v.voterDirectoryId);
  w.unsignedVarint(v.listeners.length + 1); for (const item of v.listeners) { writeUpdateRaftVoterRequestListener(w, item, version); }
  writeUpdateRaftVoterRequestKRaftVersionFeature(w, v.kRaftVersionFeature, version);
  {
    w.unsignedVarint(0);
  }
}

function readUpdateRaftVoterRequest(r: Reader, version: number): UpdateRaftVoterRequest {
  let fClusterId: string | null = "";
  fClusterId = r.compactNullableString();
  let fCurrentLeaderEpoch: number = 0;
  fCurrentLeaderEpoch = r.int32();
  let fVoterId: number = 0;
  fVoterId = r.int32();
  let fVoterDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fVoterDirectoryId = r.uuid();
  let fListeners: UpdateRaftVoterRequestListener[] = [];
  fListeners = readCompactArray(r, 1, () => readUpdateRaftVoterRequestListener(r, version));
  let fKRaftVersionFeature: UpdateRaftVoterRequestKRaftVersionFeature = defaultUpdateRaftVoterRequestKRaftVersionFeature();
  fKRaftVersionFeature = readUpdateRaftVoterRequestKRaftVersionFeature(r, version);
  r.taggedFields();
  return { clusterId: fClusterId, currentLeaderEpoch: fCurrentLeaderEpoch, voterId: fVoterId, voterDirectoryId: fVoterDirectoryId, listeners: fListeners, kRaftVersionFeature: fKRaftVersionFeature };
}

/** The versions of UpdateRaftVoterRequest this codec reads and writes. */
export const updateRaftVoterRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkUpdateRaftVoterRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `UpdateRaftVoterRequest version ${version} is outside 0-0`);
  }
}

export function encodeUpdateRaftVoterRequest(w: Writer, value: UpdateRaftVoterRequest, version: number): void {
  checkUpdateRaftVoterRequestVersion(version);
  writeUpdateRaftVoterRequest(w, value, version);
}

export function decodeUpdateRaftVoterRequest(r: Reader, version: number): UpdateRaftVoterRequest {
  checkUpdateRaftVoterRequestVersion(version);
  return readUpdateRaftVoterRequest(r, version);
}
