// Generated from GetTelemetrySubscriptionsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface GetTelemetrySubscriptionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Assigned client instance id if ClientInstanceId was 0 in the request, else 0. */
  clientInstanceId: string;
  /** Unique identifier for the current subscription set for this client instance. */
  subscriptionId: number;
  /** Compression types that broker accepts for the PushTelemetryRequest. */
  acceptedCompressionTypes: number[];
  /** Configured push interval, which is the lowest configured interval in the current subscription set. */
  pushIntervalMs: number;
  /** The maximum bytes of binary data the broker accepts in PushTelemetryRequest. */
  telemetryMaxBytes: number;
  /** Flag to indicate monotonic/counter metrics are to be emitted as deltas or cumulative values */
  deltaTemporality: boolean;
  /** Requested metrics prefix string match. Empty array: No metrics subscribed, Array[0] empty string: All metrics subscribed. */
  requestedMetrics: string[];
}

export function defaultGetTelemetrySubscriptionsResponse(): GetTelemetrySubscriptionsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    clientInstanceId: "AAAAAAAAAAAAAAAAAAAAAA",
    subscriptionId: 0,
    acceptedCompressionTypes: [],
    pushIntervalMs: 0,
    telemetryMaxBytes: 0,
    deltaTemporality: false,
    requestedMetrics: [],
  };
}

function writeGetTelemetrySubscriptionsResponse(w: Writer, v: GetTelemetrySubscriptionsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.uuid(v.clientInstanceId);
  w.int32(v.subscriptionId);
  w.unsignedVarint(v.acceptedCompressionTypes.length + 1); for (const item of v.acceptedCompressionTypes) { w.int8(item); }
  w.int32(v.pushIntervalMs);
  w.int32(v.telemetryMaxBytes);
  w.bool(v.deltaTemporality);
  w.unsignedVarint(v.requestedMetrics.length + 1); for (const item of v.requestedMetrics) { w.compactString(item); }
  {
    w.unsignedVarint(0);
  }
}

function readGetTelemetrySubscriptionsResponse(r: Reader, version: number): GetTelemetrySubscriptionsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fClientInstanceId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fClientInstanceId = r.uuid();
  let fSubscriptionId: number = 0;
  fSubscriptionId = r.int32();
  let fAcceptedCompressionTypes: number[] = [];
  fAcceptedCompressionTypes = readCompactArray(r, 1, () => r.int8());
  let fPushIntervalMs: number = 0;
  fPushIntervalMs = r.int32();
  let fTelemetryMaxBytes: number = 0;
  fTelemetryMaxBytes = r.int32();
  let fDeltaTemporality: boolean = false;
  fDeltaTemporality = r.bool();
  let fRequestedMetrics: string[] = [];
  fRequestedMetrics = readCompactArray(r, 1, () => r.compactString());
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, clientInstanceId: fClientInstanceId, subscriptionId: fSubscriptionId, acceptedCompressionTypes: fAcceptedCompressionTypes, pushIntervalMs: fPushIntervalMs, telemetryMaxBytes: fTelemetryMaxBytes, deltaTemporality: fDeltaTemporality, requestedMetrics: fRequestedMetrics };
}

/** The versions of GetTelemetrySubscriptionsResponse this codec reads and writes. */
export const getTelemetrySubscriptionsResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkGetTelemetrySubscriptionsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `GetTelemetrySubscriptionsResponse version ${version} is outside 0-0`);
  }
}

export function encodeGetTelemetrySubscriptionsResponse(w: Writer, value: GetTelemetrySubscriptionsResponse, version: number): void {
  checkGetTelemetrySubscriptionsResponseVersion(version);
  writeGetTelemetrySubscriptionsResponse(w, value, version);
}

export function decodeGetTelemetrySubscriptionsResponse(r: Reader, version: number): GetTelemetrySubscriptionsResponse {
  checkGetTelemetrySubscriptionsResponseVersion(version);
  return readGetTelemetrySubscriptionsResponse(r, version);
}
