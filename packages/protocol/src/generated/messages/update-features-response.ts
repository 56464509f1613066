// Generated from UpdateFeaturesResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface UpdateFeaturesResponseUpdatableFeatureResult {
  /** The name of the finalized feature. */
  feature: string;
  /** The feature update error code or `0` if the feature update succeeded. */
  errorCode: number;
  /** The feature update error, or `null` if the feature update succeeded. */
  errorMessage: string | null;
}

export function defaultUpdateFeaturesResponseUpdatableFeatureResult(): UpdateFeaturesResponseUpdatableFeatureResult {
  return {
    feature: "",
    errorCode: 0,
    errorMessage: "",
  };
}

function writeUpdateFeaturesResponseUpdatableFeatureResult(w: Writer, v: UpdateFeaturesResponseUpdatableFeatureResult, version: number): void {
  w.compactString(v.feature);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  {
    w.unsignedVarint(0);
  }
}

function readUpdateFeaturesResponseUpdatableFeatureResult(r: Reader, version: number): UpdateFeaturesResponseUpdatableFeatureResult {
  let fFeature: string = "";
  fFeature = r.compactString();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  fErrorMessage = r.compactNullableString();
  r.taggedFields();
  return { feature: fFeature, errorCode: fErrorCode, errorMessage: fErrorMessage };
}

export interface UpdateFeaturesResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top-level error code, or `0` if there was no top-level error. */
  errorCode: number;
  /** The top-level error message, or `null` if there was no top-level error. */
  errorMessage: string | null;
  /** Results for each feature update. */
  results: UpdateFeaturesResponseUpdatableFeatureResult[];
}

export function defaultUpdateFeaturesResponse(): UpdateFeaturesResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    results: [],
  };
}

function writeUpdateFeaturesResponse(w: Writer, v: UpdateFeaturesResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  if (version <= 1) { w.unsignedVarint(v.results.length + 1); for (const item of v.results) { writeUpdateFeaturesResponseUpdatableFeatureResult(w, item, version); } }
  {
    w.unsignedVarint(0);
  }
}

function readUpdateFeaturesResponse(r: Reader, version: number): UpdateFeaturesResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  fErrorMessage = r.compactNullableString();
  let fResults: UpdateFeaturesResponseUpdatableFeatureResult[] = [];
  if (version <= 1) { fResults = readCompactArray(r, 1, () => readUpdateFeaturesResponseUpdatableFeatureResult(r, version)); }
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, results: fResults };
}

/** The versions of UpdateFeaturesResponse this codec reads and writes. */
export const updateFeaturesResponseVersions = { min: 0, max: 2, firstFlexible: 0 } as const;

function checkUpdateFeaturesResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `UpdateFeaturesResponse version ${version} is outside 0-2`);
  }
}

export function encodeUpdateFeaturesResponse(w: Writer, value: UpdateFeaturesResponse, version: number): void {
  checkUpdateFeaturesResponseVersion(version);
  writeUpdateFeaturesResponse(w, value, version);
}

export function decodeUpdateFeaturesResponse(r: Reader, version: number): UpdateFeaturesResponse {
  checkUpdateFeaturesResponseVersion(version);
  return readUpdateFeaturesResponse(r, version);
}
