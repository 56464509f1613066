// Generated from BrokerRegistrationRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface BrokerRegistrationRequestListener {
  /** The name of the endpoint. */
  name: string;
  /** The hostname. */
  host: string;
  /** The port. */
  port: number;
  /** The security protocol. */
  securityProtocol: number;
}

export function defaultBrokerRegistrationRequestListener(): BrokerRegistrationRequestListener {
  return {
    name: "",
    host: "",
    port: 0,
    securityProtocol: 0,
  };
}

function writeBrokerRegistrationRequestListener(w: Writer, v: BrokerRegistrationRequestListener, version: number): void {
  w.compactString(v.name);
  w.compactString(v.host);
  w.uint16(v.port);
  w.int16(v.securityProtocol);
  {
    w.unsignedVarint(0);
  }
}

function readBrokerRegistrationRequestListener(r: Reader, version: number): BrokerRegistrationRequestListener {
  let fName: string = "";
  fName = r.compactString();
  let fHost: string = "";
  fHost = r.compactString();
  let fPort: number = 0;
  fPort = r.uint16();
  let fSecurityProtocol: number = 0;
  fSecurityProtocol = r.int16();
  r.taggedFields();
  return { name: fName, host: fHost, port: fPort, securityProtocol: fSecurityProtocol };
}

export interface BrokerRegistrationRequestFeature {
  /** The feature name. */
  name: string;
  /** The minimum supported feature level. */
  minSupportedVersion: number;
  /** The maximum supported feature level. */
  maxSupportedVersion: number;
}

export function defaultBrokerRegistrationRequestFeature(): BrokerRegistrationRequestFeature {
  return {
    name: "",
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

function writeBrokerRegistrationRequestFeature(w: Writer, v: BrokerRegistrationRequestFeature, version: number): void {
  w.compactString(v.name);
  w.int16(v.minSupportedVersion);
  w.int16(v.maxSupportedVersion);
  {
    w.unsignedVarint(0);
  }
}

function readBrokerRegistrationRequestFeature(r: Reader, version: number): BrokerRegistrationRequestFeature {
  let fName: string = "";
  fName = r.compactString();
  let fMinSupportedVersion: number = 0;
  fMinSupportedVersion = r.int16();
  let fMaxSupportedVersion: number = 0;
  fMaxSupportedVersion = r.int16();
  r.taggedFields();
  return { name: fName, minSupportedVersion: fMinSupportedVersion, maxSupportedVersion: fMaxSupportedVersion };
}

export interface BrokerRegistrationRequest {
  /** The broker ID. */
  brokerId: number;
  /** The cluster id of the broker process. */
  clusterId: string;
  /** The incarnation id of the broker process. */
  incarnationId: string;
  /** The listeners of this broker */
  listeners: BrokerRegistrationRequestListener[];
  /** The features on this broker. Note: in v0-v3, features with MinSupportedVersion = 0 are omitted. */
  features: BrokerRegistrationRequestFeature[];
  /** The rack which this broker is in. */
  rack: string | null;
  /** If the required configurations for ZK migration are present, this value is set to true */
  isMigratingZkBroker: boolean;
  /** Log directories configured in this broker which are available. */
  logDirs: string[];
  /** The epoch before a clean shutdown. */
  previousBrokerEpoch: bigint;
}

export function defaultBrokerRegistrationRequest(): BrokerRegistrationRequest {
  return {
    brokerId: 0,
    clusterId: "",
    incarnationId: "AAAAAAAAAAAAAAAAAAAAAA",
    listeners: [],
    features: [],
    rack: "",
    isMigratingZkBroker: false,
    logDirs: [],
    previousBrokerEpoch: -1n,
  };
}

function writeBrokerRegistrationRequest(w: Writer, v: BrokerRegistrationRequest, version: number): void {
  w.int32(v.brokerId);
  w.compactString(v.clusterId);
  w.uuid(v.incarnationId);
  w.unsignedVarint(v.listeners.length + 1); for (const item of v.listeners) { writeBrokerRegistrationRequestListener(w, item, version); }
  w.unsignedVarint(v.features.length + 1); for (const item of v.features) { writeBrokerRegistrationRequestFeature(w, item, version); }
  w.compactNullableString(v.rack);
  if (version >= 1) { w.bool(v.isMigratingZkBroker); }
  if (version >= 2) { w.unsignedVarint(v.logDirs.length + 1); for (const item of v.logDirs) { w.uuid(item); } }
  if (version >= 3) { w.int64(v.previousBrokerEpoch); }
  {
    w.unsignedVarint(0);
  }
}

function readBrokerRegistrationRequest(r: Reader, version: number): BrokerRegistrationRequest {
  let fBrokerId: number = 0;
  fBrokerId = r.int32();
  let fClusterId: string = "";
  fClusterId = r.compactString();
  let fIncarnationId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fIncarnationId = r.uuid();
  let fListeners: BrokerRegistrationRequestListener[] = [];
  fListeners = readCompactArray(r, 1, () => readBrokerRegistrationRequestListener(r, version));
  let fFeatures: BrokerRegistrationRequestFeature[] = [];
  fFeatures = readCompactArray(r, 1, () => readBrokerRegistrationRequestFeature(r, version));
  let fRack: string | null = "";
  fRack = r.compactNullableString();
  let fIsMigratingZkBroker: boolean = false;
  if (version >= 1) { fIsMigratingZkBroker = r.bool(); }
  let fLogDirs: string[] = [];
  if (version >= 2) { fLogDirs = readCompactArray(r, 16, () => r.uuid()); }
  let fPreviousBrokerEpoch: bigint = -1n;
  if (version >= 3) { fPreviousBrokerEpoch = r.int64(); }
  r.taggedFields();
  return { brokerId: fBrokerId, clusterId: fClusterId, incarnationId: fIncarnationId, listeners: fListeners, features: fFeatures, rack: fRack, isMigratingZkBroker: fIsMigratingZkBroker, logDirs: fLogDirs, previousBrokerEpoch: fPreviousBrokerEpoch };
}

/** The versions of BrokerRegistrationRequest this codec reads and writes. */
export const brokerRegistrationRequestVersions = { min: 0, max: 4, firstFlexible: 0 } as const;

function checkBrokerRegistrationRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `BrokerRegistrationRequest version ${version} is outside 0-4`);
  }
}

export function encodeBrokerRegistrationRequest(w: Writer, value: BrokerRegistrationRequest, version: number): void {
  checkBrokerRegistrationRequestVersion(version);
  writeBrokerRegistrationRequest(w, value, version);
}

export function decodeBrokerRegistrationRequest(r: Reader, version: number): BrokerRegistrationRequest {
  checkBrokerRegistrationRequestVersion(version);
  return readBrokerRegistrationRequest(r, version);
}
