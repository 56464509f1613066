/**
 * Records of the internal topic `__consumer_offsets`, byte for byte as Kafka writes them, so tools that read
 * the topic raw (Burrow, kafka-consumer-groups --describe on old clusters) understand Sluice's.
 *
 * Key: int16 key version, then the key struct at that version: OffsetCommitKey (versions 0 and 1, written as
 * 1) or GroupMetadataKey (version 2). Value: int16 value version, then OffsetCommitValue (written as v3, the
 * newest version old readers such as Burrow 1.2 decode) or GroupMetadataValue (v3); a null value is a
 * tombstone (offset deleted, group removed).
 *
 * Groups of the consumer protocol (KIP-848) add key versions 3 (group epoch), 5 (member subscription),
 * 6 and 7 (target assignment epoch and per-member target), and 8 (a member's current assignment), each with a
 * flexible value v0. Key version 4 (subscription metadata) is decoded to 'ignored': Sluice recomputes it.
 */
import {
  decodeConsumerGroupCurrentMemberAssignmentKey,
  decodeConsumerGroupCurrentMemberAssignmentValue,
  decodeConsumerGroupMemberMetadataKey,
  decodeConsumerGroupMemberMetadataValue,
  decodeConsumerGroupMetadataKey,
  decodeConsumerGroupMetadataValue,
  decodeConsumerGroupTargetAssignmentMemberKey,
  decodeConsumerGroupTargetAssignmentMemberValue,
  decodeConsumerGroupTargetAssignmentMetadataKey,
  decodeConsumerGroupTargetAssignmentMetadataValue,
  encodeConsumerGroupCurrentMemberAssignmentKey,
  encodeConsumerGroupCurrentMemberAssignmentValue,
  encodeConsumerGroupMemberMetadataKey,
  encodeConsumerGroupMemberMetadataValue,
  encodeConsumerGroupMetadataKey,
  encodeConsumerGroupMetadataValue,
  encodeConsumerGroupTargetAssignmentMemberKey,
  encodeConsumerGroupTargetAssignmentMemberValue,
  encodeConsumerGroupTargetAssignmentMetadataKey,
  encodeConsumerGroupTargetAssignmentMetadataValue,
  decodeGroupMetadataKey,
  decodeGroupMetadataValue,
  decodeOffsetCommitKey,
  decodeOffsetCommitValue,
  encodeGroupMetadataKey,
  encodeGroupMetadataValue,
  encodeOffsetCommitKey,
  encodeOffsetCommitValue,
  type ConsumerGroupCurrentMemberAssignmentValue,
  type ConsumerGroupMemberMetadataValue,
  type ConsumerGroupMetadataValue,
  type ConsumerGroupTargetAssignmentMemberValue,
  type ConsumerGroupTargetAssignmentMetadataValue,
  type GroupMetadataValue,
  type OffsetCommitValue,
} from '../generated/internal/group-coordinator/index.ts';
import { ProtocolError } from '../io/protocol-error.ts';
import { Reader } from '../io/reader.ts';
import { Writer } from '../io/writer.ts';

export const OFFSET_COMMIT_KEY_VERSION = 1;
export const GROUP_METADATA_KEY_VERSION = 2;
export const OFFSET_COMMIT_VALUE_VERSION = 3;
export const GROUP_METADATA_VALUE_VERSION = 3;

export type ConsumerOffsetsRecord =
  | { type: 'offset'; group: string; topic: string; partition: number; value: OffsetCommitValue | null }
  | { type: 'group'; group: string; value: GroupMetadataValue | null }
  | { type: 'consumer-group'; group: string; value: ConsumerGroupMetadataValue | null }
  | {
      type: 'consumer-member';
      group: string;
      memberId: string;
      value: ConsumerGroupMemberMetadataValue | null;
    }
  | { type: 'target-assignment'; group: string; value: ConsumerGroupTargetAssignmentMetadataValue | null }
  | {
      type: 'target-member';
      group: string;
      memberId: string;
      value: ConsumerGroupTargetAssignmentMemberValue | null;
    }
  | {
      type: 'current-assignment';
      group: string;
      memberId: string;
      value: ConsumerGroupCurrentMemberAssignmentValue | null;
    }
  | { type: 'ignored'; keyVersion: number };

/** Key versions of the consumer protocol's records, as Kafka numbers them. */
const CONSUMER_GROUP_METADATA_KEY_VERSION = 3;
const CONSUMER_GROUP_PARTITION_METADATA_KEY_VERSION = 4;
const CONSUMER_GROUP_MEMBER_METADATA_KEY_VERSION = 5;
const CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA_KEY_VERSION = 6;
const CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER_KEY_VERSION = 7;
const CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT_KEY_VERSION = 8;

function versioned(version: number, encode: (w: Writer) => void): Buffer {
  const w = new Writer(64);
  w.int16(version);
  encode(w);
  return w.finish();
}

export function encodeOffsetCommitRecord(
  group: string,
  topic: string,
  partition: number,
  value: OffsetCommitValue | null,
): { key: Buffer; value: Buffer | null } {
  return {
    key: versioned(OFFSET_COMMIT_KEY_VERSION, (w) =>
      encodeOffsetCommitKey(w, { group, topic, partition }, OFFSET_COMMIT_KEY_VERSION),
    ),
    value:
      value === null
        ? null
        : versioned(OFFSET_COMMIT_VALUE_VERSION, (w) =>
            encodeOffsetCommitValue(w, value, OFFSET_COMMIT_VALUE_VERSION),
          ),
  };
}

export function encodeGroupMetadataRecord(
  group: string,
  value: GroupMetadataValue | null,
): { key: Buffer; value: Buffer | null } {
  return {
    key: versioned(GROUP_METADATA_KEY_VERSION, (w) =>
      encodeGroupMetadataKey(w, { group }, GROUP_METADATA_KEY_VERSION),
    ),
    value:
      value === null
        ? null
        : versioned(GROUP_METADATA_VALUE_VERSION, (w) =>
            encodeGroupMetadataValue(w, value, GROUP_METADATA_VALUE_VERSION),
          ),
  };
}

/** A consumer-protocol record: key at its own version, value (flexible) at version 0. */
function consumerGroupRecord(
  keyVersion: number,
  encodeKey: (w: Writer) => void,
  encodeValue: ((w: Writer) => void) | null,
): { key: Buffer; value: Buffer | null } {
  return {
    key: versioned(keyVersion, encodeKey),
    value: encodeValue === null ? null : versioned(0, encodeValue),
  };
}

export function encodeConsumerGroupMetadataRecord(groupId: string, value: ConsumerGroupMetadataValue | null) {
  return consumerGroupRecord(
    CONSUMER_GROUP_METADATA_KEY_VERSION,
    (w) => encodeConsumerGroupMetadataKey(w, { groupId }, CONSUMER_GROUP_METADATA_KEY_VERSION),
    value && ((w) => encodeConsumerGroupMetadataValue(w, value, 0)),
  );
}

export function encodeConsumerGroupMemberRecord(
  groupId: string,
  memberId: string,
  value: ConsumerGroupMemberMetadataValue | null,
) {
  return consumerGroupRecord(
    CONSUMER_GROUP_MEMBER_METADATA_KEY_VERSION,
    (w) =>
      encodeConsumerGroupMemberMetadataKey(
        w,
        { groupId, memberId },
        CONSUMER_GROUP_MEMBER_METADATA_KEY_VERSION,
      ),
    value && ((w) => encodeConsumerGroupMemberMetadataValue(w, value, 0)),
  );
}

export function encodeTargetAssignmentMetadataRecord(
  groupId: string,
  value: ConsumerGroupTargetAssignmentMetadataValue | null,
) {
  return consumerGroupRecord(
    CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA_KEY_VERSION,
    (w) =>
      encodeConsumerGroupTargetAssignmentMetadataKey(
        w,
        { groupId },
        CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA_KEY_VERSION,
      ),
    value && ((w) => encodeConsumerGroupTargetAssignmentMetadataValue(w, value, 0)),
  );
}

export function encodeTargetAssignmentMemberRecord(
  groupId: string,
  memberId: string,
  value: ConsumerGroupTargetAssignmentMemberValue | null,
) {
  return consumerGroupRecord(
    CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER_KEY_VERSION,
    (w) =>
      encodeConsumerGroupTargetAssignmentMemberKey(
        w,
        { groupId, memberId },
        CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER_KEY_VERSION,
      ),
    value && ((w) => encodeConsumerGroupTargetAssignmentMemberValue(w, value, 0)),
  );
}

export function encodeCurrentMemberAssignmentRecord(
  groupId: string,
  memberId: string,
  value: ConsumerGroupCurrentMemberAssignmentValue | null,
) {
  return consumerGroupRecord(
    CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT_KEY_VERSION,
    (w) =>
      encodeConsumerGroupCurrentMemberAssignmentKey(
        w,
        { groupId, memberId },
        CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT_KEY_VERSION,
      ),
    value && ((w) => encodeConsumerGroupCurrentMemberAssignmentValue(w, value, 0)),
  );
}

/** Decodes one record of __consumer_offsets, whatever versions wrote it; unknown key versions are an error. */
export function decodeConsumerOffsetsRecord(key: Buffer, value: Buffer | null): ConsumerOffsetsRecord {
  const keyReader = new Reader(key);
  const keyVersion = keyReader.int16();
  const valueReader = value === null ? null : new Reader(value);
  const valueVersion = valueReader?.int16() ?? -1;
  if (keyVersion === 0 || keyVersion === 1) {
    const { group, topic, partition } = decodeOffsetCommitKey(keyReader, keyVersion);
    return {
      type: 'offset',
      group,
      topic,
      partition,
      value: valueReader && decodeOffsetCommitValue(valueReader, valueVersion),
    };
  }
  if (keyVersion === 2) {
    const { group } = decodeGroupMetadataKey(keyReader, keyVersion);
    return {
      type: 'group',
      group,
      value: valueReader && decodeGroupMetadataValue(valueReader, valueVersion),
    };
  }
  switch (keyVersion) {
    case CONSUMER_GROUP_METADATA_KEY_VERSION:
      return {
        type: 'consumer-group',
        group: decodeConsumerGroupMetadataKey(keyReader, keyVersion).groupId,
        value: valueReader && decodeConsumerGroupMetadataValue(valueReader, valueVersion),
      };
    case CONSUMER_GROUP_PARTITION_METADATA_KEY_VERSION:
      return { type: 'ignored', keyVersion };
    case CONSUMER_GROUP_MEMBER_METADATA_KEY_VERSION: {
      const { groupId, memberId } = decodeConsumerGroupMemberMetadataKey(keyReader, keyVersion);
      return {
        type: 'consumer-member',
        group: groupId,
        memberId,
        value: valueReader && decodeConsumerGroupMemberMetadataValue(valueReader, valueVersion),
      };
    }
    case CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA_KEY_VERSION:
      return {
        type: 'target-assignment',
        group: decodeConsumerGroupTargetAssignmentMetadataKey(keyReader, keyVersion).groupId,
        value: valueReader && decodeConsumerGroupTargetAssignmentMetadataValue(valueReader, valueVersion),
      };
    case CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER_KEY_VERSION: {
      const { groupId, memberId } = decodeConsumerGroupTargetAssignmentMemberKey(keyReader, keyVersion);
      return {
        type: 'target-member',
        group: groupId,
        memberId,
        value: valueReader && decodeConsumerGroupTargetAssignmentMemberValue(valueReader, valueVersion),
      };
    }
    case CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT_KEY_VERSION: {
      const { groupId, memberId } = decodeConsumerGroupCurrentMemberAssignmentKey(keyReader, keyVersion);
      return {
        type: 'current-assignment',
        group: groupId,
        memberId,
        value: valueReader && decodeConsumerGroupCurrentMemberAssignmentValue(valueReader, valueVersion),
      };
    }
  }
  // Share groups (KIP-932) and later record types belong to coordinators Sluice does not run yet.
  if (keyVersion > CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT_KEY_VERSION)
    return { type: 'ignored', keyVersion };
  throw new ProtocolError('unsupported', `__consumer_offsets key version ${keyVersion} is unknown`);
}
