import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtocolError } from '@sluice/protocol';
import { MetadataDelta, replayRecords } from './metadata-delta.ts';
import { EMPTY_METADATA_IMAGE, clientQuotaEntityKey } from './metadata-image.ts';
import { readMetadataSnapshot, writeMetadataSnapshot } from './metadata-snapshot.ts';
import {
  deserializeMetadataRecord,
  serializeMetadataRecord,
  type MetadataRecord,
} from './metadata-record-serde.ts';

const TOPIC_ID = 'm7KMPLWXSX6ZoFsBE_1m4w';

const SAMPLES: MetadataRecord[] = [
  { type: 'TopicRecord', data: { name: 'orders', topicId: TOPIC_ID } },
  {
    type: 'PartitionRecord',
    data: {
      partitionId: 2,
      topicId: TOPIC_ID,
      replicas: [1, 2, 3],
      isr: [1, 2],
      removingReplicas: [],
      addingReplicas: [],
      leader: 1,
      leaderRecoveryState: 1,
      leaderEpoch: 4,
      partitionEpoch: 9,
      directories: [],
      eligibleLeaderReplicas: null,
      lastKnownElr: null,
    },
  },
  {
    type: 'PartitionChangeRecord',
    data: {
      partitionId: 2,
      topicId: TOPIC_ID,
      isr: [1],
      leader: -2,
      replicas: null,
      removingReplicas: null,
      addingReplicas: null,
      leaderRecoveryState: -1,
      directories: null,
      eligibleLeaderReplicas: null,
      lastKnownElr: null,
    },
  },
  { type: 'RemoveTopicRecord', data: { topicId: TOPIC_ID } },
  {
    type: 'ConfigRecord',
    data: { resourceType: 2, resourceName: 'orders', name: 'retention.ms', value: null },
  },
  {
    type: 'RegisterBrokerRecord',
    data: {
      brokerId: 3,
      isMigratingZkBroker: false,
      incarnationId: TOPIC_ID,
      brokerEpoch: 42n,
      endPoints: [{ name: 'PLAINTEXT', host: '127.0.0.1', port: 9094, securityProtocol: 0 }],
      features: [{ name: 'metadata.version', minSupportedVersion: 1, maxSupportedVersion: 21 }],
      rack: 'rack-a',
      fenced: true,
      inControlledShutdown: false,
      logDirs: [],
    },
  },
  { type: 'UnregisterBrokerRecord', data: { brokerId: 3, brokerEpoch: 42n } },
  { type: 'FenceBrokerRecord', data: { id: 3, epoch: 42n } },
  { type: 'UnfenceBrokerRecord', data: { id: 3, epoch: 42n } },
  {
    type: 'BrokerRegistrationChangeRecord',
    data: { brokerId: 3, brokerEpoch: 42n, fenced: 0, inControlledShutdown: 1, logDirs: [] },
  },
  { type: 'ProducerIdsRecord', data: { brokerId: 3, brokerEpoch: 42n, nextProducerId: 5000n } },
  { type: 'FeatureLevelRecord', data: { name: 'metadata.version', featureLevel: 21 } },
  { type: 'NoOpRecord', data: {} },
];

const ACL_ID = 'QbnKy9MlT8eWcXXd6oH2Hw';
const SECURITY_SAMPLES: MetadataRecord[] = [
  {
    type: 'AccessControlEntryRecord',
    data: {
      id: ACL_ID,
      resourceType: 2,
      resourceName: 'orders-',
      patternType: 4,
      principal: 'User:alice',
      host: '*',
      operation: 4,
      permissionType: 3,
    },
  },
  {
    type: 'ClientQuotaRecord',
    data: {
      entity: [
        { entityType: 'user', entityName: 'alice' },
        { entityType: 'client-id', entityName: null },
      ],
      key: 'producer_byte_rate',
      value: 1048576,
      remove: false,
    },
  },
  {
    type: 'UserScramCredentialRecord',
    data: {
      name: 'alice',
      mechanism: 1,
      salt: Buffer.from('salt'),
      storedKey: Buffer.alloc(32, 1),
      serverKey: Buffer.alloc(32, 2),
      iterations: 4096,
    },
  },
];

describe('MetadataRecordSerde framing', () => {
  it('round-trips the security records: ACLs, client quotas and SCRAM credentials', () => {
    const removals: MetadataRecord[] = [
      { type: 'RemoveAccessControlEntryRecord', data: { id: ACL_ID } },
      { type: 'RemoveUserScramCredentialRecord', data: { name: 'alice', mechanism: 1 } },
    ];
    for (const record of [...SECURITY_SAMPLES, ...removals])
      assert.deepEqual(deserializeMetadataRecord(serializeMetadataRecord(record)), record);
  });

  it('round-trips every record type the controller writes', () => {
    for (const record of SAMPLES) {
      assert.deepEqual(deserializeMetadataRecord(serializeMetadataRecord(record)), record, record.type);
    }
  });

  it('lays out a TopicRecord as Kafka does: frame version 1, api key 2, version 0, then the body', () => {
    const bytes = serializeMetadataRecord(SAMPLES[0]!);
    const expected = Buffer.concat([
      Buffer.from([1, 2, 0]),
      Buffer.from([7]),
      Buffer.from('orders'),
      Buffer.from(TOPIC_ID, 'base64url'),
      Buffer.from([0]),
    ]);
    assert.deepEqual(bytes, expected);
  });

  it('refuses frame version 0, unknown record types and trailing bytes', () => {
    const good = serializeMetadataRecord(SAMPLES[0]!);
    const v0 = Buffer.from(good);
    v0[0] = 0;
    assert.throws(() => deserializeMetadataRecord(v0), ProtocolError);
    const unknown = Buffer.from(good);
    unknown[1] = 99;
    assert.throws(() => deserializeMetadataRecord(unknown), /unknown metadata record type 99/);
    assert.throws(() => deserializeMetadataRecord(Buffer.concat([good, Buffer.from([0])])), /garbage/);
  });
});

describe('MetadataDelta security metadata', () => {
  const image = replayRecords(
    EMPTY_METADATA_IMAGE,
    SECURITY_SAMPLES.map((record, offset) => ({ record, offset })),
  );

  it('keeps ACLs by id, quotas by entity and SCRAM credentials by user and mechanism', () => {
    assert.equal(image.acls.get(ACL_ID)!.principal, 'User:alice');
    const entity = clientQuotaEntityKey({ 'client-id': null, user: 'alice' });
    assert.equal(image.clientQuotas.get(entity)!.quotas.get('producer_byte_rate'), 1048576);
    assert.equal(image.scramCredentials.get('alice')!.get(1)!.iterations, 4096);
  });

  it('drops an entity with its last quota, a user with its last credential, and a removed ACL', () => {
    const next = replayRecords(image, [
      { record: { type: 'RemoveAccessControlEntryRecord', data: { id: ACL_ID } }, offset: 3 },
      {
        record: { ...SECURITY_SAMPLES[1]!, data: { ...(SECURITY_SAMPLES[1]!.data as object), remove: true } },
        offset: 4,
      } as { record: MetadataRecord; offset: number },
      {
        record: { type: 'RemoveUserScramCredentialRecord', data: { name: 'alice', mechanism: 1 } },
        offset: 5,
      },
    ]);
    assert.equal(next.acls.size, 0);
    assert.equal(next.clientQuotas.size, 0);
    assert.equal(next.scramCredentials.size, 0);
    assert.equal(image.acls.size, 1, 'the base image is untouched');
  });

  it('writes them into snapshots that rebuild the same image', () => {
    const rebuilt = readMetadataSnapshot(writeMetadataSnapshot(image), image.offset + 1);
    assert.deepEqual(rebuilt.acls, image.acls);
    assert.deepEqual(rebuilt.clientQuotas, image.clientQuotas);
    assert.deepEqual(rebuilt.scramCredentials, image.scramCredentials);
  });
});

describe('MetadataDelta', () => {
  const image = (() => {
    const delta = new MetadataDelta(EMPTY_METADATA_IMAGE);
    SAMPLES.slice(0, 2).forEach((record, offset) => delta.replay(record, offset));
    delta.replay({
      type: 'PartitionRecord',
      data: { ...(SAMPLES[1]!.data as object), partitionId: 0, replicas: [2, 3], isr: [2, 3], leader: 2 },
    } as MetadataRecord);
    return delta.apply();
  })();

  it('bumps the leader epoch only when the change names a leader, and the partition epoch always', () => {
    const delta = new MetadataDelta(image);
    delta.replay(SAMPLES[2]!, 10);
    const shrunk = delta.apply().topicsById.get(TOPIC_ID)!.partitions.get(2)!;
    assert.deepEqual(shrunk.isr, [1]);
    assert.equal(shrunk.leaderEpoch, 4);
    assert.equal(shrunk.partitionEpoch, 10);
    const again = new MetadataDelta(image);
    again.replay({
      ...SAMPLES[2]!,
      data: { ...(SAMPLES[2]!.data as object), leader: 2, isr: null },
    } as MetadataRecord);
    const moved = again.apply().topicsById.get(TOPIC_ID)!.partitions.get(2)!;
    assert.equal(moved.leader, 2);
    assert.equal(moved.leaderEpoch, 5);
    assert.equal(image.topicsById.get(TOPIC_ID)!.partitions.get(2)!.leader, 1, 'the base image is untouched');
  });

  it("tells a broker's replica manager what it now leads, follows and no longer hosts", () => {
    const delta = new MetadataDelta(image);
    delta.replay({
      type: 'PartitionChangeRecord',
      data: { ...(SAMPLES[2]!.data as object), isr: [2, 3], leader: 2 },
    } as MetadataRecord);
    const changes = delta.localChanges(2);
    assert.deepEqual(
      changes.leaders.map((c) => c.partition),
      [2],
    );
    assert.deepEqual(changes.followers, []);
    assert.deepEqual(
      delta.localChanges(1).followers.map((c) => c.partition),
      [2],
    );

    const removal = new MetadataDelta(image);
    removal.replay(SAMPLES[3]!);
    assert.deepEqual(
      removal
        .localChanges(3)
        .deletes.map((d) => d.partition)
        .sort(),
      [0, 2],
    );
    assert.equal(removal.apply().topicIdsByName.size, 0);
  });

  it('ignores broker records written for an older registration of the broker', () => {
    const delta = new MetadataDelta(EMPTY_METADATA_IMAGE);
    delta.replay(SAMPLES[5]!);
    delta.replay({ type: 'UnfenceBrokerRecord', data: { id: 3, epoch: 41n } });
    assert.equal(delta.apply().brokers.get(3)!.fenced, true);
    delta.replay({ type: 'UnfenceBrokerRecord', data: { id: 3, epoch: 42n } });
    assert.equal(delta.apply().brokers.get(3)!.fenced, false);
  });
});
