// Generated from DescribeClusterResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeClusterResponseDescribeClusterBroker {
  /** The broker ID. */
  brokerId: number;
  /** The broker hostname. */
  host: string;
  /** The broker port. */
  port: number;
  /** The rack of the broker, or null if it has not been assigned to a rack. */
  rack: string | null;
}

export function defaultDescribeClusterResponseDescribeClusterBroker(): DescribeClusterResponseDescribeClusterBroker {
  return {
    brokerId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

function writeDescribeClusterResponseDescribeClusterBroker(w: Writer, v: DescribeClusterResponseDescribeClusterBroker, version: number): void {
  w.int32(v.brokerId);
  w.compactString(v.host);
  w.int32(v.port);
  w.compactNullableString(v.rack);
  {
    w.unsignedVarint(0);
  }
}

function readDescribeClusterResponseDescribeClusterBroker(r: Reader, version: number): DescribeClusterResponseDescribeClusterBroker {
  let fBrokerId: number = 0;
  fBrokerId = r.int32();
  let fHost: string = "";
  fHost = r.compactString();
  let fPort: number = 0;
  fPort = r.int32();
  let fRack: string | null = null;
  fRack = r.compactNullableString();
  r.taggedFields();
  return { brokerId: fBrokerId, host: fHost, port: fPort, rack: fRack };
}

export interface DescribeClusterResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top-level error code, or 0 if there was no error */
  errorCode: number;
  /** The top-level error message, or null if there was no error. */
  errorMessage: string | null;
  /** The endpoint type that was described. 1=brokers, 2=controllers. */
  endpointType: number;
  /** The cluster ID that responding broker belongs to. */
  clusterId: string;
  /** The ID of the controller broker. */
  controllerId: number;
  /** Each broker in the response. */
  brokers: DescribeClusterResponseDescribeClusterBroker[];
  /** 32-bit bitfield to represent authorized operations for this cluster. */
  clusterAuthorizedOperations: number;
}

export function defaultDescribeClusterResponse(): DescribeClusterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    endpointType: 1,
    clusterId: "",
    controllerId: -1,
    brokers: [],
    clusterAuthorizedOperations: -2147483648,
  };
}

function writeDescribeClusterResponse(w: Writer, v: DescribeClusterResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  if (version >= 1) { w.int8(v.endpointType); }
  w.compactString(v.clusterId);
  w.int32(v.controllerId);
  w.unsignedVarint(v.brokers.length + 1); for (const item of v.brokers) { writeDescribeClusterResponseDescribeClusterBroker(w, item, version); }
  w.int32(v.clusterAuthorizedOperations);
  {
    w.unsignedVarint(0);
  }
}

function readDescribeClusterResponse(r: Reader, version: number): DescribeClusterResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = null;
  fErrorMessage = r.compactNullableString();
  let fEndpointType: number = 1;
  if (version >= 1) { fEndpointType = r.int8(); }
  let fClusterId: string = "";
  fClusterId = r.compactString();
  let fControllerId: number = -1;
  fControllerId = r.int32();
  let fBrokers: DescribeClusterResponseDescribeClusterBroker[] = [];
  fBrokers = readCompactArray(r, 1, () => readDescribeClusterResponseDescribeClusterBroker(r, version));
  let fClusterAuthorizedOperations: number = -2147483648;
  fClusterAuthorizedOperations = r.int32();
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, endpointType: fEndpointType, clusterId: fClusterId, controllerId: fControllerId, brokers: fBrokers, clusterAuthorizedOperations: fClusterAuthorizedOperations };
}

/** The versions of DescribeClusterResponse this codec reads and writes. */
export const describeClusterResponseVersions = { min: 0, max: 1, firstFlexible: 0 } as const;

function checkDescribeClusterResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `DescribeClusterResponse version ${version} is outside 0-1`);
  }
}

export function encodeDescribeClusterResponse(w: Writer, value: DescribeClusterResponse, version: number): void {
  checkDescribeClusterResponseVersion(version);
  writeDescribeClusterResponse(w, value, version);
}

export function decodeDescribeClusterResponse(r: Reader, version: number): DescribeClusterResponse {
  checkDescribeClusterResponseVersion(version);
  return readDescribeClusterResponse(r, version);
}
