/**
 * The quorum's inbound requests (Kafka's KafkaRaftClient.handle*Request): Vote, BeginQuorumEpoch,
 * EndQuorumEpoch, Fetch, FetchSnapshot and DescribeQuorum, as the controller listener's handlers hand them over.
 *
 * Invariants:
 * - every request carrying a cluster id that is not ours is answered INCONSISTENT_CLUSTER_ID and changes nothing;
 * - a request from an older epoch is answered FENCED_LEADER_EPOCH with the current leader; one from a newer
 *   epoch moves this node to that epoch first (as a follower when the request names the leader);
 * - Fetch, FetchSnapshot and DescribeQuorum are the leader's: any other node answers NOT_LEADER_OR_FOLLOWER
 *   with its best knowledge of the leader;
 * - a Fetch that finds nothing to return is parked up to its max wait (the long poll) and completes early when
 *   the leader appends, the high watermark moves or the epoch changes.
 */
import {
  ErrorCode,
  type BeginQuorumEpochRequest,
  type BeginQuorumEpochResponse,
  type DescribeQuorumRequest,
  type DescribeQuorumResponse,
  type EndQuorumEpochRequest,
  type EndQuorumEpochResponse,
  type FetchRequest,
  type FetchResponse,
  type FetchSnapshotRequest,
  type FetchSnapshotResponse,
  type VoteRequest,
  type VoteResponse,
} from '@sluice/protocol';
import type { KafkaRaftClient } from './kafka-raft-client.ts';
import { METADATA_PARTITION, METADATA_TOPIC, METADATA_TOPIC_ID } from './raft-log.ts';
import {
  describeQuorumResponse,
  fetchResponse,
  fetchSnapshotResponse,
  quorumEpochResponse,
  voteResponse,
  type FetchPartitionAnswer,
} from './raft-messages.ts';

/** Kafka's Errors.POSITION_OUT_OF_RANGE (99); error-codes.tsv, and so the generated table, lacks it. */
const POSITION_OUT_OF_RANGE = 99;

export class RaftRequestHandler {
  constructor(private readonly raft: KafkaRaftClient) {}

  private get endpoints() {
    return this.raft.config.voters;
  }

  private clusterIdMatches(clusterId: string | null): boolean {
    return clusterId === null || clusterId === this.raft.config.clusterId;
  }

  handleVote(body: VoteRequest, apiVersion: number): VoteResponse {
    const { raft } = this;
    const leader = () => raft.leaderAndEpoch();
    if (!this.clusterIdMatches(body.clusterId))
      return voteResponse(ErrorCode.INCONSISTENT_CLUSTER_ID, 0, leader(), false, this.endpoints);
    const partition = singlePartition(body.topics, (t) => t.topicName)?.partitions[0];
    if (!partition || partition.partitionIndex !== METADATA_PARTITION)
      return voteResponse(ErrorCode.INVALID_REQUEST, 0, leader(), false, this.endpoints);
    if (apiVersion >= 1 && body.voterId >= 0 && body.voterId !== raft.nodeId)
      return voteResponse(ErrorCode.INVALID_VOTER_KEY, 0, leader(), false, this.endpoints);
    const { candidateEpoch, candidateId } = partition;
    if (!raft.config.voters.has(candidateId) || !raft.quorum.isVoter)
      return voteResponse(0, ErrorCode.INCONSISTENT_VOTER_SET, leader(), false, this.endpoints);
    if (candidateEpoch < raft.quorum.epoch)
      return voteResponse(0, ErrorCode.FENCED_LEADER_EPOCH, leader(), false, this.endpoints);
    if (candidateEpoch > raft.quorum.epoch) raft.maybeTransition(candidateEpoch, null);
    const state = raft.quorum.state;
    let granted = false;
    if (state.name === 'Voted') granted = state.votedId === candidateId;
    else if (state.name === 'Unattached') {
      // Raft's election restriction: only a log at least as up to date as ours may lead.
      const ourEpoch = raft.raftLog.lastFetchedEpoch();
      const theirs = { epoch: partition.lastOffsetEpoch, offset: Number(partition.lastOffset) };
      granted =
        theirs.epoch > ourEpoch || (theirs.epoch === ourEpoch && theirs.offset >= raft.raftLog.endOffset);
      if (granted) raft.transition(() => raft.quorum.transitionToVoted(candidateEpoch, candidateId));
    }
    if (granted)
      raft.log.info(
        `metadata quorum: node ${raft.nodeId} votes for ${candidateId} in epoch ${candidateEpoch}`,
      );
    return voteResponse(0, ErrorCode.NONE, leader(), granted, this.endpoints);
  }

  handleBeginQuorumEpoch(body: BeginQuorumEpochRequest): BeginQuorumEpochResponse {
    const { raft } = this;
    if (!this.clusterIdMatches(body.clusterId))
      return quorumEpochResponse(ErrorCode.INCONSISTENT_CLUSTER_ID, 0, raft.leaderAndEpoch(), this.endpoints);
    const partition = singlePartition(body.topics, (t) => t.topicName)?.partitions[0];
    if (!partition)
      return quorumEpochResponse(ErrorCode.INVALID_REQUEST, 0, raft.leaderAndEpoch(), this.endpoints);
    const { leaderId, leaderEpoch } = partition;
    if (leaderEpoch < raft.quorum.epoch)
      return quorumEpochResponse(0, ErrorCode.FENCED_LEADER_EPOCH, raft.leaderAndEpoch(), this.endpoints);
    if (leaderId === raft.nodeId || !raft.config.voters.has(leaderId))
      return quorumEpochResponse(0, ErrorCode.INCONSISTENT_VOTER_SET, raft.leaderAndEpoch(), this.endpoints);
    const state = raft.quorum.state;
    if (!(state.name === 'Follower' && state.epoch === leaderEpoch && state.leaderId === leaderId))
      raft.transitionToFollower(leaderEpoch, leaderId);
    return quorumEpochResponse(0, ErrorCode.NONE, raft.leaderAndEpoch(), this.endpoints);
  }

  handleEndQuorumEpoch(body: EndQuorumEpochRequest, apiVersion: number): EndQuorumEpochResponse {
    const { raft } = this;
    if (!this.clusterIdMatches(body.clusterId))
      return quorumEpochResponse(ErrorCode.INCONSISTENT_CLUSTER_ID, 0, raft.leaderAndEpoch(), this.endpoints);
    const partition = singlePartition(body.topics, (t) => t.topicName)?.partitions[0];
    if (!partition)
      return quorumEpochResponse(ErrorCode.INVALID_REQUEST, 0, raft.leaderAndEpoch(), this.endpoints);
    const { leaderId, leaderEpoch } = partition;
    if (leaderEpoch < raft.quorum.epoch)
      return quorumEpochResponse(0, ErrorCode.FENCED_LEADER_EPOCH, raft.leaderAndEpoch(), this.endpoints);
    raft.maybeTransition(leaderEpoch, leaderId);
    const state = raft.quorum.state;
    if (state.name === 'Follower' && state.epoch === leaderEpoch && state.leaderId === leaderId) {
      const successors =
        apiVersion >= 1
          ? partition.preferredCandidates.map((c) => c.candidateId)
          : partition.preferredSuccessors;
      // The resigning leader's first choice runs at once; the others wait longer the further down they are.
      const position = successors.indexOf(raft.nodeId);
      const backoff =
        position < 0
          ? raft.config.electionBackoffMaxMs
          : Math.min(raft.config.electionBackoffMaxMs, position === 0 ? 0 : 50 * 2 ** position);
      state.fetchDeadline = Math.min(state.fetchDeadline, raft.clock.now() + backoff);
    }
    return quorumEpochResponse(0, ErrorCode.NONE, raft.leaderAndEpoch(), this.endpoints);
  }

  async handleFetch(body: FetchRequest, apiVersion: number): Promise<FetchResponse> {
    const { raft } = this;
    if (!this.clusterIdMatches(body.clusterId))
      return fetchResponse(ErrorCode.INCONSISTENT_CLUSTER_ID, null, this.endpoints);
    const topic = singlePartitionTopic(body.topics, apiVersion);
    const request = topic?.partitions[0];
    if (!request || request.partition !== METADATA_PARTITION || request.fetchOffset < 0n)
      return fetchResponse(ErrorCode.INVALID_REQUEST, null, this.endpoints);
    const replicaId = apiVersion >= 15 ? body.replicaState.replicaId : body.replicaId;
    const answer = (partial: Omit<FetchPartitionAnswer, 'leader'>) =>
      fetchResponse(0, { leader: raft.leaderAndEpoch(), ...partial }, this.endpoints);
    const epochError = this.leaderEpochError(request.currentLeaderEpoch);
    if (epochError !== null) return answer({ errorCode: epochError });

    const fetchOffset = Number(request.fetchOffset);
    const epoch = raft.quorum.epoch;
    const validation = raft.raftLog.validateOffsetAndEpoch(fetchOffset, request.lastFetchedEpoch);
    const hw = () => raft.highWatermark() ?? -1;
    const base = () => ({
      errorCode: ErrorCode.NONE,
      highWatermark: hw(),
      logStartOffset: raft.raftLog.startOffset,
    });
    if (validation.kind === 'snapshot') return answer({ ...base(), snapshotId: validation.id });
    if (validation.kind === 'diverging')
      return answer({
        ...base(),
        divergingEpoch: { epoch: validation.epoch, endOffset: validation.endOffset },
      });

    const state = raft.quorum.state;
    if (state.name !== 'Leader') return answer({ errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER });
    const hwBefore = hw();
    if (
      replicaId >= 0 &&
      state.leader.updateReplica(replicaId, fetchOffset, raft.raftLog.endOffset, raft.clock.now())
    )
      raft.onLeaderHighWatermark();
    let records = raft.raftLog.read(fetchOffset, request.partitionMaxBytes);
    if (records.length === 0 && body.maxWaitMs > 0 && hw() === hwBefore) {
      await raft.waitForChange(body.maxWaitMs);
      if (raft.isStopped || !raft.isLeaderOf(epoch))
        return answer({ errorCode: this.leaderEpochError(epoch) ?? ErrorCode.NOT_LEADER_OR_FOLLOWER });
      records = raft.raftLog.read(fetchOffset, request.partitionMaxBytes);
    }
    return answer({ ...base(), records });
  }

  handleFetchSnapshot(body: FetchSnapshotRequest): FetchSnapshotResponse {
    const { raft } = this;
    const respond = (
      errorCode: number,
      partitionError: number,
      chunk?: Parameters<typeof fetchSnapshotResponse>[4],
    ) => fetchSnapshotResponse(errorCode, partitionError, raft.leaderAndEpoch(), this.endpoints, chunk);
    if (!this.clusterIdMatches(body.clusterId)) return respond(ErrorCode.INCONSISTENT_CLUSTER_ID, 0);
    const partition = singlePartition(body.topics, (t) => t.name)?.partitions[0];
    if (!partition || partition.partition !== METADATA_PARTITION)
      return respond(ErrorCode.INVALID_REQUEST, 0);
    const epochError = this.leaderEpochError(partition.currentLeaderEpoch);
    if (epochError !== null) return respond(0, epochError);
    const id = { endOffset: Number(partition.snapshotId.endOffset), epoch: partition.snapshotId.epoch };
    const bytes = raft.raftLog.snapshotBytes(id);
    if (!bytes) return respond(0, ErrorCode.SNAPSHOT_NOT_FOUND);
    const position = Number(partition.position);
    if (position < 0 || position >= bytes.length) return respond(0, POSITION_OUT_OF_RANGE);
    const length = Math.min(Math.max(body.maxBytes, 1), bytes.length - position);
    const state = raft.quorum.state;
    if (state.name === 'Leader' && body.replicaId >= 0)
      state.leader.updateReplica(body.replicaId, -1, raft.raftLog.endOffset, raft.clock.now());
    return respond(0, ErrorCode.NONE, {
      id,
      size: bytes.length,
      position,
      bytes: bytes.subarray(position, position + length),
    });
  }

  handleDescribeQuorum(body: DescribeQuorumRequest): DescribeQuorumResponse {
    const { raft } = this;
    const leader = raft.leaderAndEpoch();
    const partition = singlePartition(body.topics, (t) => t.topicName)?.partitions[0];
    if (!partition || partition.partitionIndex !== METADATA_PARTITION)
      return describeQuorumResponse(ErrorCode.INVALID_REQUEST, 0, null, this.endpoints, leader);
    const state = raft.quorum.state;
    const now = raft.clock.now();
    if (state.name !== 'Leader')
      return describeQuorumResponse(0, ErrorCode.NOT_LEADER_OR_FOLLOWER, null, this.endpoints, leader);
    return describeQuorumResponse(
      0,
      ErrorCode.NONE,
      {
        leader,
        highWatermark: state.leader.highWatermark ?? -1,
        // As Kafka reports it: the leader is fetching and caught up now.
        voters: state.leader
          .voters()
          .map((v) =>
            v.nodeId === raft.nodeId ? { ...v, lastFetchTimestamp: now, lastCaughtUpTimestamp: now } : v,
          ),
        observers: state.leader.observers(),
      },
      this.endpoints,
      leader,
    );
  }

  /** Kafka's validateLeaderOnlyRequest: null when this node leads `requestEpoch`. */
  private leaderEpochError(requestEpoch: number): number | null {
    const { raft } = this;
    if (requestEpoch < raft.quorum.epoch) return ErrorCode.FENCED_LEADER_EPOCH;
    if (requestEpoch > raft.quorum.epoch) return ErrorCode.UNKNOWN_LEADER_EPOCH;
    if (raft.quorum.state.name !== 'Leader') return ErrorCode.NOT_LEADER_OR_FOLLOWER;
    return null;
  }
}

/** The request's only topic when it is `__cluster_metadata` with one partition, else undefined. */
function singlePartition<T extends { partitions: unknown[] }>(
  topics: T[],
  nameOf: (t: T) => string,
): T | undefined {
  const [topic] = topics;
  if (topics.length !== 1 || !topic || nameOf(topic) !== METADATA_TOPIC || topic.partitions.length !== 1)
    return undefined;
  return topic;
}

function singlePartitionTopic(
  topics: FetchRequest['topics'],
  apiVersion: number,
): FetchRequest['topics'][number] | undefined {
  const [topic] = topics;
  if (topics.length !== 1 || !topic || topic.partitions.length !== 1) return undefined;
  const matches = apiVersion >= 13 ? topic.topicId === METADATA_TOPIC_ID : topic.topic === METADATA_TOPIC;
  return matches ? topic : undefined;
}
