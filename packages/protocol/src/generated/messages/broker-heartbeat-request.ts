// Generated from BrokerHeartbeatRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface BrokerHeartbeatRequest {
  /** The broker ID. */
  brokerId: number;
  /** The broker epoch. */
  brokerEpoch: bigint;
  /** The highest metadata offset which the broker has reached. */
  currentMetadataOffset: bigint;
  /** True if the broker wants to be fenced, false otherwise. */
  wantFence: boolean;
  /** True if the broker wants to be shut down, false otherwise. */
  wantShutDown: boolean;
  /** Log directories that failed and went offline. */
  offlineLogDirs: string[];
}

export function defaultBrokerHeartbeatRequest(): BrokerHeartbeatRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
    currentMetadataOffset: 0n,
    wantFence: false,
    wantShutDown: false,
    offlineLogDirs: [],
  };
}

function writeBrokerHeartbeatRequest(w: Writer, v: BrokerHeartbeatRequest, version: number): void {
  w.int32(v.brokerId);
  w.int64(v.brokerEpoch);
  w.int64(v.currentMetadataOffset);
  w.bool(v.wantFence);
  w.bool(v.wantShutDown);
  {
    const writeOfflineLogDirs = version >= 1 && v.offlineLogDirs.length > 0;
    w.unsignedVarint((writeOfflineLogDirs ? 1 : 0));
    if (writeOfflineLogDirs) w.taggedField(0, (t) => { t.unsignedVarint(v.offlineLogDirs.length + 1); for (const item of v.offlineLogDirs) { t.uuid(item); } });
  }
}

function readBrokerHeartbeatRequest(r: Reader, version: number): BrokerHeartbeatRequest {
  let fBrokerId: number = 0;
  fBrokerId = r.int32();
  let fBrokerEpoch: bigint = -1n;
  fBrokerEpoch = r.int64();
  let fCurrentMetadataOffset: bigint = 0n;
  fCurrentMetadataOffset = r.int64();
  let fWantFence: boolean = false;
  fWantFence = r.bool();
  let fWantShutDown: boolean = false;
  fWantShutDown = r.bool();
  let fOfflineLogDirs: string[] = [];
  {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          if (version >= 1) { fOfflineLogDirs = readCompactArray(t, 16, () => t.uuid()); return true; } return false;
        default:
          return false;
      }
    });
  }
  return { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch, currentMetadataOffset: fCurrentMetadataOffset, wantFence: fWantFence, wantShutDown: fWantShutDown, offlineLogDirs: fOfflineLogDirs };
}

/** The versions of BrokerHeartbeatRequest this codec reads and writes. */
export const brokerHeartbeatRequestVersions = { min: 0, max: 1, firstFlexible: 0 } as const;

function checkBrokerHeartbeatRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `BrokerHeartbeatRequest version ${version} is outside 0-1`);
  }
}

export function encodeBrokerHeartbeatRequest(w: Writer, value: BrokerHeartbeatRequest, version: number): void {
  checkBrokerHeartbeatRequestVersion(version);
  writeBrokerHeartbeatRequest(w, value, version);
}

export function decodeBrokerHeartbeatRequest(r: Reader, version: number): BrokerHeartbeatRequest {
  checkBrokerHeartbeatRequestVersion(version);
  return readBrokerHeartbeatRequest(r, version);
}
