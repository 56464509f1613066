// Generated from CreatePartitionsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface CreatePartitionsResponseCreatePartitionsTopicResult {
  /** The topic name. */
  name: string;
  /** The result error, or zero if there was no error. */
  errorCode: number;
  /** The result message, or null if there was no error. */
  errorMessage: string | null;
}

export function defaultCreatePartitionsResponseCreatePartitionsTopicResult(): CreatePartitionsResponseCreatePartitionsTopicResult {
  return {
    name: "",
    errorCode: 0,
    errorMessage: null,
  };
}

function writeCreatePartitionsResponseCreatePartitionsTopicResult(w: Writer, v: CreatePartitionsResponseCreatePartitionsTopicResult, version: number): void {
  if (version >= 2) { w.compactString(v.name); } else { w.string(v.name); }
  w.int16(v.errorCode);
  if (version >= 2) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreatePartitionsResponseCreatePartitionsTopicResult(r: Reader, version: number): CreatePartitionsResponseCreatePartitionsTopicResult {
  let fName: string = "";
  if (version >= 2) { fName = r.compactString(); } else { fName = r.string(); }
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = null;
  if (version >= 2) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); }
  if (version >= 2) r.taggedFields();
  return { name: fName, errorCode: fErrorCode, errorMessage: fErrorMessage };
}

export interface CreatePartitionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The partition creation results for each topic. */
  results: CreatePartitionsResponseCreatePartitionsTopicResult[];
}

export function defaultCreatePartitionsResponse(): CreatePartitionsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

function writeCreatePartitionsResponse(w: Writer, v: CreatePartitionsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  if (version >= 2) { w.unsignedVarint(v.results.length + 1); for (const item of v.results) { writeCreatePartitionsResponseCreatePartitionsTopicResult(w, item, version); } } else { w.int32(v.results.length); for (const item of v.results) { writeCreatePartitionsResponseCreatePartitionsTopicResult(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreatePartitionsResponse(r: Reader, version: number): CreatePartitionsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fResults: CreatePartitionsResponseCreatePartitionsTopicResult[] = [];
  if (version >= 2) { fResults = readCompactArray(r, 1, () => readCreatePartitionsResponseCreatePartitionsTopicResult(r, version)); } else { fResults = readArray(r, 1, () => readCreatePartitionsResponseCreatePartitionsTopicResult(r, version)); }
  if (version >= 2) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, results: fResults };
}

/** The versions of CreatePartitionsResponse this codec reads and writes. */
export const createPartitionsResponseVersions = { min: 0, max: 3, firstFlexible: 2 } as const;

function checkCreatePartitionsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `CreatePartitionsResponse version ${version} is outside 0-3`);
  }
}

export function encodeCreatePartitionsResponse(w: Writer, value: CreatePartitionsResponse, version: number): void {
  checkCreatePartitionsResponseVersion(version);
  writeCreatePartitionsResponse(w, value, version);
}

export function decodeCreatePartitionsResponse(r: Reader, version: number): CreatePartitionsResponse {
  checkCreatePartitionsResponseVersion(version);
  return readCreatePartitionsResponse(r, version);
}
