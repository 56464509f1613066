// Generated from AlterReplicaLogDirsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AlterReplicaLogDirsRequestAlterReplicaLogDirTopic {
  /** The topic name. */
  name: string;
  /** The partition indexes. */
  partitions: number[];
}

export function defaultAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(): AlterReplicaLogDirsRequestAlterReplicaLogDirTopic {
  return {
    name: "",
    partitions: [],
  };
}

function writeAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(w: Writer, v: AlterReplicaLogDirsRequestAlterReplicaLogDirTopic, version: number): void {
  if (version >= 2) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 2) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { w.int32(item); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { w.int32(item); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(r: Reader, version: number): AlterReplicaLogDirsRequestAlterReplicaLogDirTopic {
  let fName: string = "";
  if (version >= 2) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitions: number[] = [];
  if (version >= 2) { fPartitions = readCompactArray(r, 4, () => r.int32()); } else { fPartitions = readArray(r, 4, () => r.int32()); }
  if (version >= 2) r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface AlterReplicaLogDirsRequestAlterReplicaLogDir {
  /** The absolute directory path. */
  path: string;
  /** The topics to add to the directory. */
  topics: AlterReplicaLogDirsRequestAlterReplicaLogDirTopic[];
}

export function defaultAlterReplicaLogDirsRequestAlterReplicaLogDir(): AlterReplicaLogDirsRequestAlterReplicaLogDir {
  return {
    path: "",
    topics: [],
  };
}

function writeAlterReplicaLogDirsRequestAlterReplicaLogDir(w: Writer, v: AlterReplicaLogDirsRequestAlterReplicaLogDir, version: number): void {
  if (version >= 2) { w.compactString(v.path); } else { w.string(v.path); }
  if (version >= 2) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readAlterReplicaLogDirsRequestAlterReplicaLogDir(r: Reader, version: number): AlterReplicaLogDirsRequestAlterReplicaLogDir {
  let fPath: string = "";
  if (version >= 2) { fPath = r.compactString(); } else { fPath = r.string(); }
  let fTopics: AlterReplicaLogDirsRequestAlterReplicaLogDirTopic[] = [];
  if (version >= 2) { fTopics = readCompactArray(r, 1, () => readAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(r, version)); } else { fTopics = readArray(r, 1, () => readAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(r, version)); }
  if (version >= 2) r.taggedFields();
  return { path: fPath, topics: fTopics };
}

export interface AlterReplicaLogDirsRequest {
  /** The alterations to make for each directory. */
  dirs: AlterReplicaLogDirsRequestAlterReplicaLogDir[];
}

export function defaultAlterReplicaLogDirsRequest(): AlterReplicaLogDirsRequest {
  return {
    dirs: [],
  };
}

function writeAlterReplicaLogDirsRequest(w: Writer, v: AlterReplicaLogDirsRequest, version: number): void {
  if (version >= 2) { w.unsignedVarint(v.dirs.length + 1); for (const item of v.dirs) { writeAlterReplicaLogDirsRequestAlterReplicaLogDir(w, item, version); } } else { w.int32(v.dirs.length); for (const item of v.dirs) { writeAlterReplicaLogDirsRequestAlterReplicaLogDir(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readAlterReplicaLogDirsRequest(r: Reader, version: number): AlterReplicaLogDirsRequest {
  let fDirs: AlterReplicaLogDirsRequestAlterReplicaLogDir[] = [];
  if (version >= 2) { fDirs = readCompactArray(r, 1, () => readAlterReplicaLogDirsRequestAlterReplicaLogDir(r, version)); } else { fDirs = readArray(r, 1, () => readAlterReplicaLogDirsRequestAlterReplicaLogDir(r, version)); }
  if (version >= 2) r.taggedFields();
  return { dirs: fDirs };
}

/** The versions of AlterReplicaLogDirsRequest this codec reads and writes. */
export const alterReplicaLogDirsRequestVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkAlterReplicaLogDirsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `AlterReplicaLogDirsRequest version ${version} is outside 0-2`);
  }
}

export function encodeAlterReplicaLogDirsRequest(w: Writer, value: AlterReplicaLogDirsRequest, version: number): void {
  checkAlterReplicaLogDirsRequestVersion(version);
  writeAlterReplicaLogDirsRequest(w, value, version);
}

export function decodeAlterReplicaLogDirsRequest(r: Reader, version: number): AlterReplicaLogDirsRequest {
  checkAlterReplicaLogDirsRequestVersion(version);
  return readAlterReplicaLogDirsRequest(r, version);
}
