// Generated from internal/metadata/ZkMigrationRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ZkMigrationStateRecord {
  /** One of the possible migration states. */
  zkMigrationState: number;
}

export function defaultZkMigrationStateRecord(): ZkMigrationStateRecord {
  return {
    zkMigrationState: 0,
  };
}

function writeZkMigrationStateRecord(w: Writer, v: ZkMigrationStateRecord, version: number): void {
  w.int8(v.zkMigrationState);
  {
    w.unsignedVarint(0);
  }
}

function readZkMigrationStateRecord(r: Reader, version: number): ZkMigrationStateRecord {
  let fZkMigrationState: number = 0;
  fZkMigrationState = r.int8();
  r.taggedFields();
  return { zkMigrationState: fZkMigrationState };
}

/** The record type of ZkMigrationStateRecord in the metadata log (MetadataRecordSerde's api key). */
export const zkMigrationStateRecordApiKey = 21;

/** The versions of ZkMigrationStateRecord this codec reads and writes. */
export const zkMigrationStateRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkZkMigrationStateRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ZkMigrationStateRecord version ${version} is outside 0-0`);
  }
}

export function encodeZkMigrationStateRecord(w: Writer, value: ZkMigrationStateRecord, version: number): void {
  checkZkMigrationStateRecordVersion(version);
  writeZkMigrationStateRecord(w, value, version);
}

export function decodeZkMigrationStateRecord(r: Reader, version: number): ZkMigrationStateRecord {
  checkZkMigrationStateRecordVersion(version);
  return readZkMigrationStateRecord(r, version);
}
