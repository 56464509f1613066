/**
 * The security metadata a broker enforces (ACLs, client quotas, SCRAM credentials) and where changes to it are
 * written. In a KRaft cluster it is the metadata image every broker replays, and changes go to the quorum
 * controller (CreateAcls, DeleteAcls, AlterClientQuotas and AlterUserScramCredentials are forwarded to it, as in
 * Kafka). A standalone broker has no quorum: it runs the same control-manager operations against its own
 * LocalMetadataStore, which keeps the records in one crash-safe file of the data directory.
 *
 * Invariants: `image()` is an immutable image, replaced whole on every change; listeners are told after the
 * image changed, in change order; a LocalMetadataStore answers a write only once its file holds the change.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MetadataPublisher } from '../cluster/metadata-loader.ts';
import { systemClock, type Clock } from '../clock.ts';
import {
  DEFAULT_CONTROLLER_CONFIG,
  type ControlContext,
  type ControllerResult,
} from '../controller/controller-result.ts';
import { DEFAULT_BOOTSTRAP_METADATA, type BootstrapMetadata } from '../metadata/bootstrap-metadata.ts';
import { MetadataDelta } from '../metadata/metadata-delta.ts';
import { EMPTY_METADATA_IMAGE, type MetadataImage } from '../metadata/metadata-image.ts';
import { metadataSnapshotRecords } from '../metadata/metadata-snapshot.ts';
import { deserializeMetadataRecord, serializeMetadataRecord } from '../metadata/metadata-record-serde.ts';
import { writeFileDurably } from '../storage/durable-file.ts';

export type SecurityImage = Pick<MetadataImage, 'acls' | 'clientQuotas' | 'scramCredentials'>;

/** A control-manager operation: reads the image, returns the records to write and the response to give. */
export type MetadataOperation<T> = (ctx: ControlContext) => ControllerResult<T>;

export interface SecurityMetadata {
  image(): SecurityImage;
  /** Calls `listener` after every change, with the new image; returns a function that stops the calls. */
  onChange(listener: (image: SecurityImage) => void): () => void;
  /**
   * Runs an operation that changes the security metadata on a standalone broker; null on a cluster member,
   * whose handlers forward such requests to the controller instead.
   */
  readonly writer: { run<T>(operation: MetadataOperation<T>): Promise<T> } | null;
}

/** Fan-out of image changes to listeners (the authorizer's cache, the quota manager). */
export class SecurityListeners {
  private readonly listeners = new Set<(image: SecurityImage) => void>();

  add(listener: (image: SecurityImage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(image: SecurityImage): void {
    for (const listener of this.listeners) listener(image);
  }
}

/** The security metadata of a cluster member: its metadata image, kept current by the metadata loader. */
export class ClusterSecurityMetadata implements SecurityMetadata, MetadataPublisher {
  readonly name = 'security';
  readonly writer = null;
  private readonly listeners = new SecurityListeners();
  private current: SecurityImage = EMPTY_METADATA_IMAGE;

  image(): SecurityImage {
    return this.current;
  }

  onChange(listener: (image: SecurityImage) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Called by the metadata loader with every new image; listeners hear only of security changes. */
  onMetadataUpdate(_delta: MetadataDelta, image: MetadataImage): void {
    const before = this.current;
    if (
      image.acls === before.acls &&
      image.clientQuotas === before.clientQuotas &&
      image.scramCredentials === before.scramCredentials
    )
      return;
    this.current = image;
    this.listeners.notify(image);
  }
}

const FILE_NAME = 'security-metadata.bin';

/**
 * A standalone broker's security metadata: the image is rebuilt at start from `security-metadata.bin`, and every
 * change rewrites that file (temp file, fsync, rename) before it is applied. The file holds the image as the
 * records that rebuild it, each framed by MetadataRecordSerde and prefixed with its length (int32).
 *
 * The first start (no file yet) begins from the bootstrap metadata `sluice storage format` wrote, as a cluster's
 * first active controller does, and writes the file at once: a later start never applies the bootstrap again.
 */
export class LocalMetadataStore implements SecurityMetadata {
  private readonly listeners = new SecurityListeners();
  private current: MetadataImage;
  private readonly path: string;
  readonly writer = this;

  constructor(
    dataDir: string,
    private readonly clusterId: string,
    private readonly nodeId: number,
    private readonly clock: Clock = systemClock,
    bootstrap: BootstrapMetadata = DEFAULT_BOOTSTRAP_METADATA,
  ) {
    this.path = join(dataDir, FILE_NAME);
    if (existsSync(this.path)) {
      this.current = readRecords(readFileSync(this.path));
    } else {
      const delta = new MetadataDelta(EMPTY_METADATA_IMAGE);
      bootstrap.records.forEach((record, offset) => delta.replay(record, offset));
      this.current = delta.apply();
      writeFileDurably(this.path, writeRecords(this.current));
    }
  }

  image(): SecurityImage {
    return this.current;
  }

  onChange(listener: (image: SecurityImage) => void): () => void {
    return this.listeners.add(listener);
  }

  run<T>(operation: MetadataOperation<T>): Promise<T> {
    try {
      const result = operation({
        image: this.current,
        config: { ...DEFAULT_CONTROLLER_CONFIG, clusterId: this.clusterId, nodeId: this.nodeId },
        nextOffset: this.current.offset + 1,
        now: this.clock.now(),
      });
      if (result.records.length > 0) {
        const delta = new MetadataDelta(this.current);
        result.records.forEach((record, i) => delta.replay(record, this.current.offset + 1 + i));
        const next = delta.apply();
        writeFileDurably(this.path, writeRecords(next));
        this.current = next;
        this.listeners.notify(next);
      }
      return Promise.resolve(result.response);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

function writeRecords(image: MetadataImage): Buffer {
  const records = metadataSnapshotRecords({
    ...EMPTY_METADATA_IMAGE,
    acls: image.acls,
    clientQuotas: image.clientQuotas,
    scramCredentials: image.scramCredentials,
  });
  const chunks: Buffer[] = [];
  for (const record of records) {
    const bytes = serializeMetadataRecord(record);
    const length = Buffer.alloc(4);
    length.writeInt32BE(bytes.length);
    chunks.push(length, bytes);
  }
  return Buffer.concat(chunks);
}

function readRecords(file: Buffer): MetadataImage {
  const delta = new MetadataDelta(EMPTY_METADATA_IMAGE);
  let position = 0;
  let offset = 0;
  while (position < file.length) {
    if (position + 4 > file.length) throw new Error(`${FILE_NAME} is truncated`);
    const length = file.readInt32BE(position);
    if (length < 0 || position + 4 + length > file.length) throw new Error(`${FILE_NAME} is truncated`);
    delta.replay(deserializeMetadataRecord(file.subarray(position + 4, position + 4 + length)), offset++);
    position += 4 + length;
  }
  return delta.apply();
}
