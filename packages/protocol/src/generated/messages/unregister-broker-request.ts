// Generated from UnregisterBrokerRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface UnregisterBrokerRequest {
  /** The broker ID to unregister. */
  brokerId: number;
}

export function defaultUnregisterBrokerRequest(): UnregisterBrokerRequest {
  return {
    brokerId: 0,
  };
}

function writeUnregisterBrokerRequest(w: Writer, v: UnregisterBrokerRequest, version: number): void {
  w.int32(v.brokerId);
  {
    w.unsignedVarint(0);
  }
}

function readUnregisterBrokerRequest(r: Reader, version: number): UnregisterBrokerRequest {
  let fBrokerId: number = 0;
  fBrokerId = r.int32();
  r.taggedFields();
  return { brokerId: fBrokerId };
}

/** The versions of UnregisterBrokerRequest this codec reads and writes. */
export const unregisterBrokerRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkUnregisterBrokerRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `UnregisterBrokerRequest version ${version} is outside 0-0`);
  }
}

export function encodeUnregisterBrokerRequest(w: Writer, value: UnregisterBrokerRequest, version: number): void {
  checkUnregisterBrokerRequestVersion(version);
  writeUnregisterBrokerRequest(w, value, version);
}

export function decodeUnregisterBrokerRequest(r: Reader, version: number): UnregisterBrokerRequest {
  checkUnregisterBrokerRequestVersion(version);
  return readUnregisterBrokerRequest(r, version);
}
