// Generated from UpdateFeaturesRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface UpdateFeaturesRequestFeatureUpdateKey {
  /** The name of the finalized feature to be updated. */
  feature: string;
  /** The new maximum version level for the finalized feature. A value >= 1 is valid. A value < 1, is special, and can be used to request the deletion of the finalized feature. */
  maxVersionLevel: number;
  /** DEPRECATED in version 1 (see DowngradeType). When set to true, the finalized feature version level is allowed to be downgraded/deleted. The downgrade request will fail if the new maximum version level is a value that's not lower than the existing maximum finalized version level. */
  allowDowngrade: boolean;
  /** Determine which type of upgrade will be performed: 1 will perform an upgrade only (default), 2 is safe downgrades only (lossless), 3 is unsafe downgrades (lossy). */
  upgradeType: number;
}

export function defaultUpdateFeaturesRequestFeatureUpdateKey(): UpdateFeaturesRequestFeatureUpdateKey {
  return {
    feature: "",
    maxVersionLevel: 0,
    allowDowngrade: false,
    upgradeType: 1,
  };
}

function writeUpdateFeaturesRequestFeatureUpdateKey(w: Writer, v: UpdateFeaturesRequestFeatureUpdateKey, version: number): void {
  w.compactString(v.feature);
  w.int16(v.maxVersionLevel);
  if (version <= 0) { w.bool(v.allowDowngrade); }
  if (version >= 1) { w.int8(v.upgradeType); }
  {
    w.unsignedVarint(0);
  }
}

function readUpdateFeaturesRequestFeatureUpdateKey(r: Reader, version: number): UpdateFeaturesRequestFeatureUpdateKey {
  let fFeature: string = "";
  fFeature = r.compactString();
  let fMaxVersionLevel: number = 0;
  fMaxVersionLevel = r.int16();
  let fAllowDowngrade: boolean = false;
  if (version <= 0) { fAllowDowngrade = r.bool(); }
  let fUpgradeType: number = 1;
  if (version >= 1) { fUpgradeType = r.int8(); }
  r.taggedFields();
  return { feature: fFeature, maxVersionLevel: fMaxVersionLevel, allowDowngrade: fAllowDowngrade, upgradeType: fUpgradeType };
}

export interface UpdateFeaturesRequest {
  /** How long to wait in milliseconds before timing out the request. */
  timeoutMs: number;
  /** The list of updates to finalized features. */
  featureUpdates: UpdateFeaturesRequestFeatureUpdateKey[];
  /** True if we should validate the request, but not perform the upgrade or downgrade. */
  validateOnly: boolean;
}

export function defaultUpdateFeaturesRequest(): UpdateFeaturesRequest {
  return {
    timeoutMs: 60000,
    featureUpdates: [],
    validateOnly: false,
  };
}

function writeUpdateFeaturesRequest(w: Writer, v: UpdateFeaturesRequest, version: number): void {
  w.int32(v.timeoutMs);
  w.unsignedVarint(v.featureUpdates.length + 1); for (const item of v.featureUpdates) { writeUpdateFeaturesRequestFeatureUpdateKey(w, item, version); }
  if (version >= 1) { w.bool(v.validateOnly); }
  {
    w.unsignedVarint(0);
  }
}

function readUpdateFeaturesRequest(r: Reader, version: number): UpdateFeaturesRequest {
  let fTimeoutMs: number = 60000;
  fTimeoutMs = r.int32();
  let fFeatureUpdates: UpdateFeaturesRequestFeatureUpdateKey[] = [];
  fFeatureUpdates = readCompactArray(r, 1, () => readUpdateFeaturesRequestFeatureUpdateKey(r, version));
  let fValidateOnly: boolean = false;
  if (version >= 1) { fValidateOnly = r.bool(); }
  r.taggedFields();
  return { timeoutMs: fTimeoutMs, featureUpdates: fFeatureUpdates, validateOnly: fValidateOnly };
}

/** The versions of UpdateFeaturesRequest this codec reads and writes. */
export const updateFeaturesRequestVersions = { min: 0, max: 2, firstFlexible: 0 } as const;

function checkUpdateFeaturesRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `UpdateFeaturesRequest version ${version} is outside 0-2`);
  }
}

export function encodeUpdateFeaturesRequest(w: Writer, value: UpdateFeaturesRequest, version: number): void {
  checkUpdateFeaturesRequestVersion(version);
  writeUpdateFeaturesRequest(w, value, version);
}

export function decodeUpdateFeaturesRequest(r: Reader, version: number): UpdateFeaturesRequest {
  checkUpdateFeaturesRequestVersion(version);
  return readUpdateFeaturesRequest(r, version);
}
