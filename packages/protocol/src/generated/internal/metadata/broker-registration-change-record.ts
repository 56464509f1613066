// Generated from internal/metadata/BrokerRegistrationChangeRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface BrokerRegistrationChangeRecord {
  /** The broker id. */
  brokerId: number;
  /** The broker epoch assigned by the controller. */
  brokerEpoch: bigint;
  /** -1 if the broker has been unfenced, 0 if no change, 1 if the broker has been fenced. */
  fenced: number;
  /** 0 if no change, 1 if the broker is in controlled shutdown. */
  inControlledShutdown: number;
  /** Log directories configured in this broker which are available. */
  logDirs: string[];
}

export function defaultBrokerRegistrationChangeRecord(): BrokerRegistrationChangeRecord {
  return {
    brokerId: 0,
    brokerEpoch: 0n,
    fenced: 0,
    inControlledShutdown: 0,
    logDirs: [],
  };
}

function writeBrokerRegistrationChangeRecord(w: Writer, v: BrokerRegistrationChangeRecord, version: number): void {
  w.int32(v.brokerId);
  w.int64(v.brokerEpoch);
  {
    const writeFenced = v.fenced !== 0;
    const writeInControlledShutdown = version >= 1 && v.inControlledShutdown !== 0;
    const writeLogDirs = version >= 2 && v.logDirs.length > 0;
    w.unsignedVarint((writeFenced ? 1 : 0) + (writeInControlledShutdown ? 1 : 0) + (writeLogDirs ? 1 : 0));
    if (writeFenced) w.taggedField(0, (t) => { t.int8(v.fenced); });
    if (writeInControlledShutdown) w.taggedField(1, (t) => { t.int8(v.inControlledShutdown); });
    if (writeLogDirs) w.taggedField(2, (t) => { t.unsignedVarint(v.logDirs.length + 1); for (const item of v.logDirs) { t.uuid(item); } });
  }
}

function readBrokerRegistrationChangeRecord(r: Reader, version: number): BrokerRegistrationChangeRecord {
  let fBrokerId: number = 0;
  fBrokerId = r.int32();
  let fBrokerEpoch: bigint = 0n;
  fBrokerEpoch = r.int64();
  let fFenced: number = 0;
  let fInControlledShutdown: number = 0;
  let fLogDirs: string[] = [];
  {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fFenced = t.int8(); return true;
        case 1:
          if (version >= 1) { fInControlledShutdown = t.int8(); return true; } return false;
        case 2:
          if (version >= 2) { fLogDirs = readCompactArray(t, 16, () => t.uuid()); return true; } return false;
        default:
          return false;
      }
    });
  }
  return { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch, fenced: fFenced, inControlledShutdown: fInControlledShutdown, logDirs: fLogDirs };
}

/** The record type of BrokerRegistrationChangeRecord in the metadata log (MetadataRecordSerde's api key). */
export const brokerRegistrationChangeRecordApiKey = 17;

/** The versions of BrokerRegistrationChangeRecord this codec reads and writes. */
export const brokerRegistrationChangeRecordVersions = { min: 0, max: 2, firstFlexible: 0 } as const;

function checkBrokerRegistrationChangeRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `BrokerRegistrationChangeRecord version ${version} is outside 0-2`);
  }
}

export function encodeBrokerRegistrationChangeRecord(w: Writer, value: BrokerRegistrationChangeRecord, version: number): void {
  checkBrokerRegistrationChangeRecordVersion(version);
  writeBrokerRegistrationChangeRecord(w, value, version);
}

export function decodeBrokerRegistrationChangeRecord(r: Reader, version: number): BrokerRegistrationChangeRecord {
  checkBrokerRegistrationChangeRecordVersion(version);
  return readBrokerRegistrationChangeRecord(r, version);
}
