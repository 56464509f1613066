// Generated from AddRaftVoterRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AddRaftVoterRequestListener {
  /** The name of the endpoint */
  name: string;
  /** The hostname */
  host: string;
  /** The port */
  port: number;
}

export function defaultAddRaftVoterRequestListener(): AddRaftVoterRequestListener {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

function writeAddRaftVoterRequestListener(w: Writer, v: AddRaftVoterRequestListener, version: number): void {
  w.compactString(v.name);
  w.compactString(v.host);
  w.uint16(v.port);
  {
    w.unsignedVarint(0);
  }
}

function readAddRaftVoterRequestListener(r: Reader, version: number): AddRaftVoterRequestListener {
  let fName: string = "";
  fName = r.compactString();
  let fHost: string = "";
  fHost = r.compactString();
  let fPort: number = 0;
  fPort = r.uint16();
  r.taggedFields();
  return { name: fName, host: fHost, port: fPort };
}

export interface AddRaftVoterRequest {
  clusterId: string | null;
  timeoutMs: number;
  /** The replica id of the voter getting added to the topic partition */
  voterId: number;
  /** The directory id of the voter getting added to the topic partition */
  voterDirectoryId: string;
  /** The endpoints that can be used to communicate with the voter */
  listeners: AddRaftVoterRequestListener[];
}

export function defaultAddRaftVoterRequest(): AddRaftVoterRequest {
  return {
    clusterId: "",
    timeoutMs: 0,
    voterId: 0,
    voterDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    listeners: [],
  };
}

function writeAddRaftVoterRequest(w: Writer, v: AddRaftVoterRequest, version: number): void {
  w.compactNullableString(v.clusterId);
  w.int32(v.timeoutMs);
  w.int32(v.voterId);
  w.uuid(v.voterDirectoryId);
  w.unsignedVarint(v.listeners.length + 1); for (const item of v.listeners) { writeAddRaftVoterRequestListener(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAddRaftVoterRequest(r: Reader, version: number): AddRaftVoterRequest {
  let fClusterId: string | null = "";
  fClusterId = r.compactNullableString();
  let fTimeoutMs: number = 0;
  fTimeoutMs = r.int32();
  let fVoterId: number = 0;
  fVoterId = r.int32();
  let fVoterDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fVoterDirectoryId = r.uuid();
  let fListeners: AddRaftVoterRequestListener[] = [];
  fListeners = readCompactArray(r, 1, () => readAddRaftVoterRequestListener(r, version));
  r.taggedFields();
  return { clusterId: fClusterId, timeoutMs: fTimeoutMs, voterId: fVoterId, voterDirectoryId: fVoterDirectoryId, listeners: fListeners };
}

/** The versions of AddRaftVoterRequest this codec reads and writes. */
export const addRaftVoterRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkAddRaftVoterRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `AddRaftVoterRequest version ${version} is outside 0-0`);
  }
}

export function encodeAddRaftVoterRequest(w: Writer, value: AddRaftVoterRequest, version: number): void {
  checkAddRaftVoterRequestVersion(version);
  writeAddRaftVoterRequest(w, value, version);
}

export function decodeAddRaftVoterRequest(r: Reader, version: number): AddRaftVoterRequest {
  checkAddRaftVoterRequestVersion(version);
  return readAddRaftVoterRequest(r, version);
}
