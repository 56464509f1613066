// Generated from internal/metadata/RegisterControllerRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface RegisterControllerRecordControllerEndpoint {
  /** The name of the endpoint. */
  name: string;
  /** The hostname. */
  host: string;
  /** The port. */
  port: number;
  /** The security protocol. */
  securityProtocol: number;
}

export function defaultRegisterControllerRecordControllerEndpoint(): RegisterControllerRecordControllerEndpoint {
  return {
    name: "",
    host: "",
    port: 0,
    securityProtocol: 0,
  };
}

function writeRegisterControllerRecordControllerEndpoint(w: Writer, v: RegisterControllerRecordControllerEndpoint, version: number): void {
  w.compactString(v.name);
  w.compactString(v.host);
  w.uint16(v.port);
  w.int16(v.securityProtocol);
  {
    w.unsignedVarint(0);
  }
}

function readRegisterControllerRecordControllerEndpoint(r: Reader, version: number): RegisterControllerRecordControllerEndpoint {
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

export interface RegisterControllerRecordControllerFeature {
  /** The feature name. */
  name: string;
  /** The minimum supported feature level. */
  minSupportedVersion: number;
  /** The maximum supported feature level. */
  maxSupportedVersion: number;
}

export function defaultRegisterControllerRecordControllerFeature(): RegisterControllerRecordControllerFeature {
  return {
    name: "",
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

function writeRegisterControllerRecordControllerFeature(w: Writer, v: RegisterControllerRecordControllerFeature, version: number): void {
  w.compactString(v.name);
  w.int16(v.minSupportedVersion);
  w.int16(v.maxSupportedVersion);
  {
    w.unsignedVarint(0);
  }
}

function readRegisterControllerRecordControllerFeature(r: Reader, version: number): RegisterControllerRecordControllerFeature {
  let fName: string = "";
  fName = r.compactString();
  let fMinSupportedVersion: number = 0;
  fMinSupportedVersion = r.int16();
  let fMaxSupportedVersion: number = 0;
  fMaxSupportedVersion = r.int16();
  r.taggedFields();
  return { name: fName, minSupportedVersion: fMinSupportedVersion, maxSupportedVersion: fMaxSupportedVersion };
}

export interface RegisterControllerRecord {
  /** The controller id. */
  controllerId: number;
  /** The incarnation ID of the controller process */
  incarnationId: string;
  /** Set if the required configurations for ZK migration are present. */
  zkMigrationReady: boolean;
  /** The endpoints that can be used to communicate with this controller. */
  endPoints: RegisterControllerRecordControllerEndpoint[];
  /** The features on this controller */
  features: RegisterControllerRecordControllerFeature[];
}

export function defaultRegisterControllerRecord(): RegisterControllerRecord {
  return {
    controllerId: 0,
    incarnationId: "AAAAAAAAAAAAAAAAAAAAAA",
    zkMigrationReady: false,
    endPoints: [],
    features: [],
  };
}

function writeRegisterControllerRecord(w: Writer, v: RegisterControllerRecord, version: number): void {
  w.int32(v.controllerId);
  w.uuid(v.incarnationId);
  w.bool(v.zkMigrationReady);
  w.unsignedVarint(v.endPoints.length + 1); for (const item of v.endPoints) { writeRegisterControllerRecordControllerEndpoint(w, item, version); }
  w.unsignedVarint(v.features.length + 1); for (const item of v.features) { writeRegisterControllerRecordControllerFeature(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readRegisterControllerRecord(r: Reader, version: number): RegisterControllerRecord {
  let fControllerId: number = 0;
  fControllerId = r.int32();
  let fIncarnationId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fIncarnationId = r.uuid();
  let fZkMigrationReady: boolean = false;
  fZkMigrationReady = r.bool();
  let fEndPoints: RegisterControllerRecordControllerEndpoint[] = [];
  fEndPoints = readCompactArray(r, 1, () => readRegisterControllerRecordControllerEndpoint(r, version));
  let fFeatures: RegisterControllerRecordControllerFeature[] = [];
  fFeatures = readCompactArray(r, 1, () => readRegisterControllerRecordControllerFeature(r, version));
  r.taggedFields();
  return { controllerId: fControllerId, incarnationId: fIncarnationId, zkMigrationReady: fZkMigrationReady, endPoints: fEndPoints, features: fFeatures };
}

/** The record type of RegisterControllerRecord in the metadata log (MetadataRecordSerde's api key). */
export const registerControllerRecordApiKey = 27;

/** The versions of RegisterControllerRecord this codec reads and writes. */
export const registerControllerRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkRegisterControllerRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `RegisterControllerRecord version ${version} is outside 0-0`);
  }
}

export function encodeRegisterControllerRecord(w: Writer, value: RegisterControllerRecord, version: number): void {
  checkRegisterControllerRecordVersion(version);
  writeRegisterControllerRecord(w, value, version);
}

export function decodeRegisterControllerRecord(r: Reader, version: number): RegisterControllerRecord {
  checkRegisterControllerRecordVersion(version);
  return readRegisterControllerRecord(r, version);
}
