// Generated from DescribeUserScramCredentialsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArrayNullable } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeUserScramCredentialsRequestUserName {
  /** The user name. */
  name: string;
}

export function defaultDescribeUserScramCredentialsRequestUserName(): DescribeUserScramCredentialsRequestUserName {
  return {
    name: "",
  };
}

function writeDescribeUserScramCredentialsRequestUserName(w: Writer, v: DescribeUserScramCredentialsRequestUserName, version: number): void {
  w.compactString(v.name);
  {
    w.unsignedVarint(0);
  }
}

function readDescribeUserScramCredentialsRequestUserName(r: Reader, version: number): DescribeUserScramCredentialsRequestUserName {
  let fName: string = "";
  fName = r.compactString();
  r.taggedFields();
  return { name: fName };
}

export interface DescribeUserScramCredentialsRequest {
  /** The users to describe, or null/empty to describe all users. */
  users: DescribeUserScramCredentialsRequestUserName[] | null;
}

export function defaultDescribeUserScramCredentialsRequest(): DescribeUserScramCredentialsRequest {
  return {
    users: [],
  };
}

function writeDescribeUserScramCredentialsRequest(w: Writer, v: DescribeUserScramCredentialsRequest, version: number): void {
  if (v.users === null) w.unsignedVarint(0); else { w.unsignedVarint(v.users.length + 1); for (const item of v.users) { writeDescribeUserScramCredentialsRequestUserName(w, item, version); } }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeUserScramCredentialsRequest(r: Reader, version: number): DescribeUserScramCredentialsRequest {
  let fUsers: DescribeUserScramCredentialsRequestUserName[] | null = [];
  fUsers = readCompactArrayNullable(r, 1, () => readDescribeUserScramCredentialsRequestUserName(r, version));
  r.taggedFields();
  return { users: fUsers };
}

/** The versions of DescribeUserScramCredentialsRequest this codec reads and writes. */
export const describeUserScramCredentialsRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkDescribeUserScramCredentialsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `DescribeUserScramCredentialsRequest version ${version} is outside 0-0`);
  }
}

export function encodeDescribeUserScramCredentialsRequest(w: Writer, value: DescribeUserScramCredentialsRequest, version: number): void {
  checkDescribeUserScramCredentialsRequestVersion(version);
  writeDescribeUserScramCredentialsRequest(w, value, version);
}

export function decodeDescribeUserScramCredentialsRequest(r: Reader, version: number): DescribeUserScramCredentialsRequest {
  checkDescribeUserScramCredentialsRequestVersion(version);
  return readDescribeUserScramCredentialsRequest(r, version);
}
