// Generated from ApiVersionsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ApiVersionsResponseApiVersion {
  /** The API index. */
  apiKey: number;
  /** The minimum supported version, inclusive. */
  minVersion: number;
  /** The maximum supported version, inclusive. */
  maxVersion: number;
}

export function defaultApiVersionsResponseApiVersion(): ApiVersionsResponseApiVersion {
  return {
    apiKey: 0,
    minVersion: 0,
    maxVersion: 0,
  };
}

function writeApiVersionsResponseApiVersion(w: Writer, v: ApiVersionsResponseApiVersion, version: number): void {
  w.int16(v.apiKey);
  w.int16(v.minVersion);
  w.int16(v.maxVersion);
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readApiVersionsResponseApiVersion(r: Reader, version: number): ApiVersionsResponseApiVersion {
  let fApiKey: number = 0;
  fApiKey = r.int16();
  let fMinVersion: number = 0;
  fMinVersion = r.int16();
  let fMaxVersion: number = 0;
  fMaxVersion = r.int16();
  if (version >= 3) r.taggedFields();
  return { apiKey: fApiKey, minVersion: fMinVersion, maxVersion: fMaxVersion };
}

export interface ApiVersionsResponseSupportedFeatureKey {
  /** The name of the feature. */
  name: string;
  /** The minimum supported version for the feature. */
  minVersion: number;
  /** The maximum supported version for the feature. */
  maxVersion: number;
}

export function defaultApiVersionsResponseSupportedFeatureKey(): ApiVersionsResponseSupportedFeatureKey {
  return {
    name: "",
    minVersion: 0,
    maxVersion: 0,
  };
}

function writeApiVersionsResponseSupportedFeatureKey(w: Writer, v: ApiVersionsResponseSupportedFeatureKey, version: number): void {
  if (version >= 3) { w.compactString(v.name); }
  if (version >= 3) { w.int16(v.minVersion); }
  if (version >= 3) { w.int16(v.maxVersion); }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readApiVersionsResponseSupportedFeatureKey(r: Reader, version: number): ApiVersionsResponseSupportedFeatureKey {
  let fName: string = "";
  if (version >= 3) { fName = r.compactString(); }
  let fMinVersion: number = 0;
  if (version >= 3) { fMinVersion = r.int16(); }
  let fMaxVersion: number = 0;
  if (version >= 3) { fMaxVersion = r.int16(); }
  if (version >= 3) r.taggedFields();
  return { name: fName, minVersion: fMinVersion, maxVersion: fMaxVersion };
}

export interface ApiVersionsResponseFinalizedFeatureKey {
  /** The name of the feature. */
  name: string;
  /** The cluster-wide finalized max version level for the feature. */
  maxVersionLevel: number;
  /** The cluster-wide finalized min version level for the feature. */
  minVersionLevel: number;
}

export function defaultApiVersionsResponseFinalizedFeatureKey(): ApiVersionsResponseFinalizedFeatureKey {
  return {
    name: "",
    maxVersionLevel: 0,
    minVersionLevel: 0,
  };
}

function writeApiVersionsResponseFinalizedFeatureKey(w: Writer, v: ApiVersionsResponseFinalizedFeatureKey, version: number): void {
  if (version >= 3) { w.compactString(v.name); }
  if (version >= 3) { w.int16(v.maxVersionLevel); }
  if (version >= 3) { w.int16(v.minVersionLevel); }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readApiVersionsResponseFinalizedFeatureKey(r: Reader, version: number): ApiVersionsResponseFinalizedFeatureKey {
  let fName: string = "";
  if (version >= 3) { fName = r.compactString(); }
  let fMaxVersionLevel: number = 0;
  if (version >= 3) { fMaxVersionLevel = r.int16(); }
  let fMinVersionLevel: number = 0;
  if (version >= 3) { fMinVersionLevel = r.int16(); }
  if (version >= 3) r.taggedFields();
  return { name: fName, maxVersionLevel: fMaxVersionLevel, minVersionLevel: fMinVersionLevel };
}

export interface ApiVersionsResponse {
  /** The top-level error code. */
  errorCode: number;
  /** The APIs supported by the broker. */
  apiKeys: ApiVersionsResponseApiVersion[];
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Features supported by the broker. Note: in v0-v3, features with MinSupportedVersion = 0 are omitted. */
  supportedFeatures: ApiVersionsResponseSupportedFeatureKey[];
  /** The monotonically increasing epoch for the finalized features information. Valid values are >= 0. A value of -1 is special and represents unknown epoch. */
  finalizedFeaturesEpoch: bigint;
  /** List of cluster-wide finalized features. The information is valid only if FinalizedFeaturesEpoch >= 0. */
  finalizedFeatures: ApiVersionsResponseFinalizedFeatureKey[];
  /** Set by a KRaft controller if the required configurations for ZK migration are present */
  zkMigrationReady: boolean;
}

export function defaultApiVersionsResponse(): ApiVersionsResponse {
  return {
    errorCode: 0,
    apiKeys: [],
    throttleTimeMs: 0,
    supportedFeatures: [],
    finalizedFeaturesEpoch: -1n,
    finalizedFeatures: [],
    zkMigrationReady: false,
  };
}

function writeApiVersionsResponse(w: Writer, v: ApiVersionsResponse, version: number): void {
  w.int16(v.errorCode);
  if (version >= 3) { w.unsignedVarint(v.apiKeys.length + 1); for (const item of v.apiKeys) { writeApiVersionsResponseApiVersion(w, item, version); } } else { w.int32(v.apiKeys.length); for (const item of v.apiKeys) { writeApiVersionsResponseApiVersion(w, item, version); } }
  if (version >= 1) { w.int32(v.throttleTimeMs); }
  if (version >= 3) {
    const writeSupportedFeatures = v.supportedFeatures.length > 0;
    const writeFinalizedFeaturesEpoch = v.finalizedFeaturesEpoch !== -1n;
    const writeFinalizedFeatures = v.finalizedFeatures.length > 0;
    const writeZkMigrationReady = v.zkMigrationReady !== false;
    w.unsignedVarint((writeSupportedFeatures ? 1 : 0) + (writeFinalizedFeaturesEpoch ? 1 : 0) + (writeFinalizedFeatures ? 1 : 0) + (writeZkMigrationReady ? 1 : 0));
    if (writeSupportedFeatures) w.taggedField(0, (t) => { t.unsignedVarint(v.supportedFeatures.length + 1); for (const item of v.supportedFeatures) { writeApiVersionsResponseSupportedFeatureKey(t, item, version); } });
    if (writeFinalizedFeaturesEpoch) w.taggedField(1, (t) => { t.int64(v.finalizedFeaturesEpoch); });
    if (writeFinalizedFeatures) w.taggedField(2, (t) => { t.unsignedVarint(v.finalizedFeatures.length + 1); for (const item of v.finalizedFeatures) { writeApiVersionsResponseFinalizedFeatureKey(t, item, version); } });
    if (writeZkMigrationReady) w.taggedField(3, (t) => { t.bool(v.zkMigrationReady); });
  }
}

function readApiVersionsResponse(r: Reader, version: number): ApiVersionsResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fApiKeys: ApiVersionsResponseApiVersion[] = [];
  if (version >= 3) { fApiKeys = readCompactArray(r, 1, () => readApiVersionsResponseApiVersion(r, version)); } else { fApiKeys = readArray(r, 1, () => readApiVersionsResponseApiVersion(r, version)); }
  let fThrottleTimeMs: number = 0;
  if (version >= 1) { fThrottleTimeMs = r.int32(); }
  let fSupportedFeatures: ApiVersionsResponseSupportedFeatureKey[] = [];
  let fFinalizedFeaturesEpoch: bigint = -1n;
  let fFinalizedFeatures: ApiVersionsResponseFinalizedFeatureKey[] = [];
  let fZkMigrationReady: boolean = false;
  if (version >= 3) {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fSupportedFeatures = readCompactArray(t, 1, () => readApiVersionsResponseSupportedFeatureKey(t, version)); return true;
        case 1:
          fFinalizedFeaturesEpoch = t.int64(); return true;
        case 2:
          fFinalizedFeatures = readCompactArray(t, 1, () => readApiVersionsResponseFinalizedFeatureKey(t, version)); return true;
        case 3:
          fZkMigrationReady = t.bool(); return true;
        default:
          return false;
      }
    });
  }
  return { errorCode: fErrorCode, apiKeys: fApiKeys, throttleTimeMs: fThrottleTimeMs, supportedFeatures: fSupportedFeatures, finalizedFeaturesEpoch: fFinalizedFeaturesEpoch, finalizedFeatures: fFinalizedFeatures, zkMigrationReady: fZkMigrationReady };
}

/** The versions of ApiVersionsResponse this codec reads and writes. */
export const apiVersionsResponseVersions = { min: 0, max: 4, firstFlexible: 3 } as const;

function checkApiVersionsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `ApiVersionsResponse version ${version} is outside 0-4`);
  }
}

export function encodeApiVersionsResponse(w: Writer, value: ApiVersionsResponse, version: number): void {
  checkApiVersionsResponseVersion(version);
  writeApiVersionsResponse(w, value, version);
}

export function decodeApiVersionsResponse(r: Reader, version: number): ApiVersionsResponse {
  checkApiVersionsResponseVersion(version);
  return readApiVersionsResponse(r, version);
}
