/**
 * Turns the committed metadata log into images for this node (Kafka's MetadataLoader): every committed batch is
 * replayed into a MetadataDelta, the delta applied to the current image, and the publishers told of both, in
 * log order. A snapshot replaces the image wholesale; its delta is taken against the image it replaces, so
 * publishers still learn which partitions changed.
 *
 * Invariants: publishers see images in offset order and never the same offset twice; a record that fails to
 * replay stops the loader (a broker must not act on metadata it could not read) and is logged once.
 */
import type { Logger } from '../logger.ts';
import { MetadataDelta } from '../metadata/metadata-delta.ts';
import {
  EMPTY_METADATA_IMAGE,
  parseConfigResourceKey,
  type MetadataImage,
} from '../metadata/metadata-image.ts';
import { deserializeMetadataRecord } from '../metadata/metadata-record-serde.ts';
import { metadataSnapshotRecords, readMetadataSnapshot } from '../metadata/metadata-snapshot.ts';
import type { CommittedBatch, LeaderAndEpoch, RaftListener, SnapshotId } from '../raft/raft-client.ts';

export interface MetadataPublisher {
  readonly name: string;
  onMetadataUpdate(delta: MetadataDelta, image: MetadataImage): void | Promise<void>;
  /** Leader changes of the metadata quorum: the active controller. */
  onControllerChange?(leader: LeaderAndEpoch): void;
}

export class MetadataLoader implements RaftListener {
  private current: MetadataImage = EMPTY_METADATA_IMAGE;
  private controller: LeaderAndEpoch = { leaderId: null, epoch: 0 };
  private failed = false;
  private readonly publishers: MetadataPublisher[] = [];

  constructor(private readonly log: Logger) {}

  get image(): MetadataImage {
    return this.current;
  }

  get activeController(): LeaderAndEpoch {
    return this.controller;
  }

  /** The offset of the last record applied (-1 before any): what broker heartbeats report. */
  get appliedOffset(): number {
    return this.current.offset;
  }

  install(publisher: MetadataPublisher): void {
    this.publishers.push(publisher);
  }

  async handleCommit(batch: CommittedBatch): Promise<void> {
    if (this.failed || batch.lastOffset <= this.current.offset) return;
    const delta = new MetadataDelta(this.current);
    try {
      batch.records.forEach((value, index) => {
        const offset = batch.baseOffset + index;
        if (offset > this.current.offset) delta.replay(deserializeMetadataRecord(value), offset);
      });
    } catch (error) {
      this.failed = true;
      this.log.error(
        `Cannot replay metadata batch at offset ${batch.baseOffset}; metadata updates stop`,
        error,
      );
      return;
    }
    await this.publish(delta, batch.lastOffset);
  }

  async handleLoadSnapshot(snapshot: { id: SnapshotId; records: readonly Buffer[] }): Promise<void> {
    const loaded = readMetadataSnapshot(snapshot.records, snapshot.id.endOffset);
    // As Kafka's MetadataDelta.finishSnapshot: the delta is taken against the image the snapshot replaces, so
    // what the snapshot no longer holds is removed and publishers learn which partitions moved or went away.
    const delta = new MetadataDelta(this.current);
    for (const [topicId] of this.current.topicsById)
      if (!loaded.topicsById.has(topicId)) delta.replay({ type: 'RemoveTopicRecord', data: { topicId } });
    for (const [brokerId, broker] of this.current.brokers)
      if (!loaded.brokers.has(brokerId))
        delta.replay({
          type: 'UnregisterBrokerRecord',
          data: { brokerId, brokerEpoch: BigInt(broker.epoch) },
        });
    for (const [key, configs] of this.current.configs) {
      const kept = loaded.configs.get(key);
      const { resourceType, resourceName } = parseConfigResourceKey(key);
      for (const name of configs.keys())
        if (!kept?.has(name))
          delta.replay({ type: 'ConfigRecord', data: { resourceType, resourceName, name, value: null } });
    }
    for (const record of metadataSnapshotRecords(loaded)) delta.replay(record);
    this.failed = false;
    await this.publish(delta, snapshot.id.endOffset - 1);
  }

  handleLeaderChange(leader: LeaderAndEpoch): void {
    this.controller = leader;
    for (const publisher of this.publishers) publisher.onControllerChange?.(leader);
  }

  private async publish(delta: MetadataDelta, offset: number): Promise<void> {
    const image = { ...delta.apply(), offset };
    this.current = image;
    for (const publisher of this.publishers) {
      try {
        await publisher.onMetadataUpdate(delta, image);
      } catch (error) {
        this.log.error(`Metadata publisher ${publisher.name} failed at offset ${offset}`, error);
      }
    }
  }
}
