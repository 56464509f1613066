// Generated from GetTelemetrySubscriptionsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface GetTelemetrySubscriptionsRequest {
  /** Unique id for this client instance, must be set to 0 on the first request. */
  clientInstanceId: string;
}

export function defaultGetTelemetrySubscriptionsRequest(): GetTelemetrySubscriptionsRequest {
  return {
    clientInstanceId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

function writeGetTelemetrySubscriptionsRequest(w: Writer, v: GetTelemetrySubscriptionsRequest, version: number): void {
  w.uuid(v.clientInstanceId);
  {
    w.unsignedVarint(0);
  }
}

function readGetTelemetrySubscriptionsRequest(r: Reader, version: number): GetTelemetrySubscriptionsRequest {
  let fClientInstanceId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fClientInstanceId = r.uuid();
  r.taggedFields();
  return { clientInstanceId: fClientInstanceId };
}

/** The versions of GetTelemetrySubscriptionsRequest this codec reads and writes. */
export const getTelemetrySubscriptionsRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkGetTelemetrySubscriptionsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `GetTelemetrySubscriptionsRequest version ${version} is outside 0-0`);
  }
}

export function encodeGetTelemetrySubscriptionsRequest(w: Writer, value: GetTelemetrySubscriptionsRequest, version: number): void {
  checkGetTelemetrySubscriptionsRequestVersion(version);
  writeGetTelemetrySubscriptionsRequest(w, value, version);
}

export function decodeGetTelemetrySubscriptionsRequest(r: Reader, version: number): GetTelemetrySubscriptionsRequest {
  checkGetTelemetrySubscriptionsRequestVersion(version);
  return readGetTelemetrySubscriptionsRequest(r, version);
}
