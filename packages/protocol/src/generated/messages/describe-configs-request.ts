// Generated from DescribeConfigsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readArrayNullable, readCompactArray, readCompactArrayNullable } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeConfigsRequestDescribeConfigsResource {
  /** The resource type. */
  resourceType: number;
  /** The resource name. */
  resourceName: string;
  /** The configuration keys to list, or null to list all configuration keys. */
  configurationKeys: string[] | null;
}

export function defaultDescribeConfigsRequestDescribeConfigsResource(): DescribeConfigsRequestDescribeConfigsResource {
  return {
    resourceType: 0,
    resourceName: "",
    configurationKeys: [],
  };
}

function writeDescribeConfigsRequestDescribeConfigsResource(w: Writer, v: DescribeConfigsRequestDescribeConfigsResource, version: number): void {
  w.int8(v.resourceType);
  if (version >= 4) { w.compactString(v.resourceName); } else { w.string(v.resourceName); }
  if (version >= 4) { if (v.configurationKeys === null) w.unsignedVarint(0); else { w.unsignedVarint(v.configurationKeys.length + 1); for (const item of v.configurationKeys) { w.compactString(item); } } } else { if (v.configurationKeys === null) w.int32(-1); else { w.int32(v.configurationKeys.length); for (const item of v.configurationKeys) { w.string(item); } } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readDescribeConfigsRequestDescribeConfigsResource(r: Reader, version: number): DescribeConfigsRequestDescribeConfigsResource {
  let fResourceType: number = 0;
  fResourceType = r.int8();
  let fResourceName: string = "";
  if (version >= 4) { fResourceName = r.compactString(); } else { fResourceName = r.string(); }
  let fConfigurationKeys: string[] | null = [];
  if (version >= 4) { fConfigurationKeys = readCompactArrayNullable(r, 1, () => r.compactString()); } else { fConfigurationKeys = readArrayNullable(r, 2, () => r.string()); }
  if (version >= 4) r.taggedFields();
  return { resourceType: fResourceType, resourceName: fResourceName, configurationKeys: fConfigurationKeys };
}

export interface DescribeConfigsRequest {
  /** The resources whose configurations we want to describe. */
  resources: DescribeConfigsRequestDescribeConfigsResource[];
  /** True if we should include all synonyms. */
  includeSynonyms: boolean;
  /** True if we should include configuration documentation. */
  includeDocumentation: boolean;
}

export function defaultDescribeConfigsRequest(): DescribeConfigsRequest {
  return {
    resources: [],
    includeSynonyms: false,
    includeDocumentation: false,
  };
}

function writeDescribeConfigsRequest(w: Writer, v: DescribeConfigsRequest, version: number): void {
  if (version >= 4) { w.unsignedVarint(v.resources.length + 1); for (const item of v.resources) { writeDescribeConfigsRequestDescribeConfigsResource(w, item, version); } } else { w.int32(v.resources.length); for (const item of v.resources) { writeDescribeConfigsRequestDescribeConfigsResource(w, item, version); } }
  if (version >= 1) { w.bool(v.includeSynonyms); }
  if (version >= 3) { w.bool(v.includeDocumentation); }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readDescribeConfigsRequest(r: Reader, version: number): DescribeConfigsRequest {
  let fResources: DescribeConfigsRequestDescribeConfigsResource[] = [];
  if (version >= 4) { fResources = readCompactArray(r, 1, () => readDescribeConfigsRequestDescribeConfigsResource(r, version)); } else { fResources = readArray(r, 1, () => readDescribeConfigsRequestDescribeConfigsResource(r, version)); }
  let fIncludeSynonyms: boolean = false;
  if (version >= 1) { fIncludeSynonyms = r.bool(); }
  let fIncludeDocumentation: boolean = false;
  if (version >= 3) { fIncludeDocumentation = r.bool(); }
  if (version >= 4) r.taggedFields();
  return { resources: fResources, includeSynonyms: fIncludeSynonyms, includeDocumentation: fIncludeDocumentation };
}

/** The versions of DescribeConfigsRequest this codec reads and writes. */
export const describeConfigsRequestVersions = { min: 0, max: 4, firstFlexible: 4 } as const;

function checkDescribeConfigsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `DescribeConfigsRequest version ${version} is outside 0-4`);
  }
}

export function encodeDescribeConfigsRequest(w: Writer, value: DescribeConfigsRequest, version: number): void {
  checkDescribeConfigsRequestVersion(version);
  writeDescribeConfigsRequest(w, value, version);
}

export function decodeDescribeConfigsRequest(r: Reader, version: number): DescribeConfigsRequest {
  checkDescribeConfigsRequestVersion(version);
  return readDescribeConfigsRequest(r, version);
}
