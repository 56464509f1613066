/**
 * Snapshots of the metadata log (KIP-630): an image written out as the records that rebuild it, framed with
 * MetadataRecordSerde, for RaftClient.createSnapshot; and the reader that replays them onto the empty image.
 *
 * Invariants: reading what `writeMetadataSnapshot(image)` wrote gives an image equal to `image` (brokers with
 * their epoch, fencing and controlled-shutdown state; topics with every partition's leader and partition epochs;
 * configs; the producer id block; feature levels; ACLs, client quotas and SCRAM credentials); records come in an order that replays without reference to
 * anything not yet defined (features, brokers, topics before their partitions, then configs and producer ids).
 */
import type { MetadataRecord } from './metadata-record-serde.ts';
import { deserializeMetadataRecord, serializeMetadataRecord } from './metadata-record-serde.ts';
import { MetadataDelta } from './metadata-delta.ts';
import { EMPTY_METADATA_IMAGE, parseConfigResourceKey, type MetadataImage } from './metadata-image.ts';

export function metadataSnapshotRecords(image: MetadataImage): MetadataRecord[] {
  const records: MetadataRecord[] = [];
  for (const [name, featureLevel] of image.features) {
    records.push({ type: 'FeatureLevelRecord', data: { name, featureLevel } });
  }
  for (const broker of image.brokers.values()) {
    records.push({
      type: 'RegisterBrokerRecord',
      data: {
        brokerId: broker.id,
        isMigratingZkBroker: false,
        incarnationId: broker.incarnationId,
        brokerEpoch: BigInt(broker.epoch),
        endPoints: broker.endpoints.map((e) => ({ ...e })),
        features: [...broker.features].map(([name, range]) => ({
          name,
          minSupportedVersion: range.min,
          maxSupportedVersion: range.max,
        })),
        rack: broker.rack,
        fenced: broker.fenced,
        inControlledShutdown: broker.inControlledShutdown,
        logDirs: [],
      },
    });
  }
  for (const topic of image.topicsById.values()) {
    records.push({ type: 'TopicRecord', data: { name: topic.name, topicId: topic.id } });
    for (const [partitionId, p] of topic.partitions) {
      records.push({
        type: 'PartitionRecord',
        data: {
          partitionId,
          topicId: topic.id,
          replicas: [...p.replicas],
          isr: [...p.isr],
          removingReplicas: [...p.removingReplicas],
          addingReplicas: [...p.addingReplicas],
          leader: p.leader,
          leaderRecoveryState: p.leaderRecoveryState,
          leaderEpoch: p.leaderEpoch,
          partitionEpoch: p.partitionEpoch,
          directories: [],
          eligibleLeaderReplicas: null,
          lastKnownElr: null,
        },
      });
    }
  }
  for (const [key, values] of image.configs) {
    const { resourceType, resourceName } = parseConfigResourceKey(key);
    for (const [name, value] of values) {
      records.push({ type: 'ConfigRecord', data: { resourceType, resourceName, name, value } });
    }
  }
  if (image.producerIds.brokerId !== -1 || image.producerIds.nextProducerId !== 0n) {
    records.push({ type: 'ProducerIdsRecord', data: { ...image.producerIds } });
  }
  for (const acl of image.acls.values()) records.push({ type: 'AccessControlEntryRecord', data: { ...acl } });
  for (const { entity, quotas } of image.clientQuotas.values()) {
    const entityData = Object.entries(entity).map(([entityType, entityName]) => ({ entityType, entityName }));
    for (const [key, value] of quotas) {
      records.push({ type: 'ClientQuotaRecord', data: { entity: entityData, key, value, remove: false } });
    }
  }
  for (const [name, credentials] of image.scramCredentials) {
    for (const [mechanism, credential] of credentials) {
      records.push({ type: 'UserScramCredentialRecord', data: { name, mechanism, ...credential } });
    }
  }
  return records;
}

/** The snapshot's record values, ready for RaftClient.createSnapshot. */
export function writeMetadataSnapshot(image: MetadataImage): Buffer[] {
  return metadataSnapshotRecords(image).map((record) => serializeMetadataRecord(record));
}

/** Rebuilds the image a snapshot holds; `endOffset` is the snapshot's end offset (its image is at endOffset-1). */
export function readMetadataSnapshot(values: readonly Buffer[], endOffset: number): MetadataImage {
  const delta = new MetadataDelta(EMPTY_METADATA_IMAGE);
  for (const value of values) delta.replay(deserializeMetadataRecord(value));
  delta.replay({ type: 'NoOpRecord', data: {} }, endOffset - 1);
  return delta.apply();
}
