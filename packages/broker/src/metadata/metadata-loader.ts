/**
 * A broker's reader of the metadata log (Kafka's MetadataLoader): a RaftListener that replays committed batches
 * and snapshots into MetadataImages and hands each change, as a MetadataDelta with the image it produced, to its
 * publishers (the replica manager, the metadata cache, ...).
 *
 * Invariants: publishers see every change once, in log order, and the image they get is the replay of the log
 * up to its offset; a publisher installed late is first given the whole current image as one delta from the
 * empty image (so everything looks new to it); a snapshot loaded over a non-empty image is published as the
 * delta that turns the old image into the snapshot's, including removals of what the snapshot no longer holds.
 */
import type { CommittedBatch, LeaderAndEpoch, RaftListener, SnapshotId } from '../raft/raft-client.ts';
import { MetadataDelta } from './metadata-delta.ts';
import { EMPTY_METADATA_IMAGE, parseConfigResourceKey, type MetadataImage } from './metadata-image.ts';
import { deserializeMetadataRecord } from './metadata-record-serde.ts';
import { metadataSnapshotRecords, readMetadataSnapshot } from './metadata-snapshot.ts';

export interface MetadataPublisher {
  onMetadataUpdate(delta: MetadataDelta, image: MetadataImage): void;
}

/** The delta from `image` to `target` (a snapshot's image): removals first, then the target's records. */
export function deltaToImage(image: MetadataImage, target: MetadataImage): MetadataDelta {
  const delta = new MetadataDelta(image);
  for (const [id, topic] of image.topicsById) {
    if (target.topicsById.get(id)?.name !== topic.name)
      delta.replay({ type: 'RemoveTopicRecord', data: { topicId: id } });
  }
  for (const [id, broker] of image.brokers) {
    if (!target.brokers.has(id)) {
      delta.replay({
        type: 'UnregisterBrokerRecord',
        data: { brokerId: id, brokerEpoch: BigInt(broker.epoch) },
      });
    }
  }
  for (const [key, values] of image.configs) {
    const { resourceType, resourceName } = parseConfigResourceKey(key);
    for (const name of values.keys()) {
      if (target.configs.get(key)?.has(name)) continue;
      delta.replay({ type: 'ConfigRecord', data: { resourceType, resourceName, name, value: null } });
    }
  }
  for (const record of metadataSnapshotRecords(target)) delta.replay(record);
  if (image.producerIds.nextProducerId !== target.producerIds.nextProducerId) {
    delta.replay({ type: 'ProducerIdsRecord', data: { ...target.producerIds } });
  }
  for (const name of image.features.keys()) {
    if (!target.features.has(name))
      delta.replay({ type: 'FeatureLevelRecord', data: { name, featureLevel: 0 } });
  }
  delta.replay({ type: 'NoOpRecord', data: {} }, target.offset);
  return delta;
}

export class MetadataLoader implements RaftListener {
  private current: MetadataImage = EMPTY_METADATA_IMAGE;
  private leader: LeaderAndEpoch = { leaderId: null, epoch: 0 };
  private readonly publishers: MetadataPublisher[] = [];

  image(): MetadataImage {
    return this.current;
  }

  leaderAndEpoch(): LeaderAndEpoch {
    return this.leader;
  }

  installPublisher(publisher: MetadataPublisher): void {
    this.publishers.push(publisher);
    if (this.current !== EMPTY_METADATA_IMAGE) {
      publisher.onMetadataUpdate(deltaToImage(EMPTY_METADATA_IMAGE, this.current), this.current);
    }
  }

  removePublisher(publisher: MetadataPublisher): void {
    const index = this.publishers.indexOf(publisher);
    if (index >= 0) this.publishers.splice(index, 1);
  }

  handleCommit(batch: CommittedBatch): void {
    const delta = new MetadataDelta(this.current);
    batch.records.forEach((value, i) => delta.replay(deserializeMetadataRecord(value), batch.baseOffset + i));
    this.publish(delta);
  }

  handleLoadSnapshot(snapshot: { id: SnapshotId; records: readonly Buffer[] }): void {
    this.publish(deltaToImage(this.current, readMetadataSnapshot(snapshot.records, snapshot.id.endOffset)));
  }

  handleLeaderChange(leader: LeaderAndEpoch): void {
    this.leader = leader;
  }

  private publish(delta: MetadataDelta): void {
    this.current = delta.apply();
    for (const publisher of this.publishers) publisher.onMetadataUpdate(delta, this.current);
  }
}
