// Generated from PushTelemetryRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface PushTelemetryRequest {
  /** Unique id for this client instance. */
  clientInstanceId: string;
  /** Unique identifier for the current subscription. */
  subscriptionId: number;
  /** Client is terminating the connection. */
  terminating: boolean;
  /** Compression codec used to compress the metrics. */
  compressionType: number;
  /** Metrics encoded in OpenTelemetry MetricsData v1 protobuf format. */
  metrics: Buffer;
}

export function defaultPushTelemetryRequest(): PushTelemetryRequest {
  return {
    clientInstanceId: "AAAAAAAAAAAAAAAAAAAAAA",
    subscriptionId: 0,
    terminating: false,
    compressionType: 0,
    metrics: Buffer.alloc(0),
  };
}

function writePushTelemetryRequest(w: Writer, v: PushTelemetryRequest, version: number): void {
  w.uuid(v.clientInstanceId);
  w.int32(v.subscriptionId);
  w.bool(v.terminating);
  w.int8(v.compressionType);
  w.compactBytes(v.metrics);
  {
    w.unsignedVarint(0);
  }
}

function readPushTelemetryRequest(r: Reader, version: number): PushTelemetryRequest {
  let fClientInstanceId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fClientInstanceId = r.uuid();
  let fSubscriptionId: number = 0;
  fSubscriptionId = r.int32();
  let fTerminating: boolean = false;
  fTerminating = r.bool();
  let fCompressionType: number = 0;
  fCompressionType = r.int8();
  let fMetrics: Buffer = Buffer.alloc(0);
  fMetrics = r.compactBytes();
  r.taggedFields();
  return { clientInstanceId: fClientInstanceId, subscriptionId: fSubscriptionId, terminating: fTerminating, compressionType: fCompressionType, metrics: fMetrics };
}

/** The versions of PushTelemetryRequest this codec reads and writes. */
export const pushTelemetryRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkPushTelemetryRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `PushTelemetryRequest version ${version} is outside 0-0`);
  }
}

export function encodePushTelemetryRequest(w: Writer, value: PushTelemetryRequest, version: number): void {
  checkPushTelemetryRequestVersion(version);
  writePushTelemetryRequest(w, value, version);
}

export function decodePushTelemetryRequest(r: Reader, version: number): PushTelemetryRequest {
  checkPushTelemetryRequestVersion(version);
  return readPushTelemetryRequest(r, version);
}
