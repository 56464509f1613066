/**
 * Decodes what consumer-group members put in the classic group protocol's opaque bytes: the subscription
 * (JoinGroup member metadata) and the assignment (SyncGroup). Both start with an int16 version; versions newer
 * than the codec's only append fields, so they are read with the newest version known, as Kafka's clients do.
 */
import {
  ProtocolError,
  Reader,
  consumerProtocolAssignmentVersions,
  consumerProtocolSubscriptionVersions,
  decodeConsumerProtocolAssignment,
  decodeConsumerProtocolSubscription,
} from '@sluice/protocol';
import type { TopicPartition } from './cluster-source.ts';

/**
 * Bytes that do not decode (a client with another idea of the protocol) describe nothing this console can show;
 * the member is still listed, with no topics, rather than failing the whole group.
 */
function decodeOrEmpty<T>(bytes: Buffer, decode: (reader: Reader, version: number) => T[]): T[] {
  if (bytes.length < 2) return [];
  try {
    const reader = new Reader(bytes);
    return decode(reader, reader.int16());
  } catch (error) {
    if (error instanceof ProtocolError) return [];
    throw error;
  }
}

export function decodeSubscribedTopics(protocolType: string, metadata: Buffer): string[] {
  if (protocolType !== 'consumer') return [];
  return decodeOrEmpty(
    metadata,
    (reader, version) =>
      decodeConsumerProtocolSubscription(reader, Math.min(version, consumerProtocolSubscriptionVersions.max))
        .topics,
  );
}

export function decodeAssignment(protocolType: string, assignment: Buffer): TopicPartition[] {
  if (protocolType !== 'consumer') return [];
  return decodeOrEmpty(assignment, (reader, version) =>
    decodeConsumerProtocolAssignment(
      reader,
      Math.min(version, consumerProtocolAssignmentVersions.max),
    ).assignedPartitions.flatMap(({ topic, partitions }) =>
      partitions.map((partition) => ({ topic, partition })),
    ),
  ).sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}
