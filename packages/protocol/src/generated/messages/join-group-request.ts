// Generated from JoinGroupRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface JoinGroupRequestProtocol {
  /** The protocol name. */
  name: string;
  /** The protocol metadata. */
  metadata: Buffer;
}

export function defaultJoinGroupRequestProtocol(): JoinGroupRequestProtocol {
  return {
    name: "",
    metadata: Buffer.alloc(0),
  };
}

function writeJoinGroupRequestProtocol(w: Writer, v: JoinGroupRequestProtocol, version: number): void {
  if (version >= 6) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 6) { w.compactBytes(v.metadata); } else { w.bytes(v.metadata); }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readJoinGroupRequestProtocol(r: Reader, version: number): JoinGroupRequestProtocol {
  let fName: string = "";
  if (version >= 6) { fName = r.compactString(); } else { fName = r.string(); }
  let fMetadata: Buffer = Buffer.alloc(0);
  if (version >= 6) { fMetadata = r.compactBytes(); } else { fMetadata = r.bytes(); }
  if (version >= 6) r.taggedFields();
  return { name: fName, metadata: fMetadata };
}

export interface JoinGroupRequest {
  /** The group identifier. */
  groupId: string;
  /** The coordinator considers the consumer dead if it receives no heartbeat after this timeout in milliseconds. */
  sessionTimeoutMs: number;
  /** The maximum time in milliseconds that the coordinator will wait for each member to rejoin when rebalancing the group. */
  rebalanceTimeoutMs: number;
  /** The member id assigned by the group coordinator. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. */
  groupInstanceId: string | null;
  /** The unique name the for class of protocols implemented by the group we want to join. */
  protocolType: string;
  /** The list of protocols that the member supports. */
  protocols: JoinGroupRequestProtocol[];
  /** The reason why the member (re-)joins the group. */
  reason: string | null;
}

export function defaultJoinGroupRequest(): JoinGroupRequest {
  return {
    groupId: "",
    sessionTimeoutMs: 0,
    rebalanceTimeoutMs: -1,
    memberId: "",
    groupInstanceId: null,
    protocolType: "",
    protocols: [],
    reason: null,
  };
}

function writeJoinGroupRequest(w: Writer, v: JoinGroupRequest, version: number): void {
  if (version >= 6) { w.compactString(v.groupId); } else { w.string(v.groupId); }
  w.int32(v.sessionTimeoutMs);
  if (version >= 1) { w.int32(v.rebalanceTimeoutMs); }
  if (version >= 6) { w.compactString(v.memberId); } else { w.string(v.memberId); }
  if (version >= 5) { if (version >= 6) { w.compactNullableString(v.groupInstanceId); } else { w.nullableString(v.groupInstanceId); } }
  if (version >= 6) { w.compactString(v.protocolType); } else { w.string(v.protocolType); }
  if (version >= 6) { w.unsignedVarint(v.protocols.length + 1); for (const item of v.protocols) { writeJoinGroupRequestProtocol(w, item, version); } } else { w.int32(v.protocols.length); for (const item of v.protocols) { writeJoinGroupRequestProtocol(w, item, version); } }
  if (version >= 8) { w.compactNullableString(v.reason); }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readJoinGroupRequest(r: Reader, version: number): JoinGroupRequest {
  let fGroupId: string = "";
  if (version >= 6) { fGroupId = r.compactString(); } else { fGroupId = r.string(); }
  let fSessionTimeoutMs: number = 0;
  fSessionTimeoutMs = r.int32();
  let fRebalanceTimeoutMs: number = -1;
  if (version >= 1) { fRebalanceTimeoutMs = r.int32(); }
  let fMemberId: string = "";
  if (version >= 6) { fMemberId = r.compactString(); } else { fMemberId = r.string(); }
  let fGroupInstanceId: string | null = null;
  if (version >= 5) { if (version >= 6) { fGroupInstanceId = r.compactNullableString(); } else { fGroupInstanceId = r.nullableString(); } }
  let fProtocolType: string = "";
  if (version >= 6) { fProtocolType = r.compactString(); } else { fProtocolType = r.string(); }
  let fProtocols: JoinGroupRequestProtocol[] = [];
  if (version >= 6) { fProtocols = readCompactArray(r, 1, () => readJoinGroupRequestProtocol(r, version)); } else { fProtocols = readArray(r, 1, () => readJoinGroupRequestProtocol(r, version)); }
  let fReason: string | null = null;
  if (version >= 8) { fReason = r.compactNullableString(); }
  if (version >= 6) r.taggedFields();
  return { groupId: fGroupId, sessionTimeoutMs: fSessionTimeoutMs, rebalanceTimeoutMs: fRebalanceTimeoutMs, memberId: fMemberId, groupInstanceId: fGroupInstanceId, protocolType: fProtocolType, protocols: fProtocols, reason: fReason };
}

/** The versions of JoinGroupRequest this codec reads and writes. */
export const joinGroupRequestVersions = { min: 0, max: 9, firstFlexible: 6 } as const;

function checkJoinGroupRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 9) {
    throw new ProtocolError('unsupported', `JoinGroupRequest version ${version} is outside 0-9`);
  }
}

export function encodeJoinGroupRequest(w: Writer, value: JoinGroupRequest, version: number): void {
  checkJoinGroupRequestVersion(version);
  writeJoinGroupRequest(w, value, version);
}

export function decodeJoinGroupRequest(r: Reader, version: number): JoinGroupRequest {
  checkJoinGroupRequestVersion(version);
  return readJoinGroupRequest(r, version);
}
