// Generated from ConsumerGroupDescribeResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ConsumerGroupDescribeResponseTopicPartitions {
  /** The topic ID. */
  topicId: string;
  /** The topic name. */
  topicName: string;
  /** The partitions. */
  partitions: number[];
}

export function defaultConsumerGroupDescribeResponseTopicPartitions(): ConsumerGroupDescribeResponseTopicPartitions {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    topicName: "",
    partitions: [],
  };
}

function writeConsumerGroupDescribeResponseTopicPartitions(w: Writer, v: ConsumerGroupDescribeResponseTopicPartitions, version: number): void {
  w.uuid(v.topicId);
  w.compactString(v.topicName);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { w.int32(item); }
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupDescribeResponseTopicPartitions(r: Reader, version: number): ConsumerGroupDescribeResponseTopicPartitions {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fTopicName: string = "";
  fTopicName = r.compactString();
  let fPartitions: number[] = [];
  fPartitions = readCompactArray(r, 4, () => r.int32());
  r.taggedFields();
  return { topicId: fTopicId, topicName: fTopicName, partitions: fPartitions };
}

export interface ConsumerGroupDescribeResponseAssignment {
  /** The assigned topic-partitions to the member. */
  topicPartitions: ConsumerGroupDescribeResponseTopicPartitions[];
}

export function defaultConsumerGroupDescribeResponseAssignment(): ConsumerGroupDescribeResponseAssignment {
  return {
    topicPartitions: [],
  };
}

function writeConsumerGroupDescribeResponseAssignment(w: Writer, v: ConsumerGroupDescribeResponseAssignment, version: number): void {
  w.unsignedVarint(v.topicPartitions.length + 1); for (const item of v.topicPartitions) { writeConsumerGroupDescribeResponseTopicPartitions(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupDescribeResponseAssignment(r: Reader, version: number): ConsumerGroupDescribeResponseAssignment {
  let fTopicPartitions: ConsumerGroupDescribeResponseTopicPartitions[] = [];
  fTopicPartitions = readCompactArray(r, 1, () => readConsumerGroupDescribeResponseTopicPartitions(r, version));
  r.taggedFields();
  return { topicPartitions: fTopicPartitions };
}

export interface ConsumerGroupDescribeResponseMember {
  /** The member ID. */
  memberId: string;
  /** The member instance ID. */
  instanceId: string | null;
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
  /** the subscribed topic regex otherwise or null of not provided. */
  subscribedTopicRegex: string | null;
  /** The current assignment. */
  assignment: ConsumerGroupDescribeResponseAssignment;
  /** The target assignment. */
  targetAssignment: ConsumerGroupDescribeResponseAssignment;
}

export function defaultConsumerGroupDescribeResponseMember(): ConsumerGroupDescribeResponseMember {
  return {
    memberId: "",
    instanceId: null,
    rackId: null,
    memberEpoch: 0,
    clientId: "",
    clientHost: "",
    subscribedTopicNames: [],
    subscribedTopicRegex: null,
    assignment: defaultConsumerGroupDescribeResponseAssignment(),
    targetAssignment: defaultConsumerGroupDescribeResponseAssignment(),
  };
}

function writeConsumerGroupDescribeResponseMember(w: Writer, v: ConsumerGroupDescribeResponseMember, version: number): void {
  w.compactString(v.memberId);
  w.compactNullableString(v.instanceId);
  w.compactNullableString(v.rackId);
  w.int32(v.memberEpoch);
  w.compactString(v.clientId);
  w.compactString(v.clientHost);
  w.unsignedVarint(v.subscribedTopicNames.length + 1); for (const item of v.subscribedTopicNames) { w.compactString(item); }
  w.compactNullableString(v.subscribedTopicRegex);
  writeConsumerGroupDescribeResponseAssignment(w, v.assignment, version);
  writeConsumerGroupDescribeResponseAssignment(w, v.targetAssignment, version);
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupDescribeResponseMember(r: Reader, version: number): ConsumerGroupDescribeResponseMember {
  let fMemberId: string = "";
  fMemberId = r.compactString();
  let fInstanceId: string | null = null;
  fInstanceId = r.compactNullableString();
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
  let fSubscribedTopicRegex: string | null = null;
  fSubscribedTopicRegex = r.compactNullableString();
  let fAssignment: ConsumerGroupDescribeResponseAssignment = defaultConsumerGroupDescribeResponseAssignment();
  fAssignment = readConsumerGroupDescribeResponseAssignment(r, version);
  let fTargetAssignment: ConsumerGroupDescribeResponseAssignment = defaultConsumerGroupDescribeResponseAssignment();
  fTargetAssignment = readConsumerGroupDescribeResponseAssignment(r, version);
  r.taggedFields();
  return { memberId: fMemberId, instanceId: fInstanceId, rackId: fRackId, memberEpoch: fMemberEpoch, clientId: fClientId, clientHost: fClientHost, subscribedTopicNames: fSubscribedTopicNames, subscribedTopicRegex: fSubscribedTopicRegex, assignment: fAssignment, targetAssignment: fTargetAssignment };
}

export interface ConsumerGroupDescribeResponseDescribedGroup {
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
  members: ConsumerGroupDescribeResponseMember[];
  /** 32-bit bitfield to represent authorized operations for this group. */
  authorizedOperations: number;
}

export function defaultConsumerGroupDescribeResponseDescribedGroup(): ConsumerGroupDescribeResponseDescribedGroup {
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

function writeConsumerGroupDescribeResponseDescribedGroup(w: Writer, v: ConsumerGroupDescribeResponseDescribedGroup, version: number): void {
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  w.compactString(v.groupId);
  w.compactString(v.groupState);
  w.int32(v.groupEpoch);
  w.int32(v.assignmentEpoch);
  w.compactString(v.assignorName);
  w.unsignedVarint(v.members.length + 1); for (const item of v.members) { writeConsumerGroupDescribeResponseMember(w, item, version); }
  w.int32(v.authorizedOperations);
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupDescribeResponseDescribedGroup(r: Reader, version: number): ConsumerGroupDescribeResponseDescribedGroup {
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
  let fMembers: ConsumerGroupDescribeResponseMember[] = [];
  fMembers = readCompactArray(r, 1, () => readConsumerGroupDescribeResponseMember(r, version));
  let fAuthorizedOperations: number = -2147483648;
  fAuthorizedOperations = r.int32();
  r.taggedFields();
  return { errorCode: fErrorCode, errorMessage: fErrorMessage, groupId: fGroupId, groupState: fGroupState, groupEpoch: fGroupEpoch, assignmentEpoch: fAssignmentEpoch, assignorName: fAssignorName, members: fMembers, authorizedOperations: fAuthorizedOperations };
}

export interface ConsumerGroupDescribeResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Each described group. */
  groups: ConsumerGroupDescribeResponseDescribedGroup[];
}

export function defaultConsumerGroupDescribeResponse(): ConsumerGroupDescribeResponse {
  return {
    throttleTimeMs: 0,
    groups: [],
  };
}

function writeConsumerGroupDescribeResponse(w: Writer, v: ConsumerGroupDescribeResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.unsignedVarint(v.groups.length + 1); for (const item of v.groups) { writeConsumerGroupDescribeResponseDescribedGroup(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupDescribeResponse(r: Reader, version: number): ConsumerGroupDescribeResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fGroups: ConsumerGroupDescribeResponseDescribedGroup[] = [];
  fGroups = readCompactArray(r, 1, () => readConsumerGroupDescribeResponseDescribedGroup(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, groups: fGroups };
}

/** The versions of ConsumerGroupDescribeResponse this codec reads and writes. */
export const consumerGroupDescribeResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkConsumerGroupDescribeResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ConsumerGroupDescribeResponse version ${version} is outside 0-0`);
  }
}

export function encodeConsumerGroupDescribeResponse(w: Writer, value: ConsumerGroupDescribeResponse, version: number): void {
  checkConsumerGroupDescribeResponseVersion(version);
  writeConsumerGroupDescribeResponse(w, value, version);
}

export function decodeConsumerGroupDescribeResponse(r: Reader, version: number): ConsumerGroupDescribeResponse {
  checkConsumerGroupDescribeResponseVersion(version);
  return readConsumerGroupDescribeResponse(r, version);
}
