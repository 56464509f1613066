// Generated from DescribeClientQuotasRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeClientQuotasRequestComponentData {
  /** The entity type that the filter component applies to. */
  entityType: string;
  /** How to match the entity {0 = exact name, 1 = default name, 2 = any specified name}. */
  matchType: number;
  /** The string to match against, or null if unused for the match type. */
  match: string | null;
}

export function defaultDescribeClientQuotasRequestComponentData(): DescribeClientQuotasRequestComponentData {
  return {
    entityType: "",
    matchType: 0,
    match: "",
  };
}

function writeDescribeClientQuotasRequestComponentData(w: Writer, v: DescribeClientQuotasRequestComponentData, version: number): void {
  if (version >= 1) { w.compactString(v.entityType); } else { w.string(v.entityType); }
  w.int8(v.matchType);
  if (version >= 1) { w.compactNullableString(v.match); } else { w.nullableString(v.match); }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readDescribeClientQuotasRequestComponentData(r: Reader, version: number): DescribeClientQuotasRequestComponentData {
  let fEntityType: string = "";
  if (version >= 1) { fEntityType = r.compactString(); } else { fEntityType = r.string(); }
  let fMatchType: number = 0;
  fMatchType = r.int8();
  let fMatch: string | null = "";
  if (version >= 1) { fMatch = r.compactNullableString(); } else { fMatch = r.nullableString(); }
  if (version >= 1) r.taggedFields();
  return { entityType: fEntityType, matchType: fMatchType, match: fMatch };
}

export interface DescribeClientQuotasRequest {
  /** Filter components to apply to quota entities. */
  components: DescribeClientQuotasRequestComponentData[];
  /** Whether the match is strict, i.e. should exclude entities with unspecified entity types. */
  strict: boolean;
}

export function defaultDescribeClientQuotasRequest(): DescribeClientQuotasRequest {
  return {
    components: [],
    strict: false,
  };
}

function writeDescribeClientQuotasRequest(w: Writer, v: DescribeClientQuotasRequest, version: number): void {
  if (version >= 1) { w.unsignedVarint(v.components.length + 1); for (const item of v.components) { writeDescribeClientQuotasRequestComponentData(w, item, version); } } else { w.int32(v.components.length); for (const item of v.components) { writeDescribeClientQuotasRequestComponentData(w, item, version); } }
  w.bool(v.strict);
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readDescribeClientQuotasRequest(r: Reader, version: number): DescribeClientQuotasRequest {
  let fComponents: DescribeClientQuotasRequestComponentData[] = [];
  if (version >= 1) { fComponents = readCompactArray(r, 1, () => readDescribeClientQuotasRequestComponentData(r, version)); } else { fComponents = readArray(r, 1, () => readDescribeClientQuotasRequestComponentData(r, version)); }
  let fStrict: boolean = false;
  fStrict = r.bool();
  if (version >= 1) r.taggedFields();
  return { components: fComponents, strict: fStrict };
}

/** The versions of DescribeClientQuotasRequest this codec reads and writes. */
export const describeClientQuotasRequestVersions = { min: 0, max: 1, firstFlexible: 1 } as const;

function checkDescribeClientQuotasRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `DescribeClientQuotasRequest version ${version} is outside 0-1`);
  }
}

export function encodeDescribeClientQuotasRequest(w: Writer, value: DescribeClientQuotasRequest, version: number): void {
  checkDescribeClientQuotasRequestVersion(version);
  writeDescribeClientQuotasRequest(w, value, version);
}

export function decodeDescribeClientQuotasRequest(r: Reader, version: number): DescribeClientQuotasRequest {
  checkDescribeClientQuotasRequestVersion(version);
  return readDescribeClientQuotasRequest(r, version);
}
