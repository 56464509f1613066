/**
 * Bootstrap metadata (Kafka's BootstrapMetadata and BootstrapDirectory): the records an empty metadata log starts
 * with. The first controller to become active on an empty log writes them ahead of anything else, so what
 * `sluice storage format` put there (UserScramCredentialRecords from `--add-scram`) is in the cluster's metadata
 * before any broker registers: the first start already accepts those users. A standalone broker, which has no
 * metadata log, seeds its security metadata from them the first time it starts (LocalMetadataStore).
 *
 * On disk: `<metadata log dir>/bootstrap.checkpoint`, written by `sluice storage format` as Kafka's formatter
 * writes it, in the shape of a KRaft snapshot: a control batch with a SnapshotHeaderRecord, one batch of the
 * records framed by MetadataRecordSerde, a control batch with a SnapshotFooterRecord (v2 record batches).
 *
 * Invariants: the records hold a metadata.version FeatureLevelRecord, first, at the level this code reads and
 * writes (METADATA_VERSION_LEVEL); without the file the bootstrap is that record alone. The file is written
 * temp + fsync + rename, and only read when the log (or a standalone broker's security metadata) is empty, so
 * later changes, such as deleting a bootstrapped user, are never undone by a restart.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeRecordBatch, encodeRecordBatch, splitBatches, verifyBatchCrc } from '@sluice/protocol';
import { snapshotFooterRecord, snapshotHeaderRecord } from '../raft/control-records.ts';
import { writeFileDurably } from '../storage/durable-file.ts';
import {
  deserializeMetadataRecord,
  serializeMetadataRecord,
  type MetadataRecord,
} from './metadata-record-serde.ts';

export const BOOTSTRAP_FILE = 'bootstrap.checkpoint';
export const METADATA_VERSION_FEATURE = 'metadata.version';
/** MetadataVersion.IBP_3_9_IV0.featureLevel(): the one level this code reads and writes records for. */
export const METADATA_VERSION_LEVEL = 21;

export interface BootstrapMetadata {
  records: readonly MetadataRecord[];
  /** Where the records came from, for messages. */
  source: string;
}

const METADATA_VERSION_RECORD: MetadataRecord = {
  type: 'FeatureLevelRecord',
  data: { name: METADATA_VERSION_FEATURE, featureLevel: METADATA_VERSION_LEVEL },
};

export const DEFAULT_BOOTSTRAP_METADATA: BootstrapMetadata = {
  records: [METADATA_VERSION_RECORD],
  source: 'the default bootstrap',
};

/** The bootstrap `sluice storage format` writes: metadata.version, then `records` (e.g. SCRAM credentials). */
export async function writeBootstrapMetadata(dir: string, records: readonly MetadataRecord[]): Promise<void> {
  const now = Date.now();
  const all = [METADATA_VERSION_RECORD, ...records];
  const control = (record: Parameters<typeof encodeRecordBatch>[0]['records'][number], baseOffset: number) =>
    encodeRecordBatch({
      records: [record],
      baseOffset: BigInt(baseOffset),
      baseTimestamp: BigInt(now),
      isControl: true,
    });
  const batches = [
    await control(snapshotHeaderRecord(-1), 0),
    await encodeRecordBatch({
      records: all.map((record) => ({ key: null, value: serializeMetadataRecord(record) })),
      baseOffset: 1n,
      baseTimestamp: BigInt(now),
    }),
    await control(snapshotFooterRecord(), 1 + all.length),
  ];
  writeFileDurably(join(dir, BOOTSTRAP_FILE), Buffer.concat(batches));
}

/** The bootstrap in `dir`, or the default one when `dir` has no bootstrap.checkpoint. */
export async function readBootstrapMetadata(dir: string): Promise<BootstrapMetadata> {
  const path = join(dir, BOOTSTRAP_FILE);
  if (!existsSync(path)) return DEFAULT_BOOTSTRAP_METADATA;
  const { batches, trailingBytes } = splitBatches(readFileSync(path));
  if (trailingBytes !== 0 || batches.some((b) => !verifyBatchCrc(b.bytes)))
    throw new Error(`${path} is not a sequence of CRC-valid record batches`);
  const records: MetadataRecord[] = [];
  for (const { bytes, header } of batches) {
    if (header.isControl) continue;
    for (const record of (await decodeRecordBatch(bytes)).records)
      if (record.value) records.push(deserializeMetadataRecord(record.value));
  }
  const version = records.find(
    (r) => r.type === 'FeatureLevelRecord' && r.data.name === METADATA_VERSION_FEATURE,
  );
  if (!version || version.type !== 'FeatureLevelRecord')
    throw new Error(
      `No FeatureLevelRecord for ${METADATA_VERSION_FEATURE} was found in the bootstrap metadata from ${path}`,
    );
  if (version.data.featureLevel !== METADATA_VERSION_LEVEL)
    throw new Error(
      `${path} bootstraps ${METADATA_VERSION_FEATURE} ${version.data.featureLevel}; Sluice reads and writes level ${METADATA_VERSION_LEVEL} (3.9-IV0) only`,
    );
  return { records: [version, ...records.filter((r) => r !== version)], source: path };
}
