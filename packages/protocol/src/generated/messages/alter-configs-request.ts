// Generated from AlterConfigsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AlterConfigsRequestAlterableConfig {
  /** The configuration key name. */
  name: string;
  /** The value to set for the configuration key. */
  value: string | null;
}

export function defaultAlterConfigsRequestAlterableConfig(): AlterConfigsRequestAlterableConfig {
  return {
    name: "",
    value: "",
  };
}

function writeAlterConfigsRequestAlterableConfig(w: Writer, v: AlterConfigsRequestAlterableConfig, version: number): void {
  if (version >= 2) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 2) { w.compactNullableString(v.value); } else { w.nullableString(v.value); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readAlterConfigsRequestAlterableConfig(r: Reader, version: number): AlterConfigsRequestAlterableConfig {
  let fName: string = "";
  if (version >= 2) { fName = r.compactString(); } else { fName = r.string(); }
  let fValue: string | null = "";
  if (version >= 2) { fValue = r.compactNullableString(); } else { fValue = r.nullableString(); }
  if (version >= 2) r.taggedFields();
  return { name: fName, value: fValue };
}

export interface AlterConfigsRequestAlterConfigsResource {
  /** The resource type. */
  resourceType: number;
  /** The resource name. */
  resourceName: string;
  /** The configurations. */
  configs: AlterConfigsRequestAlterableConfig[];
}

export function defaultAlterConfigsRequestAlterConfigsResource(): AlterConfigsRequestAlterConfigsResource {
  return {
    resourceType: 0,
    resourceName: "",
    configs: [],
  };
}

function writeAlterConfigsRequestAlterConfigsResource(w: Writer, v: AlterConfigsRequestAlterConfigsResource, version: number): void {
  w.int8(v.resourceType);
  if (version >= 2) { w.compactString(v.resourceName); } else { w.string(v.resourceName); }
  if (version >= 2) { w.unsignedVarint(v.configs.length + 1); for (const item of v.configs) { writeAlterConfigsRequestAlterableConfig(w, item, version); } } else { w.int32(v.configs.length); for (const item of v.configs) { writeAlterConfigsRequestAlterableConfig(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readAlterConfigsRequestAlterConfigsResource(r: Reader, version: number): AlterConfigsRequestAlterConfigsResource {
  let fResourceType: number = 0;
  fResourceType = r.int8();
  let fResourceName: string = "";
  if (version >= 2) { fResourceName = r.compactString(); } else { fResourceName = r.string(); }
  let fConfigs: AlterConfigsRequestAlterableConfig[] = [];
  if (version >= 2) { fConfigs = readCompactArray(r, 1, () => readAlterConfigsRequestAlterableConfig(r, version)); } else { fConfigs = readArray(r, 1, () => readAlterConfigsRequestAlterableConfig(r, version)); }
  if (version >= 2) r.taggedFields();
  return { resourceType: fResourceType, resourceName: fResourceName, configs: fConfigs };
}

export interface AlterConfigsRequest {
  /** The updates for each resource. */
  resources: AlterConfigsRequestAlterConfigsResource[];
  /** True if we should validate the request, but not change the configurations. */
  validateOnly: boolean;
}

export function defaultAlterConfigsRequest(): AlterConfigsRequest {
  return {
    resources: [],
    validateOnly: false,
  };
}

function writeAlterConfigsRequest(w: Writer, v: AlterConfigsRequest, version: number): void {
  if (version >= 2) { w.unsignedVarint(v.resources.length + 1); for (const item of v.resources) { writeAlterConfigsRequestAlterConfigsResource(w, item, version); } } else { w.int32(v.resources.length); for (const item of v.resources) { writeAlterConfigsRequestAlterConfigsResource(w, item, version); } }
  w.bool(v.validateOnly);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readAlterConfigsRequest(r: Reader, version: number): AlterConfigsRequest {
  let fResources: AlterConfigsRequestAlterConfigsResource[] = [];
  if (version >= 2) { fResources = readCompactArray(r, 1, () => readAlterConfigsRequestAlterConfigsResource(r, version)); } else { fResources = readArray(r, 1, () => readAlterConfigsRequestAlterConfigsResource(r, version)); }
  let fValidateOnly: boolean = false;
  fValidateOnly = r.bool();
  if (version >= 2) r.taggedFields();
  return { resources: fResources, validateOnly: fValidateOnly };
}

/** The versions of AlterConfigsRequest this codec reads and writes. */
export const alterConfigsRequestVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkAlterConfigsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `AlterConfigsRequest version ${version} is outside 0-2`);
  }
}

export function encodeAlterConfigsRequest(w: Writer, value: AlterConfigsRequest, version: number): void {
  checkAlterConfigsRequestVersion(version);
  writeAlterConfigsRequest(w, value, version);
}

export function decodeAlterConfigsRequest(r: Reader, version: number): AlterConfigsRequest {
  checkAlterConfigsRequestVersion(version);
  return readAlterConfigsRequest(r, version);
}
