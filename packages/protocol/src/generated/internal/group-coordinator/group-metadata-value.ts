// Generated from internal/group-coordinator/GroupMetadataValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface GroupMetadataValueMemberMetadata {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  rebalanceTimeout: number;
  sessionTimeout: number;
  subscription: Buffer;
  assignment: Buffer;
}

export function defaultGroupMetadataValueMemberMetadata(): GroupMetadataValueMemberMetadata {
  return {
    memberId: "",
    groupInstanceId: null,
    clientId: "",
    clientHost: "",
    rebalanceTimeout: -1,
    sessionTimeout: 0,
    subscription: Buffer.alloc(0),
    assignment: Buffer.alloc(0),
  };
}

function writeGroupMetadataValueMemberMetadata(w: Writer, v: GroupMetadataValueMemberMetadata, version: number): void {
  if (version >= 4) { w.compactString(v.memberId); } else { w.string(v.memberId); }
  if (version >= 3) { if (version >= 4) { w.compactNullableString(v.groupInstanceId); } else { w.nullableString(v.groupInstanceId); } }
  if (version >= 4) { w.compactString(v.clientId); } else { w.string(v.clientId); }
  if (version >= 4) { w.compactString(v.clientHost); } else { w.string(v.clientHost); }
  if (version >= 1) { w.int32(v.rebalanceTimeout); }
  w.int32(v.sessionTimeout);
  if (version >= 4) { w.compactBytes(v.subscription); } else { w.bytes(v.subscription); }
  if (version >= 4) { w.compactBytes(v.assignment); } else { w.bytes(v.assignment); }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readGroupMetadataValueMemberMetadata(r: Reader, version: number): GroupMetadataValueMemberMetadata {
  let fMemberId: string = "";
  if (version >= 4) { fMemberId = r.compactString(); } else { fMemberId = r.string(); }
  let fGroupInstanceId: string | null = null;
  if (version >= 3) { if (version >= 4) { fGroupInstanceId = r.compactNullableString(); } else { fGroupInstanceId = r.nullableString(); } }
  let fClientId: string = "";
  if (version >= 4) { fClientId = r.compactString(); } else { fClientId = r.string(); }
  let fClientHost: string = "";
  if (version >= 4) { fClientHost = r.compactString(); } else { fClientHost = r.string(); }
  let fRebalanceTimeout: number = -1;
  if (version >= 1) { fRebalanceTimeout = r.int32(); }
  let fSessionTimeout: number = 0;
  fSessionTimeout = r.int32();
  let fSubscription: Buffer = Buffer.alloc(0);
  if (version >= 4) { fSubscription = r.compactBytes(); } else { fSubscription = r.bytes(); }
  let fAssignment: Buffer = Buffer.alloc(0);
  if (version >= 4) { fAssignment = r.compactBytes(); } else { fAssignment = r.bytes(); }
  if (version >= 4) r.taggedFields();
  return { memberId: fMemberId, groupInstanceId: fGroupInstanceId, clientId: fClientId, clientHost: fClientHost, rebalanceTimeout: fRebalanceTimeout, sessionTimeout: fSessionTimeout, subscription: fSubscription, assignment: fAssignment };
}

export interface GroupMetadataValue {
  protocolType: string;
  generation: number;
  protocol: string | null;
  leader: string | null;
  currentStateTimestamp: bigint;
  members: GroupMetadataValueMemberMetadata[];
}

export function defaultGroupMetadataValue(): GroupMetadataValue {
  return {
    protocolType: "",
    generation: 0,
    protocol: "",
    leader: "",
    currentStateTimestamp: -1n,
    members: [],
  };
}

function writeGroupMetadataValue(w: Writer, v: GroupMetadataValue, version: number): void {
  if (version >= 4) { w.compactString(v.protocolType); } else { w.string(v.protocolType); }
  w.int32(v.generation);
  if (version >= 4) { w.compactNullableString(v.protocol); } else { w.nullableString(v.protocol); }
  if (version >= 4) { w.compactNullableString(v.leader); } else { w.nullableString(v.leader); }
  if (version >= 2) { w.int64(v.currentStateTimestamp); }
  if (version >= 4) { w.unsignedVarint(v.members.length + 1); for (const item of v.members) { writeGroupMetadataValueMemberMetadata(w, item, version); } } else { w.int32(v.members.length); for (const item of v.members) { writeGroupMetadataValueMemberMetadata(w, item, version); } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readGroupMetadataValue(r: Reader, version: number): GroupMetadataValue {
  let fProtocolType: string = "";
  if (version >= 4) { fProtocolType = r.compactString(); } else { fProtocolType = r.string(); }
  let fGeneration: number = 0;
  fGeneration = r.int32();
  let fProtocol: string | null = "";
  if (version >= 4) { fProtocol = r.compactNullableString(); } else { fProtocol = r.nullableString(); }
  let fLeader: string | null = "";
  if (version >= 4) { fLeader = r.compactNullableString(); } else { fLeader = r.nullableString(); }
  let fCurrentStateTimestamp: bigint = -1n;
  if (version >= 2) { fCurrentStateTimestamp = r.int64(); }
  let fMembers: GroupMetadataValueMemberMetadata[] = [];
  if (version >= 4) { fMembers = readCompactArray(r, 1, () => readGroupMetadataValueMemberMetadata(r, version)); } else { fMembers = readArray(r, 1, () => readGroupMetadataValueMemberMetadata(r, version)); }
  if (version >= 4) r.taggedFields();
  return { protocolType: fProtocolType, generation: fGeneration, protocol: fProtocol, leader: fLeader, currentStateTimestamp: fCurrentStateTimestamp, members: fMembers };
}

/** The versions of GroupMetadataValue this codec reads and writes. */
export const groupMetadataValueVersions = { min: 0, max: 4, firstFlexible: 4 } as const;

function checkGroupMetadataValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `GroupMetadataValue version ${version} is outside 0-4`);
  }
}

export function encodeGroupMetadataValue(w: Writer, value: GroupMetadataValue, version: number): void {
  checkGroupMetadataValueVersion(version);
  writeGroupMetadataValue(w, value, version);
}

export function decodeGroupMetadataValue(r: Reader, version: number): GroupMetadataValue {
  checkGroupMetadataValueVersion(version);
  return readGroupMetadataValue(r, version);
}
