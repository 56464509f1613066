// Generated from internal/metadata/PartitionChangeRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArrayNullable } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface PartitionChangeRecord {
  /** The partition id. */
  partitionId: number;
  /** The unique ID of this topic. */
  topicId: string;
  /** null if the ISR didn't change; the new in-sync replicas otherwise. */
  isr: number[] | null;
  /** -1 if there is now no leader; -2 if the leader didn't change; the new leader otherwise. */
  leader: number;
  /** null if the replicas didn't change; the new replicas otherwise. */
  replicas: number[] | null;
  /** null if the removing replicas didn't change; the new removing replicas otherwise. */
  removingReplicas: number[] | null;
  /** null if the adding replicas didn't change; the new adding replicas otherwise. */
  addingReplicas: number[] | null;
  /** -1 if it didn't change; 0 if the leader was elected from the ISR or recovered from an unclean election; 1 if the leader that was elected using unclean leader election and it is still recovering. */
  leaderRecoveryState: number;
  /** null if the log dirs didn't change; the new log directory for each replica otherwise. */
  directories: string[] | null;
  /** null if the ELR didn't change; the new eligible leader replicas otherwise. */
  eligibleLeaderReplicas: number[] | null;
  /** null if the LastKnownElr didn't change; the last known eligible leader replicas otherwise. */
  lastKnownElr: number[] | null;
}

export function defaultPartitionChangeRecord(): PartitionChangeRecord {
  return {
    partitionId: -1,
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    isr: null,
    leader: -2,
    replicas: null,
    removingReplicas: null,
    addingReplicas: null,
    leaderRecoveryState: -1,
    directories: null,
    eligibleLeaderReplicas: null,
    lastKnownElr: null,
  };
}

function writePartitionChangeRecord(w: Writer, v: PartitionChangeRecord, version: number): void {
  w.int32(v.partitionId);
  w.uuid(v.topicId);
  {
    const writeIsr = v.isr !== null;
    const writeLeader = v.leader !== -2;
    const writeReplicas = v.replicas !== null;
    const writeRemovingReplicas = v.removingReplicas !== null;
    const writeAddingReplicas = v.addingReplicas !== null;
    const writeLeaderRecoveryState = v.leaderRecoveryState !== -1;
    const writeEligibleLeaderReplicas = version >= 2 && v.eligibleLeaderReplicas !== null;
    const writeLastKnownElr = version >= 2 && v.lastKnownElr !== null;
    const writeDirectories = version >= 1 && v.directories !== null;
    w.unsignedVarint((writeIsr ? 1 : 0) + (writeLeader ? 1 : 0) + (writeReplicas ? 1 : 0) + (writeRemovingReplicas ? 1 : 0) + (writeAddingReplicas ? 1 : 0) + (writeLeaderRecoveryState ? 1 : 0) + (writeEligibleLeaderReplicas ? 1 : 0) + (writeLastKnownElr ? 1 : 0) + (writeDirectories ? 1 : 0));
    if (writeIsr) w.taggedField(0, (t) => { if (v.isr === null) t.unsignedVarint(0); else { t.unsignedVarint(v.isr.length + 1); for (const item of v.isr) { t.int32(item); } } });
    if (writeLeader) w.taggedField(1, (t) => { t.int32(v.leader); });
    if (writeReplicas) w.taggedField(2, (t) => { if (v.replicas === null) t.unsignedVarint(0); else { t.unsignedVarint(v.replicas.length + 1); for (const item of v.replicas) { t.int32(item); } } });
    if (writeRemovingReplicas) w.taggedField(3, (t) => { if (v.removingReplicas === null) t.unsignedVarint(0); else { t.unsignedVarint(v.removingReplicas.length + 1); for (const item of v.removingReplicas) { t.int32(item); } } });
    if (writeAddingReplicas) w.taggedField(4, (t) => { if (v.addingReplicas === null) t.unsignedVarint(0); else { t.unsignedVarint(v.addingReplicas.length + 1); for (const item of v.addingReplicas) { t.int32(item); } } });
    if (writeLeaderRecoveryState) w.taggedField(5, (t) => { t.int8(v.leaderRecoveryState); });
    if (writeEligibleLeaderReplicas) w.taggedField(6, (t) => { if (v.eligibleLeaderReplicas === null) t.unsignedVarint(0); else { t.unsignedVarint(v.eligibleLeaderReplicas.length + 1); for (const item of v.eligibleLeaderReplicas) { t.int32(item); } } });
    if (writeLastKnownElr) w.taggedField(7, (t) => { if (v.lastKnownElr === null) t.unsignedVarint(0); else { t.unsignedVarint(v.lastKnownElr.length + 1); for (const item of v.lastKnownElr) { t.int32(item); } } });
    if (writeDirectories) w.taggedField(8, (t) => { if (v.directories === null) t.unsignedVarint(0); else { t.unsignedVarint(v.directories.length + 1); for (const item of v.directories) { t.uuid(item); } } });
  }
}

function readPartitionChangeRecord(r: Reader, version: number): PartitionChangeRecord {
  let fPartitionId: number = -1;
  fPartitionId = r.int32();
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fIsr: number[] | null = null;
  let fLeader: number = -2;
  let fReplicas: number[] | null = null;
  let fRemovingReplicas: number[] | null = null;
  let fAddingReplicas: number[] | null = null;
  let fLeaderRecoveryState: number = -1;
  let fDirectories: string[] | null = null;
  let fEligibleLeaderReplicas: number[] | null = null;
  let fLastKnownElr: number[] | null = null;
  {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fIsr = readCompactArrayNullable(t, 4, () => t.int32()); return true;
        case 1:
          fLeader = t.int32(); return true;
        case 2:
          fReplicas = readCompactArrayNullable(t, 4, () => t.int32()); return true;
        case 3:
          fRemovingReplicas = readCompactArrayNullable(t, 4, () => t.int32()); return true;
        case 4:
          fAddingReplicas = readCompactArrayNullable(t, 4, () => t.int32()); return true;
        case 5:
          fLeaderRecoveryState = t.int8(); return true;
        case 6:
          if (version >= 2) { fEligibleLeaderReplicas = readCompactArrayNullable(t, 4, () => t.int32()); return true; } return false;
        case 7:
          if (version >= 2) { fLastKnownElr = readCompactArrayNullable(t, 4, () => t.int32()); return true; } return false;
        case 8:
          if (version >= 1) { fDirectories = readCompactArrayNullable(t, 16, () => t.uuid()); return true; } return false;
        default:
          return false;
      }
    });
  }
  return { partitionId: fPartitionId, topicId: fTopicId, isr: fIsr, leader: fLeader, replicas: fReplicas, removingReplicas: fRemovingReplicas, addingReplicas: fAddingReplicas, leaderRecoveryState: fLeaderRecoveryState, directories: fDirectories, eligibleLeaderReplicas: fEligibleLeaderReplicas, lastKnownElr: fLastKnownElr };
}

/** The record type of PartitionChangeRecord in the metadata log (MetadataRecordSerde's api key). */
export const partitionChangeRecordApiKey = 5;

/** The versions of PartitionChangeRecord this codec reads and writes. */
export const partitionChangeRecordVersions = { min: 0, max: 2, firstFlexible: 0 } as const;

function checkPartitionChangeRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `PartitionChangeRecord version ${version} is outside 0-2`);
  }
}

export function encodePartitionChangeRecord(w: Writer, value: PartitionChangeRecord, version: number): void {
  checkPartitionChangeRecordVersion(version);
  writePartitionChangeRecord(w, value, version);
}

export function decodePartitionChangeRecord(r: Reader, version: number): PartitionChangeRecord {
  checkPartitionChangeRecordVersion(version);
  return readPartitionChangeRecord(r, version);
}
