// Generated from ListGroupsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ListGroupsRequest {
  /** The states of the groups we want to list. If empty, all groups are returned with their state. */
  statesFilter: string[];
  /** The types of the groups we want to list. If empty, all groups are returned with their type. */
  typesFilter: string[];
}

export function defaultListGroupsRequest(): ListGroupsRequest {
  return {
    statesFilter: [],
    typesFilter: [],
  };
}

function writeListGroupsRequest(w: Writer, v: ListGroupsRequest, version: number): void {
  if (version >= 4) { w.unsignedVarint(v.statesFilter.length + 1); for (const item of v.statesFilter) { w.compactString(item); } }
  if (version >= 5) { w.unsignedVarint(v.typesFilter.length + 1); for (const item of v.typesFilter) { w.compactString(item); } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readListGroupsRequest(r: Reader, version: number): ListGroupsRequest {
  let fStatesFilter: string[] = [];
  if (version >= 4) { fStatesFilter = readCompactArray(r, 1, () => r.compactString()); }
  let fTypesFilter: string[] = [];
  if (version >= 5) { fTypesFilter = readCompactArray(r, 1, () => r.compactString()); }
  if (version >= 3) r.taggedFields();
  return { statesFilter: fStatesFilter, typesFilter: fTypesFilter };
}

/** The versions of ListGroupsRequest this codec reads and writes. */
export const listGroupsRequestVersions = { min: 0, max: 5, firstFlexible: 3 } as const;

function checkListGroupsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 5) {
    throw new ProtocolError('unsupported', `ListGroupsRequest version ${version} is outside 0-5`);
  }
}

export function encodeListGroupsRequest(w: Writer, value: ListGroupsRequest, version: number): void {
  checkListGroupsRequestVersion(version);
  writeListGroupsRequest(w, value, version);
}

export function decodeListGroupsRequest(r: Reader, version: number): ListGroupsRequest {
  checkListGroupsRequestVersion(version);
  return readListGroupsRequest(r, version);
}
