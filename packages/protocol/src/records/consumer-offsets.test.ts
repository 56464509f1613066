import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeConsumerOffsetsRecord,
  encodeGroupMetadataRecord,
  encodeOffsetCommitRecord,
} from './consumer-offsets.ts';

describe('__consumer_offsets records', () => {
  it("writes offset commit keys in Kafka's exact layout", () => {
    const { key, value } = encodeOffsetCommitRecord('g', 't', 3, {
      offset: 42n,
      leaderEpoch: 7,
      metadata: '',
      commitTimestamp: 1_700_000_000_000n,
      expireTimestamp: -1n,
    });
    // key v1: version 1, group "g", topic "t", partition 3 (non-flexible strings: int16 length).
    assert.equal(key.toString('hex'), '0001' + '000167' + '000174' + '00000003');
    // value v3: version 3, offset, leader epoch, metadata "", commit timestamp (no expire timestamp in v3).
    assert.equal(
      value!.toString('hex'),
      '0003' + '000000000000002a' + '00000007' + '0000' + '0000018bcfe56800',
    );
    const decoded = decodeConsumerOffsetsRecord(key, value);
    assert.deepEqual(decoded, {
      type: 'offset',
      group: 'g',
      topic: 't',
      partition: 3,
      value: {
        offset: 42n,
        leaderEpoch: 7,
        metadata: '',
        commitTimestamp: 1_700_000_000_000n,
        expireTimestamp: -1n,
      },
    });
  });

  it('reads tombstones and group metadata records', () => {
    const tombstone = encodeOffsetCommitRecord('g', 't', 0, null);
    assert.equal(tombstone.value, null);
    assert.deepEqual(decodeConsumerOffsetsRecord(tombstone.key, null), {
      type: 'offset',
      group: 'g',
      topic: 't',
      partition: 0,
      value: null,
    });
    const group = encodeGroupMetadataRecord('orders', {
      protocolType: 'consumer',
      generation: 5,
      protocol: 'range',
      leader: 'member-1',
      currentStateTimestamp: 1_700_000_000_000n,
      members: [
        {
          memberId: 'member-1',
          groupInstanceId: null,
          clientId: 'app',
          clientHost: '/127.0.0.1',
          rebalanceTimeout: 300000,
          sessionTimeout: 45000,
          subscription: Buffer.from([0, 1]),
          assignment: Buffer.from([0, 2]),
        },
      ],
    });
    assert.equal(group.key.toString('hex'), '0002' + '00066f7264657273');
    const decoded = decodeConsumerOffsetsRecord(group.key, group.value);
    assert.equal(decoded.type, 'group');
    assert.equal(decoded.type === 'group' && decoded.value?.members[0]!.clientId, 'app');
  });
});
