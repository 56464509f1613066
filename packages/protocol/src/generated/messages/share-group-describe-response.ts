// Generated from ShareGroupDescribeResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ShareGroupDescribeResponseTopicPartitions {
  /** The topic ID. */
  topicId: string;
  /** The topic name. */
  topicName: string;
  /** The partitions. */
  partitions: number[];
}

export function defaultShareGroupDescribeResponseTopicPartitions(): ShareGroupDescribeResponseTopicPartitions {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    topicName: "",
    partitions: [],
  };
}

function writeShareGroupDescribeResponseTopicPartitions(w: Writer, v: ShareGroupDescribeResponseTopicPartitions, version: number): void {
  w.uuid(v.topicId);
  w.compactString(v.topicName);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { w.int32(item); }
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupDescribeResponseTopicPartitions(r: Reader, version: number): ShareGroupDescribeResponseTopicPartitions {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fTopicName: string = "";
  fTopicName = r.compactString();
  let fPartitions: number[] = [];
  fPartitions = readCompactArray(r, 4, () => r.int32());
  r.taggedFields();
  return { topicId: fTopicId, topicName: fTopicName, partitions: fPartitions };
}

export interface ShareGroupDescribeResponseAssignment {
  /** The assigned topic-partitions to the member. */
  topicPartitions: ShareGroupDescribeResponseTopicPartitions[];
}

export function defaultShareGroupDescribeResponseAssignment(): ShareGroupDescribeResponseAssignment {
  return {
    topicPartitions: [],
  };
}

function writeShareGroupDescribeResponseAssignment(w: Writer, v: ShareGroupDescribeResponseAssignment, version: number): void {
  w.unsignedVarint(v.topicPartitions.length + 1); for (const item of v.topicPartitions) { writeShareGroupDescribeResponseTopicPartitions(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupDescribeResponseAssignment(r: Reader, version: number): ShareGroupDescribeResponseAssignment {
  let fTopicPartitions: ShareGroupDescribeResponseTopicPartitions[] = [];
  fTopicPartitions = readCompactArray(r, 1, () => readShareGroupDescribeResponseTopicPartitions(r, version));
  r.taggedFields();
  return { topicPartitions: fTopicPartitions };
}

export interface ShareGroupDescribeResponseMember {
  /** The member ID. */
  memberId: string;
  /** The member rack ID. */
  rackId: string | null;
  /** The current member epoch. */
  memberEpoch: number;
  /** The client ID. */
  clientId: string;
  /** The client host. */
  clientHost: string;
  /** The subscribed topic names. */
  subscribedTopicNames: string[];
  /** The current assignment. */
  assignment: ShareGroupDescribeResponseAssignment;
}

export function defaultShareGroupDescribeResponseMember(): ShareGroupDescribeResponseMember {
  return {
    memberId: "",
    rackId: null,
    memberEpoch: 0,
    clientId: "",
    clientHost: "",
    subscribedTopicNames: [],
    assignment: defaultShareGroupDescribeResponseAssignment(),
  };
}

function writeShareGroupDescribeResponseMember(w: Writer, v: ShareGroupDescribeResponseMember, version: number): void {
  w.compactString(v.memberId);
  w.compactNullableString(v.rackId);
  w.int32(v.memberEpoch);
  w.compactString(v.clientId);
  w.compactString(v.clientHost);
  w.unsignedVarint(v.subscribedTopicNames.length + 1); for (const item of v.subscribedTopicNames) { w.compactString(item); }
  writeShareGroupDescribeResponseAssignment(w, v.assignment, version);
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupDescribeResponseMember(r: Reader, version: number): ShareGroupDescribeResponseMember {
  let fMemberId: string = "";
  fMemberId = r.compactString();
  let fRackId: string | null = null;
  fRackId = r.compactNullableString();
  let fMemberEpoch: number = 0;
  fMemberEpoch = r.int32();
  let fClientId: string = "";
  fClientId = r.compactString();
  let fClientHost: string = "";
  fClientHost = r.compactString();
  let fSubscribedTopicNames: string[] = [];
  fSubscribedTopicNames = readCompactArray(r, 1, () => r.compactString());
  let fAssignment: ShareGroupDescribeResponseAssignment = defaultShareGroupDescribeResponseAssignment();
  fAssignment = readShareGroupDescribeResponseAssignment(r, version);
  r.taggedFields();
  return { memberId: fMemberId, rackId: fRackId, memberEpoch: fMemberEpoch, clientId: fClientId, clientHost: fClientHost, subscribedTopicNames: fSubscribedTopicNames, assignment: fAssignment };
}

export interface ShareGroupDescribeResponseDescribedGroup {
  /** The describe error, or 0 if there was no error. */
  errorCode: number;
  /** The top-level error message, or null if there was no error. */
  errorMessage: string | null;
  /** The group ID string. */
  groupId: string;
  /** The group state string, or the empty string. */
  groupState: string;
  /** The group epoch. */
  groupEpoch: number;
  /** The assignment epoch. */
  assignmentEpoch: number;
  /** The selected assignor. */
  assignorName: string;
  /** The members. */
  members: ShareGroupDescribeResponseMember[];
  /** 32-bit bitfield to represent authorized operations for this group. */
  authorizedOperations: number;
}

export function defaultShareGroupDescribeResponseDescribedGroup(): ShareGroupDescribeResponseDescribedGroup {
  return {
    errorCode: 0,
    errorMessage: null,
    groupId: "",
    groupState: "",
    groupEpoch: 0,
    assignmentEpoch: 0,
    assignorName: "",
    members: [],
    authorizedOperations: -2147483648,
  };
}

function writeShareGroupDescribeResponseDescribedGroup(w: Writer, v: ShareGroupDescribeResponseDescribedGroup, version: number): void {
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  w.compactString(v.groupId);
  w.compactString(v.groupState);
  w.int32(v.groupEpoch);
  w.int32(v.assignmentEpoch);
  w.compactString(v.assignorName);
  w.unsignedVarint(v.members.length + 1); for (const item of v.members) { writeShareGroupDescribeResponseMember(w, item, version); }
  w.int32(v.authorizedOperations);
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupDescribeResponseDescribedGroup(r: Reader, version: number): ShareGroupDescribeResponseDescribedGroup {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = null;
  fErrorMessage = r.compactNullableString();
  let fGroupId: string = "";
  fGroupId = r.compactString();
  let fGroupState: string = "";
  fGroupState = r.compactString();
  let fGroupEpoch: number = 0;
  fGroupEpoch = r.int32();
  let fAssignmentEpoch: number = 0;
  fAssignmentEpoch = r.int32();
  let fAssignorName: string = "";
  fAssignorName = r.compactString();
  let fMembers: ShareGroupDescribeResponseMember[] = [];
  fMembers = readCompactArray(r, 1, () => readShareGroupDescribeResponseMember(r, version));
  let fAuthorizedOperations: number = -2147483648;
  fAuthorizedOperations = r.int32();
  r.taggedFields();
  return { errorCode: fErrorCode, errorMessage: fErrorMessage, groupId: fGroupId, groupState: fGroupState, groupEpoch: fGroupEpoch, assignmentEpoch: fAssignmentEpoch, assignorName: fAssignorName, members: fMembers, authorizedOperations: fAuthorizedOperations };
}

export interface ShareGroupDescribeResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Each described group. */
  groups: ShareGroupDescribeResponseDescribedGroup[];
}

export function defaultShareGroupDescribeResponse(): ShareGroupDescribeResponse {
  return {
    throttleTimeMs: 0,
    groups: [],
  };
}

function writeShareGroupDescribeResponse(w: Writer, v: ShareGroupDescribeResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.unsignedVarint(v.groups.length + 1); for (const item of v.groups) { writeShareGroupDescribeResponseDescribedGroup(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupDescribeResponse(r: Reader, version: number): ShareGroupDescribeResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fGroups: ShareGroupDescribeResponseDescribedGroup[] = [];
  fGroups = readCompactArray(r, 1, () => readShareGroupDescribeResponseDescribedGroup(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, groups: fGroups };
}

/** The versions of ShareGroupDescribeResponse this codec reads and writes. */
export const shareGroupDescribeResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkShareGroupDescribeResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ShareGroupDescribeResponse version ${version} is outside 0-0`);
  }
}

export function encodeShareGroupDescribeResponse(w: Writer, value: ShareGroupDescribeResponse, version: number): void {
  checkShareGroupDescribeResponseVersion(version);
  writeShareGroupDescribeResponse(w, value, version);
}

export function decodeShareGroupDescribeResponse(r: Reader, version: number): ShareGroupDescribeResponse {
  checkShareGroupDescribeResponseVersion(version);
  return readShareGroupDescribeResponse(r, version);
}
