// Generated from IncrementalAlterConfigsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface IncrementalAlterConfigsRequestAlterableConfig {
  /** The configuration key name. */
  name: string;
  /** The type (Set, Delete, Append, Subtract) of operation. */
  configOperation: number;
  /** The value to set for the configuration key. */
  value: string | null;
}

export function defaultIncrementalAlterConfigsRequestAlterableConfig(): IncrementalAlterConfigsRequestAlterableConfig {
  return {
    name: "",
    configOperation: 0,
    value: "",
  };
}

function writeIncrementalAlterConfigsRequestAlterableConfig(w: Writer, v: IncrementalAlterConfigsRequestAlterableConfig, version: number): void {
  if (version >= 1) { w.compactString(v.name); } else { w.string(v.name); }
  w.int8(v.configOperation);
  if (version >= 1) { w.compactNullableString(v.value); } else { w.nullableString(v.value); }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readIncrementalAlterConfigsRequestAlterableConfig(r: Reader, version: number): IncrementalAlterConfigsRequestAlterableConfig {
  let fName: string = "";
  if (version >= 1) { fName = r.compactString(); } else { fName = r.string(); }
  let fConfigOperation: number = 0;
  fConfigOperation = r.int8();
  let fValue: string | null = "";
  if (version >= 1) { fValue = r.compactNullableString(); } else { fValue = r.nullableString(); }
  if (version >= 1) r.taggedFields();
  return { name: fName, configOperation: fConfigOperation, value: fValue };
}

export interface IncrementalAlterConfigsRequestAlterConfigsResource {
  /** The resource type. */
  resourceType: number;
  /** The resource name. */
  resourceName: string;
  /** The configurations. */
  configs: IncrementalAlterConfigsRequestAlterableConfig[];
}

export function defaultIncrementalAlterConfigsRequestAlterConfigsResource(): IncrementalAlterConfigsRequestAlterConfigsResource {
  return {
    resourceType: 0,
    resourceName: "",
    configs: [],
  };
}

function writeIncrementalAlterConfigsRequestAlterConfigsResource(w: Writer, v: IncrementalAlterConfigsRequestAlterConfigsResource, version: number): void {
  w.int8(v.resourceType);
  if (version >= 1) { w.compactString(v.resourceName); } else { w.string(v.resourceName); }
  if (version >= 1) { w.unsignedVarint(v.configs.length + 1); for (const item of v.configs) { writeIncrementalAlterConfigsRequestAlterableConfig(w, item, version); } } else { w.int32(v.configs.length); for (const item of v.configs) { writeIncrementalAlterConfigsRequestAlterableConfig(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readIncrementalAlterConfigsRequestAlterConfigsResource(r: Reader, version: number): IncrementalAlterConfigsRequestAlterConfigsResource {
  let fResourceType: number = 0;
  fResourceType = r.int8();
  let fResourceName: string = "";
  if (version >= 1) { fResourceName = r.compactString(); } else { fResourceName = r.string(); }
  let fConfigs: IncrementalAlterConfigsRequestAlterableConfig[] = [];
  if (version >= 1) { fConfigs = readCompactArray(r, 1, () => readIncrementalAlterConfigsRequestAlterableConfig(r, version)); } else { fConfigs = readArray(r, 1, () => readIncrementalAlterConfigsRequestAlterableConfig(r, version)); }
  if (version >= 1) r.taggedFields();
  return { resourceType: fResourceType, resourceName: fResourceName, configs: fConfigs };
}

export interface IncrementalAlterConfigsRequest {
  /** The incremental updates for each resource. */
  resources: IncrementalAlterConfigsRequestAlterConfigsResource[];
  /** True if we should validate the request, but not change the configurations. */
  validateOnly: boolean;
}

export function defaultIncrementalAlterConfigsRequest(): IncrementalAlterConfigsRequest {
  return {
    resources: [],
    validateOnly: false,
  };
}

function writeIncrementalAlterConfigsRequest(w: Writer, v: IncrementalAlterConfigsRequest, version: number): void {
  if (version >= 1) { w.unsignedVarint(v.resources.length + 1); for (const item of v.resources) { writeIncrementalAlterConfigsRequestAlterConfigsResource(w, item, version); } } else { w.int32(v.resources.length); for (const item of v.resources) { writeIncrementalAlterConfigsRequestAlterConfigsResource(w, item, version); } }
  w.bool(v.validateOnly);
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readIncrementalAlterConfigsRequest(r: Reader, version: number): IncrementalAlterConfigsRequest {
  let fResources: IncrementalAlterConfigsRequestAlterConfigsResource[] = [];
  if (version >= 1) { fResources = readCompactArray(r, 1, () => readIncrementalAlterConfigsRequestAlterConfigsResource(r, version)); } else { fResources = readArray(r, 1, () => readIncrementalAlterConfigsRequestAlterConfigsResource(r, version)); }
  let fValidateOnly: boolean = false;
  fValidateOnly = r.bool();
  if (version >= 1) r.taggedFields();
  return { resources: fResources, validateOnly: fValidateOnly };
}

/** The versions of IncrementalAlterConfigsRequest this codec reads and writes. */
export const incrementalAlterConfigsRequestVersions = { min: 0, max: 1, firstFlexible: 1 } as const;

function checkIncrementalAlterConfigsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `IncrementalAlterConfigsRequest version ${version} is outside 0-1`);
  }
}

export function encodeIncrementalAlterConfigsRequest(w: Writer, value: IncrementalAlterConfigsRequest, version: number): void {
  checkIncrementalAlterConfigsRequestVersion(version);
  writeIncrementalAlterConfigsRequest(w, value, version);
}

export function decodeIncrementalAlterConfigsRequest(r: Reader, version: number): IncrementalAlterConfigsRequest {
  checkIncrementalAlterConfigsRequestVersion(version);
  return readIncrementalAlterConfigsRequest(r, version);
}
