// Generated from FindCoordinatorResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface FindCoordinatorResponseCoordinator {
  /** The coordinator key. */
  key: string;
  /** The node id. */
  nodeId: number;
  /** The host name. */
  host: string;
  /** The port. */
  port: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
}

export function defaultFindCoordinatorResponseCoordinator(): FindCoordinatorResponseCoordinator {
  return {
    key: "",
    nodeId: 0,
    host: "",
    port: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

function writeFindCoordinatorResponseCoordinator(w: Writer, v: FindCoordinatorResponseCoordinator, version: number): void {
  if (version >= 4) { w.compactString(v.key); }
  if (version >= 4) { w.int32(v.nodeId); }
  if (version >= 4) { w.compactString(v.host); }
  if (version >= 4) { w.int32(v.port); }
  if (version >= 4) { w.int16(v.errorCode); }
  if (version >= 4) { w.compactNullableString(v.errorMessage); }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readFindCoordinatorResponseCoordinator(r: Reader, version: number): FindCoordinatorResponseCoordinator {
  let fKey: string = "";
  if (version >= 4) { fKey = r.compactString(); }
  let fNodeId: number = 0;
  if (version >= 4) { fNodeId = r.int32(); }
  let fHost: string = "";
  if (version >= 4) { fHost = r.compactString(); }
  let fPort: number = 0;
  if (version >= 4) { fPort = r.int32(); }
  let fErrorCode: number = 0;
  if (version >= 4) { fErrorCode = r.int16(); }
  let fErrorMessage: string | null = "";
  if (version >= 4) { fErrorMessage = r.compactNullableString(); }
  if (version >= 3) r.taggedFields();
  return { key: fKey, nodeId: fNodeId, host: fHost, port: fPort, errorCode: fErrorCode, errorMessage: fErrorMessage };
}

export interface FindCoordinatorResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
  /** The node id. */
  nodeId: number;
  /** The host name. */
  host: string;
  /** The port. */
  port: number;
  /** Each coordinator result in the response */
  coordinators: FindCoordinatorResponseCoordinator[];
}

export function defaultFindCoordinatorResponse(): FindCoordinatorResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    nodeId: 0,
    host: "",
    port: 0,
    coordinators: [],
  };
}

function writeFindCoordinatorResponse(w: Writer, v: FindCoordinatorResponse, version: number): void {
  if (version >= 1) { w.int32(v.throttleTimeMs); }
  if (version <= 3) { w.int16(v.errorCode); }
  if (version >= 1 && version <= 3) { if (version >= 3 && version <= 3) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); } }
  if (version <= 3) { w.int32(v.nodeId); }
  if (version <= 3) { if (version >= 3 && version <= 3) { w.compactString(v.host); } else { w.string(v.host); } }
  if (version <= 3) { w.int32(v.port); }
  if (version >= 4) { w.unsignedVarint(v.coordinators.length + 1); for (const item of v.coordinators) { writeFindCoordinatorResponseCoordinator(w, item, version); } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readFindCoordinatorResponse(r: Reader, version: number): FindCoordinatorResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 1) { fThrottleTimeMs = r.int32(); }
  let fErrorCode: number = 0;
  if (version <= 3) { fErrorCode = r.int16(); }
  let fErrorMessage: string | null = "";
  if (version >= 1 && version <= 3) { if (version >= 3 && version <= 3) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); } }
  let fNodeId: number = 0;
  if (version <= 3) { fNodeId = r.int32(); }
  let fHost: string = "";
  if (version <= 3) { if (version >= 3 && version <= 3) { fHost = r.compactString(); } else { fHost = r.string(); } }
  let fPort: number = 0;
  if (version <= 3) { fPort = r.int32(); }
  let fCoordinators: FindCoordinatorResponseCoordinator[] = [];
  if (version >= 4) { fCoordinators = readCompactArray(r, 1, () => readFindCoordinatorResponseCoordinator(r, version)); }
  if (version >= 3) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, nodeId: fNodeId, host: fHost, port: fPort, coordinators: fCoordinators };
}

/** The versions of FindCoordinatorResponse this codec reads and writes. */
export const findCoordinatorResponseVersions = { min: 0, max: 6, firstFlexible: 3 } as const;

function checkFindCoordinatorResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 6) {
    throw new ProtocolError('unsupported', `FindCoordinatorResponse version ${version} is outside 0-6`);
  }
}

export function encodeFindCoordinatorResponse(w: Writer, value: FindCoordinatorResponse, version: number): void {
  checkFindCoordinatorResponseVersion(version);
  writeFindCoordinatorResponse(w, value, version);
}

export function decodeFindCoordinatorResponse(r: Reader, version: number): FindCoordinatorResponse {
  checkFindCoordinatorResponseVersion(version);
  return readFindCoordinatorResponse(r, version);
}
