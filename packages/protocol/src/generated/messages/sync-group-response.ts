// Generated from SyncGroupResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface SyncGroupResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The group protocol type. */
  protocolType: string | null;
  /** The group protocol name. */
  protocolName: string | null;
  /** The member assignment. */
  assignment: Buffer;
}

export function defaultSyncGroupResponse(): SyncGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    protocolType: null,
    protocolName: null,
    assignment: Buffer.alloc(0),
  };
}

function writeSyncGroupResponse(w: Writer, v: SyncGroupResponse, version: number): void {
  if (version >= 1) { w.int32(v.throttleTimeMs); }
  w.int16(v.errorCode);
  if (version >= 5) { w.compactNullableString(v.protocolType); }
  if (version >= 5) { w.compactNullableString(v.protocolName); }
  if (version >= 4) { w.compactBytes(v.assignment); } else { w.bytes(v.assignment); }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readSyncGroupResponse(r: Reader, version: number): SyncGroupResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 1) { fThrottleTimeMs = r.int32(); }
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fProtocolType: string | null = null;
  if (version >= 5) { fProtocolType = r.compactNullableString(); }
  let fProtocolName: string | null = null;
  if (version >= 5) { fProtocolName = r.compactNullableString(); }
  let fAssignment: Buffer = Buffer.alloc(0);
  if (version >= 4) { fAssignment = r.compactBytes(); } else { fAssignment = r.bytes(); }
  if (version >= 4) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, protocolType: fProtocolType, protocolName: fProtocolName, assignment: fAssignment };
}

/** The versions of SyncGroupResponse this codec reads and writes. */
export const syncGroupResponseVersions = { min: 0, max: 5, firstFlexible: 4 } as const;

function checkSyncGroupResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 5) {
    throw new ProtocolError('unsupported', `SyncGroupResponse version ${version} is outside 0-5`);
  }
}

export function encodeSyncGroupResponse(w: Writer, value: SyncGroupResponse, version: number): void {
  checkSyncGroupResponseVersion(version);
  writeSyncGroupResponse(w, value, version);
}

export function decodeSyncGroupResponse(r: Reader, version: number): SyncGroupResponse {
  checkSyncGroupResponseVersion(version);
  return readSyncGroupResponse(r, version);
}
