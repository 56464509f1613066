// Generated from internal/metadata/RegisterBrokerRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface RegisterBrokerRecordBrokerEndpoint {
  /** The name of the endpoint. */
  name: string;
  /** The hostname. */
  host: string;
  /** The port. */
  port: number;
  /** The security protocol. */
  securityProtocol: number;
}

export function defaultRegisterBrokerRecordBrokerEndpoint(): RegisterBrokerRecordBrokerEndpoint {
  return {
    name: "",
    host: "",
    port: 0,
    securityProtocol: 0,
  };
}

function writeRegisterBrokerRecordBrokerEndpoint(w: Writer, v: RegisterBrokerRecordBrokerEndpoint, version: number): void {
  w.compactString(v.name);
  w.compactString(v.host);
  w.uint16(v.port);
  w.int16(v.securityProtocol);
  {
    w.unsignedVarint(0);
  }
}

function readRegisterBrokerRecordBrokerEndpoint(r: Reader, version: number): RegisterBrokerRecordBrokerEndpoint {
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

export interface RegisterBrokerRecordBrokerFeature {
  /** The feature name. */
  name: string;
  /** The minimum supported feature level. */
  minSupportedVersion: number;
  /** The maximum supported feature level. */
  maxSupportedVersion: number;
}

export function defaultRegisterBrokerRecordBrokerFeature(): RegisterBrokerRecordBrokerFeature {
  return {
    name: "",
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

function writeRegisterBrokerRecordBrokerFeature(w: Writer, v: RegisterBrokerRecordBrokerFeature, version: number): void {
  w.compactString(v.name);
  w.int16(v.minSupportedVersion);
  w.int16(v.maxSupportedVersion);
  {
    w.unsignedVarint(0);
  }
}

function readRegisterBrokerRecordBrokerFeature(r: Reader, version: number): RegisterBrokerRecordBrokerFeature {
  let fName: string = "";
  fName = r.compactString();
  let fMinSupportedVersion: number = 0;
  fMinSupportedVersion = r.int16();
  let fMaxSupportedVersion: number = 0;
  fMaxSupportedVersion = r.int16();
  r.taggedFields();
  return { name: fName, minSupportedVersion: fMinSupportedVersion, maxSupportedVersion: fMaxSupportedVersion };
}

export interface RegisterBrokerRecord {
  /** The broker id. */
  brokerId: number;
  /** True if the broker is a ZK broker in migration mode. Otherwise, false */
  isMigratingZkBroker: boolean;
  /** The incarnation ID of the broker process */
  incarnationId: string;
  /** The broker epoch assigned by the controller. */
  brokerEpoch: bigint;
  /** The endpoints that can be used to communicate with this broker. */
  endPoints: RegisterBrokerRecordBrokerEndpoint[];
  /** The features on this broker */
  features: RegisterBrokerRecordBrokerFeature[];
  /** The broker rack. */
  rack: string | null;
  /** True if the broker is fenced. */
  fenced: boolean;
  /** True if the broker is in controlled shutdown. */
  inControlledShutdown: boolean;
  /** Log directories configured in this broker which are available. */
  logDirs: string[];
}

export function defaultRegisterBrokerRecord(): RegisterBrokerRecord {
  return {
    brokerId: 0,
    isMigratingZkBroker: false,
    incarnationId: "AAAAAAAAAAAAAAAAAAAAAA",
    brokerEpoch: 0n,
    endPoints: [],
    features: [],
    rack: "",
    fenced: true,
    inControlledShutdown: false,
    logDirs: [],
  };
}

function writeRegisterBrokerRecord(w: Writer, v: RegisterBrokerRecord, version: number): void {
  w.int32(v.brokerId);
  if (version >= 2) { w.bool(v.isMigratingZkBroker); }
  w.uuid(v.incarnationId);
  w.int64(v.brokerEpoch);
  w.unsignedVarint(v.endPoints.length + 1); for (const item of v.endPoints) { writeRegisterBrokerRecordBrokerEndpoint(w, item, version); }
  w.unsignedVarint(v.features.length + 1); for (const item of v.features) { writeRegisterBrokerRecordBrokerFeature(w, item, version); }
  w.compactNullableString(v.rack);
  w.bool(v.fenced);
  if (version >= 1) { w.bool(v.inControlledShutdown); }
  {
    const writeLogDirs = version >= 3 && v.logDirs.length > 0;
    w.unsignedVarint((writeLogDirs ? 1 : 0));
    if (writeLogDirs) w.taggedField(0, (t) => { t.unsignedVarint(v.logDirs.length + 1); for (const item of v.logDirs) { t.uuid(item); } });
  }
}

function readRegisterBrokerRecord(r: Reader, version: number): RegisterBrokerRecord {
  let fBrokerId: number = 0;
  fBrokerId = r.int32();
  let fIsMigratingZkBroker: boolean = false;
  if (version >= 2) { fIsMigratingZkBroker = r.bool(); }
  let fIncarnationId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fIncarnationId = r.uuid();
  let fBrokerEpoch: bigint = 0n;
  fBrokerEpoch = r.int64();
  let fEndPoints: RegisterBrokerRecordBrokerEndpoint[] = [];
  fEndPoints = readCompactArray(r, 1, () => readRegisterBrokerRecordBrokerEndpoint(r, version));
  let fFeatures: RegisterBrokerRecordBrokerFeature[] = [];
  fFeatures = readCompactArray(r, 1, () => readRegisterBrokerRecordBrokerFeature(r, version));
  let fRack: string | null = "";
  fRack = r.compactNullableString();
  let fFenced: boolean = true;
  fFenced = r.bool();
  let fInControlledShutdown: boolean = false;
  if (version >= 1) { fInControlledShutdown = r.bool(); }
  let fLogDirs: string[] = [];
  {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          if (version >= 3) { fLogDirs = readCompactArray(t, 16, () => t.uuid()); return true; } return false;
        default:
          return false;
      }
    });
  }
  return { brokerId: fBrokerId, isMigratingZkBroker: fIsMigratingZkBroker, incarnationId: fIncarnationId, brokerEpoch: fBrokerEpoch, endPoints: fEndPoints, features: fFeatures, rack: fRack, fenced: fFenced, inControlledShutdown: fInControlledShutdown, logDirs: fLogDirs };
}

/** The record type of RegisterBrokerRecord in the metadata log (MetadataRecordSerde's api key). */
export const registerBrokerRecordApiKey = 0;

/** The versions of RegisterBrokerRecord this codec reads and writes. */
export const registerBrokerRecordVersions = { min: 0, max: 3, firstFlexible: 0 } as const;

function checkRegisterBrokerRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `RegisterBrokerRecord version ${version} is outside 0-3`);
  }
}

export function encodeRegisterBrokerRecord(w: Writer, value: RegisterBrokerRecord, version: number): void {
  checkRegisterBrokerRecordVersion(version);
  writeRegisterBrokerRecord(w, value, version);
}

export function decodeRegisterBrokerRecord(r: Reader, version: number): RegisterBrokerRecord {
  checkRegisterBrokerRecordVersion(version);
  return readRegisterBrokerRecord(r, version);
}
