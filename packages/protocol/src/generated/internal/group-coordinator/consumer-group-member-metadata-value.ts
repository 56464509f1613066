// Generated from internal/group-coordinator/ConsumerGroupMemberMetadataValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { isDeepEqual, readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ConsumerGroupMemberMetadataValueClassicProtocol {
  /** The protocol name. */
  name: string;
  /** The protocol metadata. */
  metadata: Buffer;
}

export function defaultConsumerGroupMemberMetadataValueClassicProtocol(): ConsumerGroupMemberMetadataValueClassicProtocol {
  return {
    name: "",
    metadata: Buffer.alloc(0),
  };
}

function writeConsumerGroupMemberMetadataValueClassicProtocol(w: Writer, v: ConsumerGroupMemberMetadataValueClassicProtocol, version: number): void {
  w.compactString(v.name);
  w.compactBytes(v.metadata);
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupMemberMetadataValueClassicProtocol(r: Reader, version: number): ConsumerGroupMemberMetadataValueClassicProtocol {
  let fName: string = "";
  fName = r.compactString();
  let fMetadata: Buffer = Buffer.alloc(0);
  fMetadata = r.compactBytes();
  r.taggedFields();
  return { name: fName, metadata: fMetadata };
}

export interface ConsumerGroupMemberMetadataValueClassicMemberMetadata {
  /** The session timeout if the consumer uses the classic protocol. */
  sessionTimeoutMs: number;
  /** The list of protocols that the member supports if the consumer uses the classic protocol. */
  supportedProtocols: ConsumerGroupMemberMetadataValueClassicProtocol[];
}

export function defaultConsumerGroupMemberMetadataValueClassicMemberMetadata(): ConsumerGroupMemberMetadataValueClassicMemberMetadata {
  return {
    sessionTimeoutMs: 0,
    supportedProtocols: [],
  };
}

function writeConsumerGroupMemberMetadataValueClassicMemberMetadata(w: Writer, v: ConsumerGroupMemberMetadataValueClassicMemberMetadata, version: number): void {
  w.int32(v.sessionTimeoutMs);
  w.unsignedVarint(v.supportedProtocols.length + 1); for (const item of v.supportedProtocols) { writeConsumerGroupMemberMetadataValueClassicProtocol(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupMemberMetadataValueClassicMemberMetadata(r: Reader, version: number): ConsumerGroupMemberMetadataValueClassicMemberMetadata {
  let fSessionTimeoutMs: number = 0;
  fSessionTimeoutMs = r.int32();
  let fSupportedProtocols: ConsumerGroupMemberMetadataValueClassicProtocol[] = [];
  fSupportedProtocols = readCompactArray(r, 1, () => readConsumerGroupMemberMetadataValueClassicProtocol(r, version));
  r.taggedFields();
  return { sessionTimeoutMs: fSessionTimeoutMs, supportedProtocols: fSupportedProtocols };
}

export interface ConsumerGroupMemberMetadataValue {
  /** The (optional) instance id. */
  instanceId: string | null;
  /** The (optional) rack id. */
  rackId: string | null;
  /** The client id. */
  clientId: string;
  /** The client host. */
  clientHost: string;
  /** The list of subscribed topic names. */
  subscribedTopicNames: string[];
  /** The subscribed topic regular expression. */
  subscribedTopicRegex: string | null;
  /** The rebalance timeout */
  rebalanceTimeoutMs: number;
  /** The server assignor to use; or null if not used. */
  serverAssignor: string | null;
  /** The classic member metadata which includes the supported protocols of the consumer if it uses the classic protocol. The metadata is null if the consumer uses the consumer protocol. */
  classicMemberMetadata: ConsumerGroupMemberMetadataValueClassicMemberMetadata | null;
}

export function defaultConsumerGroupMemberMetadataValue(): ConsumerGroupMemberMetadataValue {
  return {
    instanceId: "",
    rackId: "",
    clientId: "",
    clientHost: "",
    subscribedTopicNames: [],
    subscribedTopicRegex: "",
    rebalanceTimeoutMs: -1,
    serverAssignor: "",
    classicMemberMetadata: defaultConsumerGroupMemberMetadataValueClassicMemberMetadata(),
  };
}

function writeConsumerGroupMemberMetadataValue(w: Writer, v: ConsumerGroupMemberMetadataValue, version: number): void {
  w.compactNullableString(v.instanceId);
  w.compactNullableString(v.rackId);
  w.compactString(v.clientId);
  w.compactString(v.clientHost);
  w.unsignedVarint(v.subscribedTopicNames.length + 1); for (const item of v.subscribedTopicNames) { w.compactString(item); }
  w.compactNullableString(v.subscribedTopicRegex);
  w.int32(v.rebalanceTimeoutMs);
  w.compactNullableString(v.serverAssignor);
  {
    const writeClassicMemberMetadata = !isDeepEqual(v.classicMemberMetadata, defaultConsumerGroupMemberMetadataValueClassicMemberMetadata());
    w.unsignedVarint((writeClassicMemberMetadata ? 1 : 0));
    if (writeClassicMemberMetadata) w.taggedField(0, (t) => { if (v.classicMemberMetadata === null) t.int8(-1); else { t.int8(1); writeConsumerGroupMemberMetadataValueClassicMemberMetadata(t, v.classicMemberMetadata, version); } });
  }
}

function readConsumerGroupMemberMetadataValue(r: Reader, version: number): ConsumerGroupMemberMetadataValue {
  let fInstanceId: string | null = "";
  fInstanceId = r.compactNullableString();
  let fRackId: string | null = "";
  fRackId = r.compactNullableString();
  let fClientId: string = "";
  fClientId = r.compactString();
  let fClientHost: string = "";
  fClientHost = r.compactString();
  let fSubscribedTopicNames: string[] = [];
  fSubscribedTopicNames = readCompactArray(r, 1, () => r.compactString());
  let fSubscribedTopicRegex: string | null = "";
  fSubscribedTopicRegex = r.compactNullableString();
  let fRebalanceTimeoutMs: number = -1;
  fRebalanceTimeoutMs = r.int32();
  let fServerAssignor: string | null = "";
  fServerAssignor = r.compactNullableString();
  let fClassicMemberMetadata: ConsumerGroupMemberMetadataValueClassicMemberMetadata | null = defaultConsumerGroupMemberMetadataValueClassicMemberMetadata();
  {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fClassicMemberMetadata = (t.int8() < 0 ? null : readConsumerGroupMemberMetadataValueClassicMemberMetadata(t, version)); return true;
        default:
          return false;
      }
    });
  }
  return { instanceId: fInstanceId, rackId: fRackId, clientId: fClientId, clientHost: fClientHost, subscribedTopicNames: fSubscribedTopicNames, subscribedTopicRegex: fSubscribedTopicRegex, rebalanceTimeoutMs: fRebalanceTimeoutMs, serverAssignor: fServerAssignor, classicMemberMetadata: fClassicMemberMetadata };
}

/** The versions of ConsumerGroupMemberMetadataValue this codec reads and writes. */
export const consumerGroupMemberMetadataValueVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkConsumerGroupMemberMetadataValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ConsumerGroupMemberMetadataValue version ${version} is outside 0-0`);
  }
}

export function encodeConsumerGroupMemberMetadataValue(w: Writer, value: ConsumerGroupMemberMetadataValue, version: number): void {
  checkConsumerGroupMemberMetadataValueVersion(version);
  writeConsumerGroupMemberMetadataValue(w, value, version);
}

export function decodeConsumerGroupMemberMetadataValue(r: Reader, version: number): ConsumerGroupMemberMetadataValue {
  checkConsumerGroupMemberMetadataValueVersion(version);
  return readConsumerGroupMemberMetadataValue(r, version);
}
