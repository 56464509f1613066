// Generated from UpdateRaftVoterResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { isDeepEqual } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface UpdateRaftVoterResponseCurrentLeader {
  /** The replica id of the current leader or -1 if the leader is unknown */
  leaderId: number;
  /** The latest known leader epoch */
  leaderEpoch: number;
  /** The node's hostname */
  host: string;
  /** The node's port */
  port: number;
}

export function defaultUpdateRaftVoterResponseCurrentLeader(): UpdateRaftVoterResponseCurrentLeader {
  return {
    leaderId: -1,
    leaderEpoch: -1,
    host: "",
    port: 0,
  };
}

function writeUpdateRaftVoterResponseCurrentLeader(w: Writer, v: UpdateRaftVoterResponseCurrentLeader, version: number): void {
  w.int32(v.leaderId);
  w.int32(v.leaderEpoch);
  w.compactString(v.host);
  w.int32(v.port);
  {
    w.unsignedVarint(0);
  }
}

function readUpdateRaftVoterResponseCurrentLeader(r: Reader, version: number): UpdateRaftVoterResponseCurrentLeader {
  let fLeaderId: number = -1;
  fLeaderId = r.int32();
  let fLeaderEpoch: number = -1;
  fLeaderEpoch = r.int32();
  let fHost: string = "";
  fHost = r.compactString();
  let fPort: number = 0;
  fPort = r.int32();
  r.taggedFields();
  return { leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, host: fHost, port: fPort };
}

export interface UpdateRaftVoterResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error */
  errorCode: number;
  currentLeader: UpdateRaftVoterResponseCurrentLeader;
}

export function defaultUpdateRaftVoterResponse(): UpdateRaftVoterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    currentLeader: defaultUpdateRaftVoterResponseCurrentLeader(),
  };
}

function writeUpdateRaftVoterResponse(w: Writer, v: UpdateRaftVoterResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  {
    const writeCurrentLeader = !isDeepEqual(v.currentLeader, defaultUpdateRaftVoterResponseCurrentLeader());
    w.unsignedVarint((writeCurrentLeader ? 1 : 0));
    if (writeCurrentLeader) w.taggedField(0, (t) => { writeUpdateRaftVoterResponseCurrentLeader(t, v.currentLeader, version); });
  }
}

function readUpdateRaftVoterResponse(r: Reader, version: number): UpdateRaftVoterResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fCurrentLeader: UpdateRaftVoterResponseCurrentLeader = defaultUpdateRaftVoterResponseCurrentLeader();
  {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fCurrentLeader = readUpdateRaftVoterResponseCurrentLeader(t, version); return true;
        default:
          return false;
      }
    });
  }
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, currentLeader: fCurrentLeader };
}

/** The versions of UpdateRaftVoterResponse this codec reads and writes. */
export const updateRaftVoterResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkUpdateRaftVoterResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `UpdateRaftVoterResponse version ${version} is outside 0-0`);
  }
}

export function encodeUpdateRaftVoterResponse(w: Writer, value: UpdateRaftVoterResponse, version: number): void {
  checkUpdateRaftVoterResponseVersion(version);
  writeUpdateRaftVoterResponse(w, value, version);
}

export function decodeUpdateRaftVoterResponse(r: Reader, version: number): UpdateRaftVoterResponse {
  checkUpdateRaftVoterResponseVersion(version);
  return readUpdateRaftVoterResponse(r, version);
}
