/**
 * A member of a classic group (JoinGroup/SyncGroup/Heartbeat/LeaveGroup), generic over the protocol type as
 * Kafka's AbstractCoordinator is: the consumer protocol and Connect's protocol are handlers on top of it.
 *
 * Invariants:
 * - JoinGroup, SyncGroup, Heartbeat and LeaveGroup go over a connection of the member's own to the coordinator:
 *   a broker answers one request of a connection at a time, and JoinGroup is held up to the rebalance timeout,
 *   so sharing the client's connection would stall its other requests behind it. JoinGroup and SyncGroup may
 *   take rebalanceTimeoutMs plus a margin to be answered, as in Kafka.
 * - Heartbeats are sent while the member is in a generation and no JoinGroup or SyncGroup is out: also while
 *   onJoinPrepare and onJoinComplete run, however long they take, so the session outlives slow callbacks (the
 *   coordinator keeps a member's session alive on heartbeats even while it answers REBALANCE_IN_PROGRESS).
 * - The handler's callbacks never overlap: onJoinPrepare runs once before each join sequence that follows a
 *   completed one, onJoinComplete once per successful SyncGroup, and `assign` once per generation on the leader.
 * - Rejoins happen in the background (not in a caller's poll, as in the Java client): a heartbeat that answers
 *   REBALANCE_IN_PROGRESS, UNKNOWN_MEMBER_ID or ILLEGAL_GENERATION starts one. FENCED_INSTANCE_ID and the
 *   configuration errors (INCONSISTENT_GROUP_PROTOCOL, INVALID_SESSION_TIMEOUT, GROUP_AUTHORIZATION_FAILED ...)
 *   are fatal: the member stops and reports them to `onError` and to every waiting `ensureActive`.
 */
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { CoordinatorType, KafkaError, type ClusterClient } from './cluster-client.ts';
import type { KafkaConnection } from './connection.ts';

export interface JoinedMember {
  memberId: string;
  groupInstanceId: string | null;
  metadata: Buffer;
}

export interface GroupGeneration {
  generationId: number;
  memberId: string;
  protocol: string;
  leaderId: string;
}

export interface GroupProtocolHandler {
  /** 'consumer', 'connect', ... */
  readonly protocolType: string;
  /** In preference order, sent in JoinGroup. */
  protocols(): { name: string; metadata: Buffer }[];
  /** Leader only: every member's assignment (SyncGroup) for the generation JoinGroup just formed. */
  assign(
    protocol: string,
    members: JoinedMember[],
    leaderId: string,
    generationId: number,
  ): Promise<Map<string, Buffer>>;
  /** This member's assignment, after each successful SyncGroup. */
  onJoinComplete(generation: GroupGeneration, assignment: Buffer): Promise<void>;
  /** Before rejoining (eager protocols revoke everything here). */
  onJoinPrepare(generationId: number, memberId: string): Promise<void>;
}

export interface GroupMemberOptions {
  groupId: string;
  /** Kafka's session.timeout.ms: the coordinator drops a member it has not heard from for this long. */
  sessionTimeoutMs?: number;
  /** Kafka's rebalance.timeout.ms (max.poll.interval.ms for consumers): how long a rebalance may wait for us. */
  rebalanceTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Static membership (KIP-345): a member that keeps its instance id keeps its assignment across restarts. */
  groupInstanceId?: string | null;
  retryBackoffMs?: number;
  /** Errors the member met in the background: fatal ones (after which it is stopped) and retried ones. */
  onError?: (error: Error, fatal: boolean) => void;
}

/** Kafka's JoinGroup request timeout is the rebalance timeout plus this (AbstractCoordinator's JOIN_GROUP_TIMEOUT_LAPSE). */
const JOIN_GROUP_TIMEOUT_MARGIN_MS = 5_000;

const FATAL_JOIN_ERRORS = new Set<number>([
  ErrorCode.FENCED_INSTANCE_ID,
  ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
  ErrorCode.INVALID_SESSION_TIMEOUT,
  ErrorCode.INVALID_GROUP_ID,
  ErrorCode.GROUP_AUTHORIZATION_FAILED,
  ErrorCode.GROUP_MAX_SIZE_REACHED,
  ErrorCode.UNSUPPORTED_VERSION,
]);

const COORDINATOR_ERRORS = new Set<number>([ErrorCode.NOT_COORDINATOR, ErrorCode.COORDINATOR_NOT_AVAILABLE]);

const NO_GENERATION: GroupGeneration = { generationId: -1, memberId: '', protocol: '', leaderId: '' };

/** A group error that ends the membership (fenced, misconfigured, not authorized). */
export class GroupMembershipError extends KafkaError {}

type State = 'unjoined' | 'rebalancing' | 'stable' | 'stopped' | 'failed';

export class GroupMember {
  private readonly groupId: string;
  private readonly sessionTimeoutMs: number;
  private readonly rebalanceTimeoutMs: number;
  private readonly heartbeatIntervalMs: number;
  private readonly groupInstanceId: string | null;
  private readonly retryBackoffMs: number;
  private readonly onError: (error: Error, fatal: boolean) => void;

  private state: State = 'unjoined';
  private generation: GroupGeneration = NO_GENERATION;
  /** The member id to join with: the generation's, or the one MEMBER_ID_REQUIRED handed out. */
  private joinMemberId = '';
  private rejoinNeeded = true;
  private rejoinReason = 'initial join';
  /** onJoinPrepare is due before the next JoinGroup (set once a join sequence completes). */
  private needsJoinPrepare = true;
  private coordinator: { nodeId: number; connection: KafkaConnection } | null = null;
  private joining: Promise<void> | null = null;
  private fatalError: Error | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private heartbeatInFlight: Promise<void> | null = null;
  /** Wakes the join loop's backoff sleep (on stop). */
  private wake: (() => void) | null = null;

  constructor(
    private readonly client: ClusterClient,
    options: GroupMemberOptions,
    private readonly handler: GroupProtocolHandler,
  ) {
    this.groupId = options.groupId;
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? 45_000;
    this.rebalanceTimeoutMs = options.rebalanceTimeoutMs ?? 300_000;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 3_000;
    this.groupInstanceId = options.groupInstanceId ?? null;
    this.retryBackoffMs = options.retryBackoffMs ?? 100;
    this.onError = options.onError ?? (() => undefined);
  }

  get generationId(): number {
    return this.generation.generationId;
  }

  get memberId(): string {
    return this.generation.memberId;
  }

  get isLeader(): boolean {
    return this.generation.memberId !== '' && this.generation.memberId === this.generation.leaderId;
  }

  /** The current generation (generation id -1 while none is complete). */
  get currentGeneration(): GroupGeneration {
    return this.generation;
  }

  /**
   * Whether a join is under way (JoinGroup or SyncGroup sent): offsets committed now would be refused. A rejoin
   * that is only due, with onJoinPrepare still to run, is not one: the coordinator takes commits of the current
   * generation until the member rejoins, which is how onJoinPrepare commits what it revokes.
   */
  get rebalancing(): boolean {
    return this.state !== 'stable';
  }

  /** Joins and keeps the membership alive; resolves after the first successful join and sync. */
  async start(): Promise<void> {
    if (this.state === 'stopped') throw new Error(`group member of ${this.groupId} is stopped`);
    this.heartbeatTimer ??= setInterval(() => this.heartbeatTick(), this.heartbeatIntervalMs);
    await this.ensureActive();
  }

  /** Resolves once no rebalance is under way or due; rejects when the membership failed or was stopped. */
  async ensureActive(): Promise<void> {
    for (;;) {
      if (this.fatalError) throw this.fatalError;
      if (this.state === 'stopped') throw new Error(`group member of ${this.groupId} is stopped`);
      if (!this.rejoinNeeded && this.state === 'stable' && !this.joining) return;
      this.kickJoin();
      await this.joining;
    }
  }

  requestRejoin(reason: string): void {
    if (this.state === 'stopped' || this.state === 'failed') return;
    this.rejoinNeeded = true;
    this.rejoinReason = reason;
    this.kickJoin();
  }

  /** Leaves the group (unless a static member, which the coordinator keeps for its session) and stops. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    const wasJoined = this.generation.memberId !== '' || this.joinMemberId !== '';
    const memberId = this.generation.memberId || this.joinMemberId;
    this.state = 'stopped';
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.wake?.();
    // A JoinGroup may be held at the coordinator for minutes: closing the connection ends it now.
    if (this.joining) {
      this.coordinator?.connection.close();
      this.coordinator = null;
      await this.joining;
    }
    await this.heartbeatInFlight;
    if (wasJoined && this.groupInstanceId === null) {
      try {
        const connection = await this.coordinatorConnection();
        const response = await connection.request(ApiKey.LeaveGroup, {
          groupId: this.groupId,
          memberId,
          members: [{ memberId, groupInstanceId: null, reason: 'the member is stopping' }],
        });
        const memberError = response.members[0]?.errorCode ?? ErrorCode.NONE;
        if (response.errorCode !== ErrorCode.NONE || memberError !== ErrorCode.NONE)
          this.onError(new KafkaError(response.errorCode || memberError, 'LeaveGroup'), false);
      } catch (error) {
        // The coordinator drops us after the session timeout anyway.
        this.onError(error as Error, false);
      }
    }
    this.generation = NO_GENERATION;
    this.coordinator?.connection.close();
    this.coordinator = null;
  }

  private kickJoin(): void {
    if (this.joining || this.state === 'stopped' || this.state === 'failed') return;
    this.joining = this.joinLoop().finally(() => {
      this.joining = null;
      // A rejoin requested after the loop's last check, while it was ending, would otherwise be lost: the
      // member stays stable and its heartbeats succeed, so nothing else starts a join.
      if (this.rejoinNeeded) this.kickJoin();
    });
  }

  private async joinLoop(): Promise<void> {
    while (this.rejoinNeeded && this.state !== 'stopped' && this.state !== 'failed') {
      try {
        await this.joinOnce();
      } catch (error) {
        if (this.isStopped()) return;
        if (error instanceof GroupMembershipError) {
          this.fail(error);
          return;
        }
        // A lost connection or no coordinator (FindCoordinator's errors): find it again, and join again.
        this.rejoinNeeded = true;
        this.onError(error as Error, false);
        this.markCoordinatorUnknown();
        await this.backoff();
      }
    }
  }

  /** One JoinGroup + SyncGroup attempt; resolves early (rejoinNeeded still set) when it must be retried. */
  private async joinOnce(): Promise<void> {
    if (this.needsJoinPrepare) {
      await this.handler.onJoinPrepare(this.generation.generationId, this.generation.memberId);
      this.needsJoinPrepare = false;
    }
    this.state = 'rebalancing';
    const connection = await this.coordinatorConnection();
    const joinTimeoutMs = this.rebalanceTimeoutMs + JOIN_GROUP_TIMEOUT_MARGIN_MS;
    const joined = await connection.request(
      ApiKey.JoinGroup,
      {
        groupId: this.groupId,
        sessionTimeoutMs: this.sessionTimeoutMs,
        rebalanceTimeoutMs: this.rebalanceTimeoutMs,
        memberId: this.joinMemberId,
        groupInstanceId: this.groupInstanceId,
        protocolType: this.handler.protocolType,
        protocols: this.handler.protocols(),
        reason: this.rejoinReason,
      },
      joinTimeoutMs,
    );
    if (this.isStopped()) return;
    switch (joined.errorCode) {
      case ErrorCode.NONE:
        break;
      case ErrorCode.MEMBER_ID_REQUIRED:
        this.joinMemberId = joined.memberId;
        return;
      case ErrorCode.UNKNOWN_MEMBER_ID:
        this.resetGeneration(true);
        return;
      case ErrorCode.ILLEGAL_GENERATION:
        this.resetGeneration(false);
        return;
      case ErrorCode.REBALANCE_IN_PROGRESS:
      case ErrorCode.COORDINATOR_LOAD_IN_PROGRESS:
        await this.backoff();
        return;
      default:
        this.handleCommonError(joined.errorCode, 'JoinGroup');
        await this.backoff();
        return;
    }
    this.joinMemberId = joined.memberId;
    // As in Kafka's JoinGroup response handler: a rejoin asked for from here on (while SyncGroup is under way,
    // or while onJoinComplete runs) is for the generation being formed, and must start another join.
    this.rejoinNeeded = false;
    const protocol = joined.protocolName ?? '';
    const candidate: GroupGeneration = {
      generationId: joined.generationId,
      memberId: joined.memberId,
      protocol,
      leaderId: joined.leader,
    };
    let assignments: { memberId: string; assignment: Buffer }[] = [];
    if (joined.leader === joined.memberId && !joined.skipAssignment) {
      const computed = await this.handler.assign(
        protocol,
        joined.members,
        joined.leader,
        joined.generationId,
      );
      assignments = [...computed].map(([memberId, assignment]) => ({ memberId, assignment }));
    }
    const synced = await connection.request(
      ApiKey.SyncGroup,
      {
        groupId: this.groupId,
        generationId: candidate.generationId,
        memberId: candidate.memberId,
        groupInstanceId: this.groupInstanceId,
        protocolType: this.handler.protocolType,
        protocolName: protocol,
        assignments,
      },
      joinTimeoutMs,
    );
    if (this.isStopped()) return;
    switch (synced.errorCode) {
      case ErrorCode.NONE:
        break;
      case ErrorCode.REBALANCE_IN_PROGRESS:
        this.rejoinNeeded = true;
        return;
      case ErrorCode.UNKNOWN_MEMBER_ID:
        this.resetGeneration(true);
        return;
      case ErrorCode.ILLEGAL_GENERATION:
        this.resetGeneration(false);
        return;
      default:
        this.rejoinNeeded = true;
        this.handleCommonError(synced.errorCode, 'SyncGroup');
        await this.backoff();
        return;
    }
    this.generation = candidate;
    this.state = 'stable';
    this.needsJoinPrepare = true;
    await this.handler.onJoinComplete(candidate, synced.assignment);
  }

  /** Coordinator errors mark it unknown (retried); the rest are fatal. */
  private handleCommonError(errorCode: number, what: string): void {
    if (COORDINATOR_ERRORS.has(errorCode)) {
      this.markCoordinatorUnknown();
      return;
    }
    if (FATAL_JOIN_ERRORS.has(errorCode) || !new KafkaError(errorCode).retriable)
      throw new GroupMembershipError(errorCode, `${what} of group ${this.groupId}`);
  }

  private resetGeneration(resetMemberId: boolean): void {
    this.generation = NO_GENERATION;
    if (resetMemberId) this.joinMemberId = '';
    this.rejoinNeeded = true;
  }

  private heartbeatTick(): void {
    if (this.state !== 'stable' || this.heartbeatInFlight) return;
    this.heartbeatInFlight = this.heartbeat().finally(() => (this.heartbeatInFlight = null));
  }

  private async heartbeat(): Promise<void> {
    const generation = this.generation;
    let errorCode: number;
    try {
      const connection = await this.coordinatorConnection();
      ({ errorCode } = await connection.request(ApiKey.Heartbeat, {
        groupId: this.groupId,
        generationId: generation.generationId,
        memberId: generation.memberId,
        groupInstanceId: this.groupInstanceId,
      }));
    } catch (error) {
      if (this.isStopped()) return;
      // Connection lost or no coordinator: find it again on the next beat. Should the session expire meanwhile,
      // the coordinator answers UNKNOWN_MEMBER_ID and we join anew.
      this.onError(error as Error, false);
      this.markCoordinatorUnknown();
      return;
    }
    if (this.isStopped() || generation !== this.generation) return;
    switch (errorCode) {
      case ErrorCode.NONE:
      case ErrorCode.COORDINATOR_LOAD_IN_PROGRESS:
        return;
      case ErrorCode.REBALANCE_IN_PROGRESS:
        this.requestRejoin('the group is rebalancing');
        return;
      case ErrorCode.UNKNOWN_MEMBER_ID:
        this.resetGeneration(true);
        this.requestRejoin('the coordinator does not know this member');
        return;
      case ErrorCode.ILLEGAL_GENERATION:
        this.resetGeneration(false);
        this.requestRejoin('the generation is stale');
        return;
      default:
        try {
          this.handleCommonError(errorCode, 'Heartbeat');
        } catch (error) {
          this.fail(error as Error);
        }
    }
  }

  private async coordinatorConnection(): Promise<KafkaConnection> {
    if (this.coordinator && !this.coordinator.connection.closed) return this.coordinator.connection;
    this.coordinator?.connection.close();
    this.coordinator = null;
    const nodeId = await this.client.findCoordinator(this.groupId, CoordinatorType.GROUP);
    const connection = await this.client.connectTo(nodeId);
    if (this.coordinator) {
      // Another caller found it meanwhile.
      connection.close();
      return (this.coordinator as { connection: KafkaConnection }).connection;
    }
    this.coordinator = { nodeId, connection };
    return connection;
  }

  private markCoordinatorUnknown(): void {
    this.coordinator?.connection.close();
    this.coordinator = null;
  }

  private fail(error: Error): void {
    if (this.state === 'stopped' || this.state === 'failed') return;
    this.fatalError = error;
    this.state = 'failed';
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.markCoordinatorUnknown();
    this.onError(error, true);
  }

  private isStopped(): boolean {
    return this.state === 'stopped' || this.state === 'failed';
  }

  private backoff(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, this.retryBackoffMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
