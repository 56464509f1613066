// Generated from BrokerRegistrationResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface BrokerRegistrationResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The broker's assigned epoch, or -1 if none was assigned. */
  brokerEpoch: bigint;
}

export function defaultBrokerRegistrationResponse(): BrokerRegistrationResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    brokerEpoch: -1n,
  };
}

function writeBrokerRegistrationResponse(w: Writer, v: BrokerRegistrationResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.int64(v.brokerEpoch);
  {
    w.unsignedVarint(0);
  }
}

function readBrokerRegistrationResponse(r: Reader, version: number): BrokerRegistrationResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fBrokerEpoch: bigint = -1n;
  fBrokerEpoch = r.int64();
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, brokerEpoch: fBrokerEpoch };
}

/** The versions of BrokerRegistrationResponse this codec reads and writes. */
export const brokerRegistrationResponseVersions = { min: 0, max: 4, firstFlexible: 0 } as const;

function checkBrokerRegistrationResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `BrokerRegistrationResponse version ${version} is outside 0-4`);
  }
}

export function encodeBrokerRegistrationResponse(w: Writer, value: BrokerRegistrationResponse, version: number): void {
  checkBrokerRegistrationResponseVersion(version);
  writeBrokerRegistrationResponse(w, value, version);
}

export function decodeBrokerRegistrationResponse(r: Reader, version: number): BrokerRegistrationResponse {
  checkBrokerRegistrationResponseVersion(version);
  return readBrokerRegistrationResponse(r, version);
}
