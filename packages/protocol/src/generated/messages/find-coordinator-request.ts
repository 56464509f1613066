// Generated from FindCoordinatorRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface FindCoordinatorRequest {
  /** The coordinator key. */
  key: string;
  /** The coordinator key type. (Group, transaction, etc.) */
  keyType: number;
  /** The coordinator keys. */
  coordinatorKeys: string[];
}

export function defaultFindCoordinatorRequest(): FindCoordinatorRequest {
  return {
    key: "",
    keyType: 0,
    coordinatorKeys: [],
  };
}

function writeFindCoordinatorRequest(w: Writer, v: FindCoordinatorRequest, version: number): void {
  if (version <= 3) { if (version >= 3 && version <= 3) { w.compactString(v.key); } else { w.string(v.key); } }
  if (version >= 1) { w.int8(v.keyType); }
  if (version >= 4) { w.unsignedVarint(v.coordinatorKeys.length + 1); for (const item of v.coordinatorKeys) { w.compactString(item); } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readFindCoordinatorRequest(r: Reader, version: number): FindCoordinatorRequest {
  let fKey: string = "";
  if (version <= 3) { if (version >= 3 && version <= 3) { fKey = r.compactString(); } else { fKey = r.string(); } }
  let fKeyType: number = 0;
  if (version >= 1) { fKeyType = r.int8(); }
  let fCoordinatorKeys: string[] = [];
  if (version >= 4) { fCoordinatorKeys = readCompactArray(r, 1, () => r.compactString()); }
  if (version >= 3) r.taggedFields();
  return { key: fKey, keyType: fKeyType, coordinatorKeys: fCoordinatorKeys };
}

/** The versions of FindCoordinatorRequest this codec reads and writes. */
export const findCoordinatorRequestVersions = { min: 0, max: 6, firstFlexible: 3 } as const;

function checkFindCoordinatorRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 6) {
    throw new ProtocolError('unsupported', `FindCoordinatorRequest version ${version} is outside 0-6`);
  }
}

export function encodeFindCoordinatorRequest(w: Writer, value: FindCoordinatorRequest, version: number): void {
  checkFindCoordinatorRequestVersion(version);
  writeFindCoordinatorRequest(w, value, version);
}

export function decodeFindCoordinatorRequest(r: Reader, version: number): FindCoordinatorRequest {
  checkFindCoordinatorRequestVersion(version);
  return readFindCoordinatorRequest(r, version);
}
