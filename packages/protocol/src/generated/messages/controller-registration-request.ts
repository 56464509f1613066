// Generated from ControllerRegistrationRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ControllerRegistrationRequestListener {
  /** The name of the endpoint. */
  name: string;
  /** The hostname. */
  host: string;
  /** The port. */
  port: number;
  /** The security protocol. */
  securityProtocol: number;
}

export function defaultControllerRegistrationRequestListener(): ControllerRegistrationRequestListener {
  return {
    name: "",
    host: "",
    port: 0,
    securityProtocol: 0,
  };
}

function writeControllerRegistrationRequestListener(w: Writer, v: ControllerRegistrationRequestListener, version: number): void {
  w.compactString(v.name);
  w.compactString(v.host);
  w.uint16(v.port);
  w.int16(v.securityProtocol);
  {
    w.unsignedVarint(0);
  }
}

function readControllerRegistrationRequestListener(r: Reader, version: number): ControllerRegistrationRequestListener {
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

export interface ControllerRegistrationRequestFeature {
  /** The feature name. */
  name: string;
  /** The minimum supported feature level. */
  minSupportedVersion: number;
  /** The maximum supported feature level. */
  maxSupportedVersion: number;
}

export function defaultControllerRegistrationRequestFeature(): ControllerRegistrationRequestFeature {
  return {
    name: "",
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

function writeControllerRegistrationRequestFeature(w: Writer, v: ControllerRegistrationRequestFeature, version: number): void {
  w.compactString(v.name);
  w.int16(v.minSupportedVersion);
  w.int16(v.maxSupportedVersion);
  {
    w.unsignedVarint(0);
  }
}

function readControllerRegistrationRequestFeature(r: Reader, version: number): ControllerRegistrationRequestFeature {
  let fName: string = "";
  fName = r.compactString();
  let fMinSupportedVersion: number = 0;
  fMinSupportedVersion = r.int16();
  let fMaxSupportedVersion: number = 0;
  fMaxSupportedVersion = r.int16();
  r.taggedFields();
  return { name: fName, minSupportedVersion: fMinSupportedVersion, maxSupportedVersion: fMaxSupportedVersion };
}

export interface ControllerRegistrationRequest {
  /** The ID of the controller to register. */
  controllerId: number;
  /** The controller incarnation ID, which is unique to each process run. */
  incarnationId: string;
  /** Set if the required configurations for ZK migration are present. */
  zkMigrationReady: boolean;
  /** The listeners of this controller */
  listeners: ControllerRegistrationRequestListener[];
  /** The features on this controller */
  features: ControllerRegistrationRequestFeature[];
}

export function defaultControllerRegistrationRequest(): ControllerRegistrationRequest {
  return {
    controllerId: 0,
    incarnationId: "AAAAAAAAAAAAAAAAAAAAAA",
    zkMigrationReady: false,
    listeners: [],
    features: [],
  };
}

function writeControllerRegistrationRequest(w: Writer, v: ControllerRegistrationRequest, version: number): void {
  w.int32(v.controllerId);
  w.uuid(v.incarnationId);
  w.bool(v.zkMigrationReady);
  w.unsignedVarint(v.listeners.length + 1); for (const item of v.listeners) { writeControllerRegistrationRequestListener(w, item, version); }
  w.unsignedVarint(v.features.length + 1); for (const item of v.features) { writeControllerRegistrationRequestFeature(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readControllerRegistrationRequest(r: Reader, version: number): ControllerRegistrationRequest {
  let fControllerId: number = 0;
  fControllerId = r.int32();
  let fIncarnationId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fIncarnationId = r.uuid();
  let fZkMigrationReady: boolean = false;
  fZkMigrationReady = r.bool();
  let fListeners: ControllerRegistrationRequestListener[] = [];
  fListeners = readCompactArray(r, 1, () => readControllerRegistrationRequestListener(r, version));
  let fFeatures: ControllerRegistrationRequestFeature[] = [];
  fFeatures = readCompactArray(r, 1, () => readControllerRegistrationRequestFeature(r, version));
  r.taggedFields();
  return { controllerId: fControllerId, incarnationId: fIncarnationId, zkMigrationReady: fZkMigrationReady, listeners: fListeners, features: fFeatures };
}

/** The versions of ControllerRegistrationRequest this codec reads and writes. */
export const controllerRegistrationRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkControllerRegistrationRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ControllerRegistrationRequest version ${version} is outside 0-0`);
  }
}

export function encodeControllerRegistrationRequest(w: Writer, value: ControllerRegistrationRequest, version: number): void {
  checkControllerRegistrationRequestVersion(version);
  writeControllerRegistrationRequest(w, value, version);
}

export function decodeControllerRegistrationRequest(r: Reader, version: number): ControllerRegistrationRequest {
  checkControllerRegistrationRequestVersion(version);
  return readControllerRegistrationRequest(r, version);
}
