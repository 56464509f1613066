// Generated from internal/group-coordinator/ShareGroupMemberMetadataValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ShareGroupMemberMetadataValue {
  /** The (optional) rack id. */
  rackId: string | null;
  /** The client id. */
  clientId: string;
  /** The client host. */
  clientHost: string;
  /** The list of subscribed topic names. */
  subscribedTopicNames: string[];
}

export function defaultShareGroupMemberMetadataValue(): ShareGroupMemberMetadataValue {
  return {
    rackId: "",
    clientId: "",
    clientHost: "",
    subscribedTopicNames: [],
  };
}

function writeShareGroupMemberMetadataValue(w: Writer, v: ShareGroupMemberMetadataValue, version: number): void {
  w.compactNullableString(v.rackId);
  w.compactString(v.clientId);
  w.compactString(v.clientHost);
  w.unsignedVarint(v.subscribedTopicNames.length + 1); for (const item of v.subscribedTopicNames) { w.compactString(item); }
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupMemberMetadataValue(r: Reader, version: number): ShareGroupMemberMetadataValue {
  let fRackId: string | null = "";
  fRackId = r.compactNullableString();
  let fClientId: string = "";
  fClientId = r.compactString();
  let fClientHost: string = "";
  fClientHost = r.compactString();
  let fSubscribedTopicNames: string[] = [];
  fSubscribedTopicNames = readCompactArray(r, 1, () => r.compactString());
  r.taggedFields();
  return { rackId: fRackId, clientId: fClientId, clientHost: fClientHost, subscribedTopicNames: fSubscribedTopicNames };
}

/** The versions of ShareGroupMemberMetadataValue this codec reads and writes. */
export const shareGroupMemberMetadataValueVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkShareGroupMemberMetadataValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ShareGroupMemberMetadataValue version ${version} is outside 0-0`);
  }
}

export function encodeShareGroupMemberMetadataValue(w: Writer, value: ShareGroupMemberMetadataValue, version: number): void {
  checkShareGroupMemberMetadataValueVersion(version);
  writeShareGroupMemberMetadataValue(w, value, version);
}

export function decodeShareGroupMemberMetadataValue(r: Reader, version: number): ShareGroupMemberMetadataValue {
  checkShareGroupMemberMetadataValueVersion(version);
  return readShareGroupMemberMetadataValue(r, version);
}
