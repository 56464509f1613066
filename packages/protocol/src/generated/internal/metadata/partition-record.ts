// Generated from internal/metadata/PartitionRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray, readCompactArrayNullable } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface PartitionRecord {
  /** The partition id. */
  partitionId: number;
  /** The unique ID of this topic. */
  topicId: string;
  /** The replicas of this partition, sorted by preferred order. */
  replicas: number[];
  /** The in-sync replicas of this partition */
  isr: number[];
  /** The replicas that we are in the process of removing. */
  removingReplicas: number[];
  /** The replicas that we are in the process of adding. */
  addingReplicas: number[];
  /** The lead replica, or -1 if there is no leader. */
  leader: number;
  /** 1 if the partition is recovering from an unclean leader election; 0 otherwise. */
  leaderRecoveryState: number;
  /** The epoch of the partition leader. */
  leaderEpoch: number;
  /** An epoch that gets incremented each time we change anything in the partition. */
  partitionEpoch: number;
  /** The log directory hosting each replica, sorted in the same exact order as the Replicas field. */
  directories: string[];
  /** The eligible leader replicas of this partition. */
  eligibleLeaderReplicas: number[] | null;
  /** The last known eligible leader replicas of this partition. */
  lastKnownElr: number[] | null;
}

export function defaultPartitionRecord(): PartitionRecord {
  return {
    partitionId: -1,
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    replicas: [],
    isr: [],
    removingReplicas: [],
    addingReplicas: [],
    leader: -1,
    leaderRecoveryState: 0,
    leaderEpoch: -1,
    partitionEpoch: -1,
    directories: [],
    eligibleLeaderReplicas: null,
    lastKnownElr: null,
  };
}

function writePartitionRecord(w: Writer, v: PartitionRecord, version: number): void {
  w.int32(v.partitionId);
  w.uuid(v.topicId);
  w.unsignedVarint(v.replicas.length + 1); for (const item of v.replicas) { w.int32(item); }
  w.unsignedVarint(v.isr.length + 1); for (const item of v.isr) { w.int32(item); }
  w.unsignedVarint(v.removingReplicas.length + 1); for (const item of v.removingReplicas) { w.int32(item); }
  w.unsignedVarint(v.addingReplicas.length + 1); for (const item of v.addingReplicas) { w.int32(item); }
  w.int32(v.leader);
  w.int32(v.leaderEpoch);
  w.int32(v.partitionEpoch);
  if (version >= 1) { w.unsignedVarint(v.directories.length + 1); for (const item of v.directories) { w.uuid(item); } }
  {
    const writeLeaderRecoveryState = v.leaderRecoveryState !== 0;
    const writeEligibleLeaderReplicas = version >= 2 && v.eligibleLeaderReplicas !== null;
    const writeLastKnownElr = version >= 2 && v.lastKnownElr !== null;
    w.unsignedVarint((writeLeaderRecoveryState ? 1 : 0) + (writeEligibleLeaderReplicas ? 1 : 0) + (writeLastKnownElr ? 1 : 0));
    if (writeLeaderRecoveryState) w.taggedField(0, (t) => { t.int8(v.leaderRecoveryState); });
    if (writeEligibleLeaderReplicas) w.taggedField(1, (t) => { if (v.eligibleLeaderReplicas === null) t.unsignedVarint(0); else { t.unsignedVarint(v.eligibleLeaderReplicas.length + 1); for (const item of v.eligibleLeaderReplicas) { t.int32(item); } } });
    if (writeLastKnownElr) w.taggedField(2, (t) => { if (v.lastKnownElr === null) t.unsignedVarint(0); else { t.unsignedVarint(v.lastKnownElr.length + 1); for (const item of v.lastKnownElr) { t.int32(item); } } });
  }
}

function readPartitionRecord(r: Reader, version: number): PartitionRecord {
  let fPartitionId: number = -1;
  fPartitionId = r.int32();
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fReplicas: number[] = [];
  fReplicas = readCompactArray(r, 4, () => r.int32());
  let fIsr: number[] = [];
  fIsr = readCompactArray(r, 4, () => r.int32());
  let fRemovingReplicas: number[] = [];
  fRemovingReplicas = readCompactArray(r, 4, () => r.int32());
  let fAddingReplicas: number[] = [];
  fAddingReplicas = readCompactArray(r, 4, () => r.int32());
  let fLeader: number = -1;
  fLeader = r.int32();
  let fLeaderRecoveryState: number = 0;
  let fLeaderEpoch: number = -1;
  fLeaderEpoch = r.int32();
  let fPartitionEpoch: number = -1;
  fPartitionEpoch = r.int32();
  let fDirectories: string[] = [];
  if (version >= 1) { fDirectories = readCompactArray(r, 16, () => r.uuid()); }
  let fEligibleLeaderReplicas: number[] | null = null;
  let fLastKnownElr: number[] | null = null;
  {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fLeaderRecoveryState = t.int8(); return true;
        case 1:
          if (version >= 2) { fEligibleLeaderReplicas = readCompactArrayNullable(t, 4, () => t.int32()); return true; } return false;
        case 2:
          if (version >= 2) { fLastKnownElr = readCompactArrayNullable(t, 4, () => t.int32()); return true; } return false;
        default:
          return false;
      }
    });
  }
  return { partitionId: fPartitionId, topicId: fTopicId, replicas: fReplicas, isr: fIsr, removingReplicas: fRemovingReplicas, addingReplicas: fAddingReplicas, leader: fLeader, leaderRecoveryState: fLeaderRecoveryState, leaderEpoch: fLeaderEpoch, partitionEpoch: fPartitionEpoch, directories: fDirectories, eligibleLeaderReplicas: fEligibleLeaderReplicas, lastKnownElr: fLastKnownElr };
}

/** The record type of PartitionRecord in the metadata log (MetadataRecordSerde's api key). */
export const partitionRecordApiKey = 3;

/** The versions of PartitionRecord this codec reads and writes. */
export const partitionRecordVersions = { min: 0, max: 2, firstFlexible: 0 } as const;

function checkPartitionRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `PartitionRecord version ${version} is outside 0-2`);
  }
}

export function encodePartitionRecord(w: Writer, value: PartitionRecord, version: number): void {
  checkPartitionRecordVersion(version);
  writePartitionRecord(w, value, version);
}

export function decodePartitionRecord(r: Reader, version: number): PartitionRecord {
  checkPartitionRecordVersion(version);
  return readPartitionRecord(r, version);
}
