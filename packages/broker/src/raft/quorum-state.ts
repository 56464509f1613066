/**
 * The epoch state of one voter (Kafka's QuorumState and its EpochState classes) and its persisted form.
 *
 * States: Unattached (an epoch with no leader known and no vote cast), Voted (voted for a candidate in the
 * epoch), Follower (knows the epoch's leader), Candidate (asked for votes in the epoch, voted for itself),
 * Leader, Resigned (was the leader of the epoch and stepped down; waits for the next election).
 *
 * Invariants:
 * - the epoch never goes back, and within an epoch a node votes at most once: the vote is written to the
 *   `quorum-state` file (fsync'd, temp + rename) before any answer that grants it or any request that asks for
 *   votes leaves the node, so a restart cannot vote twice;
 * - the file sits in the `__cluster_metadata-0` folder, as Kafka's does, and is Kafka's QuorumStateData (version 0) as JSON, the way Kafka's FileQuorumStateStore writes it:
 *   {"clusterId":"","leaderId":1,"leaderEpoch":3,"votedId":-1,"appliedOffset":0,"currentVoters":[...],"data_version":0};
 * - a node restarted as leader of an epoch comes back Resigned in that epoch (it cannot know what it acked),
 *   one restarted after voting for itself comes back Candidate, one that had voted comes back Voted;
 * - a leader and a follower know exactly one leader per epoch; there is at most one leader per epoch because a
 *   leader needs a majority of votes and each voter votes once per epoch.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../storage/durable-file.ts';
import { majorityOf, type QuorumConfig } from './quorum-config.ts';
import type { LeaderState } from './leader-state.ts';

export const QUORUM_STATE_FILE = 'quorum-state';

export type EpochState =
  | { name: 'Unattached'; epoch: number; electionDeadline: number }
  | { name: 'Voted'; epoch: number; votedId: number; electionDeadline: number }
  | { name: 'Follower'; epoch: number; leaderId: number; fetchDeadline: number }
  | {
      name: 'Candidate';
      epoch: number;
      granted: Set<number>;
      rejected: Set<number>;
      electionDeadline: number;
      /** Elections lost in a row; the backoff doubles with each (up to election.backoff.max.ms). */
      retries: number;
      /** When set, the election is lost and a new one starts at this time. */
      backoffUntil: number | null;
    }
  | { name: 'Leader'; epoch: number; leader: LeaderState }
  | { name: 'Resigned'; epoch: number; electionDeadline: number };

export type StateName = EpochState['name'];

interface ElectionState {
  leaderId: number;
  leaderEpoch: number;
  votedId: number;
}

export class QuorumState {
  private current: EpochState;
  private persisted: ElectionState | null = null;

  constructor(
    private readonly dir: string,
    private readonly config: QuorumConfig,
    private readonly now: () => number,
    private readonly random: () => number = Math.random,
  ) {
    const stored = this.read();
    this.persisted = stored;
    const { nodeId } = config;
    const epoch = stored?.leaderEpoch ?? 0;
    if (!stored || epoch < 0) this.current = this.unattached(0);
    else if (stored.leaderId === nodeId)
      this.current = { name: 'Resigned', epoch, electionDeadline: this.randomElectionDeadline() };
    else if (stored.votedId === nodeId && this.isVoter) this.current = this.candidate(epoch, 0);
    else if (stored.votedId >= 0)
      this.current = {
        name: 'Voted',
        epoch,
        votedId: stored.votedId,
        electionDeadline: this.randomElectionDeadline(),
      };
    else if (stored.leaderId >= 0)
      this.current = {
        name: 'Follower',
        epoch,
        leaderId: stored.leaderId,
        fetchDeadline: this.now() + config.fetchTimeoutMs,
      };
    else this.current = this.unattached(epoch);
  }

  get state(): EpochState {
    return this.current;
  }

  get epoch(): number {
    return this.current.epoch;
  }

  get isVoter(): boolean {
    return this.config.voters.has(this.config.nodeId);
  }

  /** The leader of the current epoch, if known. */
  get leaderId(): number | null {
    const s = this.current;
    if (s.name === 'Leader') return this.config.nodeId;
    if (s.name === 'Follower') return s.leaderId;
    return null;
  }

  get votedId(): number | null {
    const s = this.current;
    if (s.name === 'Voted') return s.votedId;
    if (s.name === 'Candidate') return this.config.nodeId;
    return null;
  }

  /** Kafka's election timeout: election.timeout.ms plus a random part of it, so that voters do not collide. */
  randomElectionDeadline(): number {
    const timeout = this.config.electionTimeoutMs;
    return this.now() + timeout + Math.floor(this.random() * timeout);
  }

  /** Kafka's exponential election backoff: a random wait below min(max, 50 ms * 2^retries). */
  electionBackoffMs(retries: number): number {
    const cap = Math.min(this.config.electionBackoffMaxMs, 50 * 2 ** Math.min(retries, 20));
    return Math.floor(this.random() * cap) + 1;
  }

  /** An observer (not a voter) may also go unattached in its own epoch: it lost its leader and looks again. */
  transitionToUnattached(epoch: number): void {
    if (epoch < this.epoch || (epoch === this.epoch && this.isVoter))
      throw new Error(`cannot go unattached in epoch ${epoch} from ${this.describe()}`);
    // As Kafka's QuorumState: a voter that was already waiting for an election (unattached, voted, candidate)
    // keeps its deadline. A fresh random one at every higher epoch would let a candidate whose votes are refused
    // (its log is behind) hold everyone else back forever by starting election after election.
    const s = this.current;
    const waiting =
      s.name === 'Unattached' || s.name === 'Voted' || s.name === 'Candidate' ? s.electionDeadline : null;
    this.set(
      waiting === null ? this.unattached(epoch) : { name: 'Unattached', epoch, electionDeadline: waiting },
    );
  }

  /** Grants the vote of `epoch` to `candidateId` (persisted before the answer leaves). */
  transitionToVoted(epoch: number, candidateId: number): void {
    const s = this.current;
    if (epoch < s.epoch || (epoch === s.epoch && s.name !== 'Unattached'))
      throw new Error(`cannot vote for ${candidateId} in epoch ${epoch} from ${this.describe()}`);
    this.set({ name: 'Voted', epoch, votedId: candidateId, electionDeadline: this.randomElectionDeadline() });
  }

  transitionToFollower(epoch: number, leaderId: number): void {
    const s = this.current;
    if (epoch < s.epoch)
      throw new Error(`cannot follow ${leaderId} in older epoch ${epoch} (${this.describe()})`);
    if (epoch === s.epoch && (s.name === 'Leader' || (s.name === 'Follower' && s.leaderId !== leaderId)))
      throw new Error(`two leaders in epoch ${epoch}: ${this.leaderId} and ${leaderId}`);
    this.set({ name: 'Follower', epoch, leaderId, fetchDeadline: this.now() + this.config.fetchTimeoutMs });
  }

  /** Starts an election in the next epoch, voting for itself. */
  transitionToCandidate(): void {
    if (!this.isVoter) throw new Error(`node ${this.config.nodeId} is not a voter`);
    const retries = this.current.name === 'Candidate' ? this.current.retries + 1 : 0;
    this.set(this.candidate(this.epoch + 1, retries));
  }

  transitionToLeader(leader: LeaderState): void {
    const s = this.current;
    if (s.name !== 'Candidate' || s.granted.size < majorityOf(this.config.voters.size))
      throw new Error(`cannot lead epoch ${s.epoch} from ${this.describe()}`);
    this.set({ name: 'Leader', epoch: s.epoch, leader });
  }

  transitionToResigned(): void {
    if (this.current.name !== 'Leader') throw new Error(`cannot resign from ${this.describe()}`);
    this.set({ name: 'Resigned', epoch: this.epoch, electionDeadline: this.randomElectionDeadline() });
  }

  describe(): string {
    const leader = this.leaderId;
    return `${this.current.name} in epoch ${this.epoch}${leader !== null ? ` (leader ${leader})` : ''}`;
  }

  private unattached(epoch: number): EpochState {
    return { name: 'Unattached', epoch, electionDeadline: this.randomElectionDeadline() };
  }

  private candidate(epoch: number, retries: number): EpochState {
    return {
      name: 'Candidate',
      epoch,
      granted: new Set([this.config.nodeId]),
      rejected: new Set(),
      electionDeadline: this.randomElectionDeadline(),
      retries,
      backoffUntil: null,
    };
  }

  private set(next: EpochState): void {
    const election: ElectionState = {
      leaderEpoch: next.epoch,
      leaderId: next.name === 'Leader' ? this.config.nodeId : next.name === 'Follower' ? next.leaderId : -1,
      votedId: next.name === 'Voted' ? next.votedId : next.name === 'Candidate' ? this.config.nodeId : -1,
    };
    // A resigned leader keeps its epoch's leadership on disk: it restarts Resigned, never Unattached.
    if (next.name === 'Resigned') election.leaderId = this.config.nodeId;
    const p = this.persisted;
    if (
      !p ||
      p.leaderEpoch !== election.leaderEpoch ||
      p.leaderId !== election.leaderId ||
      p.votedId !== election.votedId
    )
      this.write(election);
    this.current = next;
  }

  private get path(): string {
    return join(this.dir, QUORUM_STATE_FILE);
  }

  private read(): ElectionState | null {
    if (!existsSync(this.path)) return null;
    const json = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<ElectionState> & {
      data_version?: number;
    };
    if (json.data_version !== 0 && json.data_version !== 1)
      throw new Error(`${this.path}: unknown quorum-state data_version ${String(json.data_version)}`);
    return {
      leaderId: json.leaderId ?? -1,
      leaderEpoch: json.leaderEpoch ?? -1,
      votedId: json.votedId ?? -1,
    };
  }

  private write(election: ElectionState): void {
    const data = {
      clusterId: '',
      leaderId: election.leaderId,
      leaderEpoch: election.leaderEpoch,
      votedId: election.votedId,
      appliedOffset: 0,
      currentVoters: [...this.config.voters.keys()].sort((a, b) => a - b).map((voterId) => ({ voterId })),
      data_version: 0,
    };
    writeFileDurably(this.path, JSON.stringify(data));
    this.persisted = election;
  }
}
