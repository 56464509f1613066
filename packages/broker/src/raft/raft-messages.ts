/**
 * The quorum's requests and responses as this node builds them: one topic (`__cluster_metadata`), one
 * partition (0), the way Kafka's RaftUtil builds them. Pure functions; the state machine is in
 * kafka-raft-client.ts.
 */
import {
  ApiKey,
  ZERO_UUID,
  apis,
  type BeginQuorumEpochRequest,
  type BeginQuorumEpochResponse,
  type DescribeQuorumResponse,
  type EndQuorumEpochRequest,
  type EndQuorumEpochResponse,
  type FetchRequest,
  type FetchResponse,
  type FetchResponsePartitionData,
  type FetchSnapshotRequest,
  type FetchSnapshotResponse,
  type VoteRequest,
  type VoteResponse,
} from '@sluice/protocol';
import type { VoterEndpoint } from './quorum-config.ts';
import type { LeaderAndEpoch, SnapshotId } from './raft-client.ts';
import { METADATA_PARTITION, METADATA_TOPIC, METADATA_TOPIC_ID } from './raft-log.ts';
import type { ReplicaState } from './leader-state.ts';

/** Kafka's KafkaRaftClient.FETCH_MAX_WAIT_MS: how long the leader parks a Fetch that finds nothing new. */
export const FETCH_MAX_WAIT_MS = 500;
export const FETCH_MAX_BYTES = 8 * 1024 * 1024;
export const SNAPSHOT_CHUNK_BYTES = 1024 * 1024;
/** The listener name the quorum's endpoints are reported under (Kafka's default controller listener). */
export const CONTROLLER_LISTENER_NAME = 'CONTROLLER';

export function voteRequest(
  clusterId: string,
  voterId: number,
  candidateEpoch: number,
  candidateId: number,
  lastOffsetEpoch: number,
  lastOffset: number,
): VoteRequest {
  return {
    clusterId,
    voterId,
    topics: [
      {
        topicName: METADATA_TOPIC,
        partitions: [
          {
            partitionIndex: METADATA_PARTITION,
            candidateEpoch,
            candidateId,
            candidateDirectoryId: ZERO_UUID,
            voterDirectoryId: ZERO_UUID,
            lastOffsetEpoch,
            lastOffset: BigInt(lastOffset),
          },
        ],
      },
    ],
  };
}

export function voteResponse(
  errorCode: number,
  partitionError: number,
  leader: LeaderAndEpoch,
  voteGranted: boolean,
  endpoints: ReadonlyMap<number, VoterEndpoint>,
): VoteResponse {
  return {
    errorCode,
    topics:
      errorCode !== 0
        ? []
        : [
            {
              topicName: METADATA_TOPIC,
              partitions: [
                {
                  partitionIndex: METADATA_PARTITION,
                  errorCode: partitionError,
                  leaderId: leader.leaderId ?? -1,
                  leaderEpoch: leader.epoch,
                  voteGranted,
                },
              ],
            },
          ],
    nodeEndpoints: leaderEndpoints(leader, endpoints),
  };
}

export function beginQuorumEpochRequest(
  clusterId: string,
  voterId: number,
  leaderId: number,
  leaderEpoch: number,
  endpoints: ReadonlyMap<number, VoterEndpoint>,
): BeginQuorumEpochRequest {
  const leader = endpoints.get(leaderId);
  return {
    clusterId,
    voterId,
    topics: [
      {
        topicName: METADATA_TOPIC,
        partitions: [
          { partitionIndex: METADATA_PARTITION, voterDirectoryId: ZERO_UUID, leaderId, leaderEpoch },
        ],
      },
    ],
    leaderEndpoints: leader ? [{ name: CONTROLLER_LISTENER_NAME, ...leader }] : [],
  };
}

export function endQuorumEpochRequest(
  clusterId: string,
  leaderId: number,
  leaderEpoch: number,
  preferredSuccessors: readonly number[],
  endpoints: ReadonlyMap<number, VoterEndpoint>,
): EndQuorumEpochRequest {
  const leader = endpoints.get(leaderId);
  return {
    clusterId,
    topics: [
      {
        topicName: METADATA_TOPIC,
        partitions: [
          {
            partitionIndex: METADATA_PARTITION,
            leaderId,
            leaderEpoch,
            preferredSuccessors: [...preferredSuccessors],
            preferredCandidates: preferredSuccessors.map((candidateId) => ({
              candidateId,
              candidateDirectoryId: ZERO_UUID,
            })),
          },
        ],
      },
    ],
    leaderEndpoints: leader ? [{ name: CONTROLLER_LISTENER_NAME, ...leader }] : [],
  };
}

/** The answer to BeginQuorumEpoch and EndQuorumEpoch (both share the shape). */
export function quorumEpochResponse(
  errorCode: number,
  partitionError: number,
  leader: LeaderAndEpoch,
  endpoints: ReadonlyMap<number, VoterEndpoint>,
): BeginQuorumEpochResponse & EndQuorumEpochResponse {
  return {
    errorCode,
    topics:
      errorCode !== 0
        ? []
        : [
            {
              topicName: METADATA_TOPIC,
              partitions: [
                {
                  partitionIndex: METADATA_PARTITION,
                  errorCode: partitionError,
                  leaderId: leader.leaderId ?? -1,
                  leaderEpoch: leader.epoch,
                },
              ],
            },
          ],
    nodeEndpoints: leaderEndpoints(leader, endpoints),
  };
}

export function fetchRequest(
  clusterId: string,
  replicaId: number,
  epoch: number,
  fetchOffset: number,
  lastFetchedEpoch: number,
  logStartOffset: number,
): FetchRequest {
  return {
    ...apis[ApiKey.Fetch].defaultRequest(),
    clusterId,
    replicaId,
    replicaState: { replicaId, replicaEpoch: -1n },
    maxWaitMs: FETCH_MAX_WAIT_MS,
    minBytes: 0,
    maxBytes: FETCH_MAX_BYTES,
    isolationLevel: 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [
      {
        topic: METADATA_TOPIC,
        topicId: METADATA_TOPIC_ID,
        partitions: [
          {
            partition: METADATA_PARTITION,
            currentLeaderEpoch: epoch,
            fetchOffset: BigInt(fetchOffset),
            lastFetchedEpoch,
            logStartOffset: BigInt(logStartOffset),
            partitionMaxBytes: FETCH_MAX_BYTES,
            replicaDirectoryId: ZERO_UUID,
          },
        ],
      },
    ],
    forgottenTopicsData: [],
    rackId: '',
  };
}

export interface FetchPartitionAnswer {
  errorCode: number;
  leader: LeaderAndEpoch;
  highWatermark?: number;
  logStartOffset?: number;
  records?: Buffer;
  divergingEpoch?: { epoch: number; endOffset: number };
  snapshotId?: SnapshotId;
}

export function fetchResponse(
  errorCode: number,
  answer: FetchPartitionAnswer | null,
  endpoints: ReadonlyMap<number, VoterEndpoint>,
): FetchResponse {
  const partitions: FetchResponsePartitionData[] = answer
    ? [
        {
          partitionIndex: METADATA_PARTITION,
          errorCode: answer.errorCode,
          highWatermark: BigInt(answer.highWatermark ?? -1),
          lastStableOffset: -1n,
          logStartOffset: BigInt(answer.logStartOffset ?? -1),
          divergingEpoch: {
            epoch: answer.divergingEpoch?.epoch ?? -1,
            endOffset: BigInt(answer.divergingEpoch?.endOffset ?? -1),
          },
          currentLeader: { leaderId: answer.leader.leaderId ?? -1, leaderEpoch: answer.leader.epoch },
          snapshotId: {
            endOffset: BigInt(answer.snapshotId?.endOffset ?? -1),
            epoch: answer.snapshotId?.epoch ?? -1,
          },
          abortedTransactions: null,
          preferredReadReplica: -1,
          records: answer.records ?? null,
        },
      ]
    : [];
  return {
    throttleTimeMs: 0,
    errorCode,
    sessionId: 0,
    responses: answer ? [{ topic: METADATA_TOPIC, topicId: METADATA_TOPIC_ID, partitions }] : [],
    nodeEndpoints: answer ? leaderEndpoints(answer.leader, endpoints).map((e) => ({ ...e, rack: null })) : [],
  };
}

export function fetchSnapshotRequest(
  clusterId: string,
  replicaId: number,
  epoch: number,
  id: SnapshotId,
  position: number,
): FetchSnapshotRequest {
  return {
    clusterId,
    replicaId,
    maxBytes: SNAPSHOT_CHUNK_BYTES,
    topics: [
      {
        name: METADATA_TOPIC,
        partitions: [
          {
            partition: METADATA_PARTITION,
            currentLeaderEpoch: epoch,
            snapshotId: { endOffset: BigInt(id.endOffset), epoch: id.epoch },
            position: BigInt(position),
            replicaDirectoryId: ZERO_UUID,
          },
        ],
      },
    ],
  };
}

export function fetchSnapshotResponse(
  errorCode: number,
  partitionError: number,
  leader: LeaderAndEpoch,
  endpoints: ReadonlyMap<number, VoterEndpoint>,
  chunk?: { id: SnapshotId; size: number; position: number; bytes: Buffer },
): FetchSnapshotResponse {
  return {
    throttleTimeMs: 0,
    errorCode,
    topics:
      errorCode !== 0
        ? []
        : [
            {
              name: METADATA_TOPIC,
              partitions: [
                {
                  index: METADATA_PARTITION,
                  errorCode: partitionError,
                  snapshotId: {
                    endOffset: BigInt(chunk?.id.endOffset ?? -1),
                    epoch: chunk?.id.epoch ?? -1,
                  },
                  currentLeader: { leaderId: leader.leaderId ?? -1, leaderEpoch: leader.epoch },
                  size: BigInt(chunk?.size ?? 0),
                  position: BigInt(chunk?.position ?? 0),
                  unalignedRecords: chunk?.bytes ?? Buffer.alloc(0),
                },
              ],
            },
          ],
    nodeEndpoints: leaderEndpoints(leader, endpoints),
  };
}

export interface QuorumDescription {
  leader: LeaderAndEpoch;
  highWatermark: number;
  voters: readonly ReplicaState[];
  observers: readonly ReplicaState[];
}

export function describeQuorumResponse(
  errorCode: number,
  partitionError: number,
  description: QuorumDescription | null,
  endpoints: ReadonlyMap<number, VoterEndpoint>,
  leader: LeaderAndEpoch,
): DescribeQuorumResponse {
  const replica = (s: ReplicaState) => ({
    replicaId: s.nodeId,
    replicaDirectoryId: ZERO_UUID,
    logEndOffset: BigInt(s.endOffset ?? -1),
    lastFetchTimestamp: BigInt(s.lastFetchTimestamp),
    lastCaughtUpTimestamp: BigInt(s.lastCaughtUpTimestamp),
  });
  const errorMessage = partitionError === 0 ? null : 'This node is not the leader of the metadata quorum';
  return {
    errorCode,
    errorMessage: null,
    topics:
      errorCode !== 0
        ? []
        : [
            {
              topicName: METADATA_TOPIC,
              partitions: [
                {
                  partitionIndex: METADATA_PARTITION,
                  errorCode: partitionError,
                  errorMessage,
                  leaderId: (description?.leader ?? leader).leaderId ?? -1,
                  leaderEpoch: (description?.leader ?? leader).epoch,
                  highWatermark: BigInt(description?.highWatermark ?? -1),
                  currentVoters: description?.voters.map(replica) ?? [],
                  observers: description?.observers.map(replica) ?? [],
                },
              ],
            },
          ],
    nodes: description
      ? description.voters.flatMap((s) => {
          const endpoint = endpoints.get(s.nodeId);
          return endpoint
            ? [{ nodeId: s.nodeId, listeners: [{ name: CONTROLLER_LISTENER_NAME, ...endpoint }] }]
            : [];
        })
      : [],
  };
}

function leaderEndpoints(
  leader: LeaderAndEpoch,
  endpoints: ReadonlyMap<number, VoterEndpoint>,
): { nodeId: number; host: string; port: number }[] {
  const endpoint = leader.leaderId !== null ? endpoints.get(leader.leaderId) : undefined;
  return endpoint && leader.leaderId !== null ? [{ nodeId: leader.leaderId, ...endpoint }] : [];
}
