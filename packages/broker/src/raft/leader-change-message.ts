/**
 * The control record a new leader writes first in its epoch (Kafka's LeaderChangeMessage, control type 2): it
 * gives the epoch an entry of its own, whose commit advances the high watermark, and records who voted.
 * Key: version int16 (0), type int16 (2). Value: LeaderChangeMessage v0 (flexible): Version int16, LeaderId
 * int32, Voters and GrantingVoters as compact arrays of { VoterId int32, tagged fields }, tagged fields.
 */
import { Writer, encodeControlRecordKey, type RecordInput } from '@sluice/protocol';

export const LEADER_CHANGE_CONTROL_TYPE = 2;

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
