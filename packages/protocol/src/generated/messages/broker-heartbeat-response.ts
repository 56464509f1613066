// Generated from BrokerHeartbeatResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface BrokerHeartbeatResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** True if the broker has approximately caught up with the latest metadata. */
  isCaughtUp: boolean;
  /** True if the broker is fenced. */
  isFenced: boolean;
  /** True if the broker should proceed with its shutdown. */
  shouldShutDown: boolean;
}

export function defaultBrokerHeartbeatResponse(): BrokerHeartbeatResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    isCaughtUp: false,
    isFenced: true,
    shouldShutDown: false,
  };
}

function writeBrokerHeartbeatResponse(w: Writer, v: BrokerHeartbeatResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.bool(v.isCaughtUp);
  w.bool(v.isFenced);
  w.bool(v.shouldShutDown);
  {
    w.unsignedVarint(0);
  }
}

function readBrokerHeartbeatResponse(r: Reader, version: number): BrokerHeartbeatResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fIsCaughtUp: boolean = false;
  fIsCaughtUp = r.bool();
  let fIsFenced: boolean = true;
  fIsFenced = r.bool();
  let fShouldShutDown: boolean = false;
  fShouldShutDown = r.bool();
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, isCaughtUp: fIsCaughtUp, isFenced: fIsFenced, shouldShutDown: fShouldShutDown };
}

/** The versions of BrokerHeartbeatResponse this codec reads and writes. */
export const brokerHeartbeatResponseVersions = { min: 0, max: 1, firstFlexible: 0 } as const;

function checkBrokerHeartbeatResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `BrokerHeartbeatResponse version ${version} is outside 0-1`);
  }
}

export function encodeBrokerHeartbeatResponse(w: Writer, value: BrokerHeartbeatResponse, version: number): void {
  checkBrokerHeartbeatResponseVersion(version);
  writeBrokerHeartbeatResponse(w, value, version);
}

export function decodeBrokerHeartbeatResponse(r: Reader, version: number): BrokerHeartbeatResponse {
  checkBrokerHeartbeatResponseVersion(version);
  return readBrokerHeartbeatResponse(r, version);
}
