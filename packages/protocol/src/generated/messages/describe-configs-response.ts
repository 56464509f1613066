// Generated from DescribeConfigsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeConfigsResponseDescribeConfigsSynonym {
  /** The synonym name. */
  name: string;
  /** The synonym value. */
  value: string | null;
  /** The synonym source. */
  source: number;
}

export function defaultDescribeConfigsResponseDescribeConfigsSynonym(): DescribeConfigsResponseDescribeConfigsSynonym {
  return {
    name: "",
    value: "",
    source: 0,
  };
}

function writeDescribeConfigsResponseDescribeConfigsSynonym(w: Writer, v: DescribeConfigsResponseDescribeConfigsSynonym, version: number): void {
  if (version >= 1) { if (version >= 4) { w.compactString(v.name); } else { w.string(v.name); } }
  if (version >= 1) { if (version >= 4) { w.compactNullableString(v.value); } else { w.nullableString(v.value); } }
  if (version >= 1) { w.int8(v.source); }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readDescribeConfigsResponseDescribeConfigsSynonym(r: Reader, version: number): DescribeConfigsResponseDescribeConfigsSynonym {
  let fName: string = "";
  if (version >= 1) { if (version >= 4) { fName = r.compactString(); } else { fName = r.string(); } }
  let fValue: string | null = "";
  if (version >= 1) { if (version >= 4) { fValue = r.compactNullableString(); } else { fValue = r.nullableString(); } }
  let fSource: number = 0;
  if (version >= 1) { fSource = r.int8(); }
  if (version >= 4) r.taggedFields();
  return { name: fName, value: fValue, source: fSource };
}

export interface DescribeConfigsResponseDescribeConfigsResourceResult {
  /** The configuration name. */
  name: string;
  /** The configuration value. */
  value: string | null;
  /** True if the configuration is read-only. */
  readOnly: boolean;
  /** True if the configuration is not set. */
  isDefault: boolean;
  /** The configuration source. */
  configSource: number;
  /** True if this configuration is sensitive. */
  isSensitive: boolean;
  /** The synonyms for this configuration key. */
  synonyms: DescribeConfigsResponseDescribeConfigsSynonym[];
  /** The configuration data type. Type can be one of the following values - BOOLEAN, STRING, INT, SHORT, LONG, DOUBLE, LIST, CLASS, PASSWORD */
  configType: number;
  /** The configuration documentation. */
  documentation: string | null;
}

export function defaultDescribeConfigsResponseDescribeConfigsResourceResult(): DescribeConfigsResponseDescribeConfigsResourceResult {
  return {
    name: "",
    value: "",
    readOnly: false,
    isDefault: false,
    configSource: -1,
    isSensitive: false,
    synonyms: [],
    configType: 0,
    documentation: "",
  };
}

function writeDescribeConfigsResponseDescribeConfigsResourceResult(w: Writer, v: DescribeConfigsResponseDescribeConfigsResourceResult, version: number): void {
  if (version >= 4) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 4) { w.compactNullableString(v.value); } else { w.nullableString(v.value); }
  w.bool(v.readOnly);
  if (version <= 0) { w.bool(v.isDefault); }
  if (version >= 1) { w.int8(v.configSource); }
  w.bool(v.isSensitive);
  if (version >= 1) { if (version >= 4) { w.unsignedVarint(v.synonyms.length + 1); for (const item of v.synonyms) { writeDescribeConfigsResponseDescribeConfigsSynonym(w, item, version); } } else { w.int32(v.synonyms.length); for (const item of v.synonyms) { writeDescribeConfigsResponseDescribeConfigsSynonym(w, item, version); } } }
  if (version >= 3) { w.int8(v.configType); }
  if (version >= 3) { if (version >= 4) { w.compactNullableString(v.documentation); } else { w.nullableString(v.documentation); } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readDescribeConfigsResponseDescribeConfigsResourceResult(r: Reader, version: number): DescribeConfigsResponseDescribeConfigsResourceResult {
  let fName: string = "";
  if (version >= 4) { fName = r.compactString(); } else { fName = r.string(); }
  let fValue: string | null = "";
  if (version >= 4) { fValue = r.compactNullableString(); } else { fValue = r.nullableString(); }
  let fReadOnly: boolean = false;
  fReadOnly = r.bool();
  let fIsDefault: boolean = false;
  if (version <= 0) { fIsDefault = r.bool(); }
  let fConfigSource: number = -1;
  if (version >= 1) { fConfigSource = r.int8(); }
  let fIsSensitive: boolean = false;
  fIsSensitive = r.bool();
  let fSynonyms: DescribeConfigsResponseDescribeConfigsSynonym[] = [];
  if (version >= 1) { if (version >= 4) { fSynonyms = readCompactArray(r, 1, () => readDescribeConfigsResponseDescribeConfigsSynonym(r, version)); } else { fSynonyms = readArray(r, 1, () => readDescribeConfigsResponseDescribeConfigsSynonym(r, version)); } }
  let fConfigType: number = 0;
  if (version >= 3) { fConfigType = r.int8(); }
  let fDocumentation: string | null = "";
  if (version >= 3) { if (version >= 4) { fDocumentation = r.compactNullableString(); } else { fDocumentation = r.nullableString(); } }
  if (version >= 4) r.taggedFields();
  return { name: fName, value: fValue, readOnly: fReadOnly, isDefault: fIsDefault, configSource: fConfigSource, isSensitive: fIsSensitive, synonyms: fSynonyms, configType: fConfigType, documentation: fDocumentation };
}

export interface DescribeConfigsResponseDescribeConfigsResult {
  /** The error code, or 0 if we were able to successfully describe the configurations. */
  errorCode: number;
  /** The error message, or null if we were able to successfully describe the configurations. */
  errorMessage: string | null;
  /** The resource type. */
  resourceType: number;
  /** The resource name. */
  resourceName: string;
  /** Each listed configuration. */
  configs: DescribeConfigsResponseDescribeConfigsResourceResult[];
}

export function defaultDescribeConfigsResponseDescribeConfigsResult(): DescribeConfigsResponseDescribeConfigsResult {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
    configs: [],
  };
}

function writeDescribeConfigsResponseDescribeConfigsResult(w: Writer, v: DescribeConfigsResponseDescribeConfigsResult, version: number): void {
  w.int16(v.errorCode);
  if (version >= 4) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); }
  w.int8(v.resourceType);
  if (version >= 4) { w.compactString(v.resourceName); } else { w.string(v.resourceName); }
  if (version >= 4) { w.unsignedVarint(v.configs.length + 1); for (const item of v.configs) { writeDescribeConfigsResponseDescribeConfigsResourceResult(w, item, version); } } else { w.int32(v.configs.length); for (const item of v.configs) { writeDescribeConfigsResponseDescribeConfigsResourceResult(w, item, version); } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readDescribeConfigsResponseDescribeConfigsResult(r: Reader, version: number): DescribeConfigsResponseDescribeConfigsResult {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  if (version >= 4) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); }
  let fResourceType: number = 0;
  fResourceType = r.int8();
  let fResourceName: string = "";
  if (version >= 4) { fResourceName = r.compactString(); } else { fResourceName = r.string(); }
  let fConfigs: DescribeConfigsResponseDescribeConfigsResourceResult[] = [];
  if (version >= 4) { fConfigs = readCompactArray(r, 1, () => readDescribeConfigsResponseDescribeConfigsResourceResult(r, version)); } else { fConfigs = readArray(r, 1, () => readDescribeConfigsResponseDescribeConfigsResourceResult(r, version)); }
  if (version >= 4) r.taggedFields();
  return { errorCode: fErrorCode, errorMessage: fErrorMessage, resourceType: fResourceType, resourceName: fResourceName, configs: fConfigs };
}

export interface DescribeConfigsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The results for each resource. */
  results: DescribeConfigsResponseDescribeConfigsResult[];
}

export function defaultDescribeConfigsResponse(): DescribeConfigsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

function writeDescribeConfigsResponse(w: Writer, v: DescribeConfigsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  if (version >= 4) { w.unsignedVarint(v.results.length + 1); for (const item of v.results) { writeDescribeConfigsResponseDescribeConfigsResult(w, item, version); } } else { w.int32(v.results.length); for (const item of v.results) { writeDescribeConfigsResponseDescribeConfigsResult(w, item, version); } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readDescribeConfigsResponse(r: Reader, version: number): DescribeConfigsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fResults: DescribeConfigsResponseDescribeConfigsResult[] = [];
  if (version >= 4) { fResults = readCompactArray(r, 1, () => readDescribeConfigsResponseDescribeConfigsResult(r, version)); } else { fResults = readArray(r, 1, () => readDescribeConfigsResponseDescribeConfigsResult(r, version)); }
  if (version >= 4) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, results: fResults };
}

/** The versions of DescribeConfigsResponse this codec reads and writes. */
export const describeConfigsResponseVersions = { min: 0, max: 4, firstFlexible: 4 } as const;

function checkDescribeConfigsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `DescribeConfigsResponse version ${version} is outside 0-4`);
  }
}

export function encodeDescribeConfigsResponse(w: Writer, value: DescribeConfigsResponse, version: number): void {
  checkDescribeConfigsResponseVersion(version);
  writeDescribeConfigsResponse(w, value, version);
}

export function decodeDescribeConfigsResponse(r: Reader, version: number): DescribeConfigsResponse {
  checkDescribeConfigsResponseVersion(version);
  return readDescribeConfigsResponse(r, version);
}
