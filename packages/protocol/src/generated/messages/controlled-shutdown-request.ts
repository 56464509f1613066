// Generated from ControlledShutdownRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ControlledShutdownRequest {
  /** The id of the broker for which controlled shutdown has been requested. */
  brokerId: number;
  /** The broker epoch. */
  brokerEpoch: bigint;
}

export function defaultControlledShutdownRequest(): ControlledShutdownRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
  };
}

function writeControlledShutdownRequest(w: Writer, v: ControlledShutdownRequest, version: number): void {
  w.int32(v.brokerId);
  if (version >= 2) { w.int64(v.brokerEpoch); }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readControlledShutdownRequest(r: Reader, version: number): ControlledShutdownRequest {
  let fBrokerId: number = 0;
  fBrokerId = r.int32();
  let fBrokerEpoch: bigint = -1n;
  if (version >= 2) { fBrokerEpoch = r.int64(); }
  if (version >= 3) r.taggedFields();
  return { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch };
}

/** The versions of ControlledShutdownRequest this codec reads and writes. */
export const controlledShutdownRequestVersions = { min: 0, max: 3, firstFlexible: 3 } as const;

function checkControlledShutdownRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `ControlledShutdownRequest version ${version} is outside 0-3`);
  }
}

export function encodeControlledShutdownRequest(w: Writer, value: ControlledShutdownRequest, version: number): void {
  checkControlledShutdownRequestVersion(version);
  writeControlledShutdownRequest(w, value, version);
}

export function decodeControlledShutdownRequest(r: Reader, version: number): ControlledShutdownRequest {
  checkControlledShutdownRequestVersion(version);
  return readControlledShutdownRequest(r, version);
}
