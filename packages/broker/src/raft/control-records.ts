/**
 * The control records the Raft layer writes itself (Kafka's ControlRecordType and ControlRecordUtils). Each is a
 * record of a control batch whose key is version int16 (0), type int16, and whose value is the flexible message:
 * - LeaderChangeMessage (type 2), first in every epoch: it gives the epoch an entry of its own, whose commit
 *   advances the high watermark, and records who voted. v0: Version int16, LeaderId int32, Voters and
 *   GrantingVoters as compact arrays of { VoterId int32, tagged fields }, tagged fields;
 * - SnapshotHeaderRecord (type 3), first in a snapshot: Version int16, LastContainedLogTimestamp int64;
 * - SnapshotFooterRecord (type 4), last in a snapshot: Version int16.
 */
import { Writer, encodeControlRecordKey, type RecordInput } from '@sluice/protocol';

export const LEADER_CHANGE_CONTROL_TYPE = 2;
export const SNAPSHOT_HEADER_CONTROL_TYPE = 3;
export const SNAPSHOT_FOOTER_CONTROL_TYPE = 4;

export function leaderChangeRecord(
  leaderId: number,
  voters: readonly number[],
  grantingVoters: readonly number[],
): RecordInput {
  const w = new Writer(64);
  w.int16(0);
  w.int32(leaderId);
  for (const list of [voters, grantingVoters]) {
    w.unsignedVarint(list.length + 1);
    for (const voterId of list) w.int32(voterId).unsignedVarint(0);
  }
  w.unsignedVarint(0);
  return { key: encodeControlRecordKey(LEADER_CHANGE_CONTROL_TYPE), value: w.finish() };
}

export function snapshotHeaderRecord(lastContainedLogTimestamp: number): RecordInput {
  const w = new Writer(16);
  w.int16(0).int64(BigInt(lastContainedLogTimestamp)).unsignedVarint(0);
  return { key: encodeControlRecordKey(SNAPSHOT_HEADER_CONTROL_TYPE), value: w.finish() };
}

export function snapshotFooterRecord(): RecordInput {
  const w = new Writer(8);
  w.int16(0).unsignedVarint(0);
  return { key: encodeControlRecordKey(SNAPSHOT_FOOTER_CONTROL_TYPE), value: w.finish() };
}
