/**
 * Broker registrations and liveness (Kafka's ClusterControlManager with its BrokerHeartbeatManager):
 * BrokerRegistration (API 62), BrokerHeartbeat (API 63), controlled shutdown and session-timeout fencing.
 *
 * Invariants:
 * - a broker's epoch is the offset of its RegisterBrokerRecord, so every registration gets a larger epoch;
 *   every request carrying a broker epoch is checked against it (STALE_BROKER_EPOCH);
 * - a registering broker starts fenced; it is unfenced by a heartbeat once its metadata offset reaches its
 *   registration, fenced again when it asks (want_fence) or misses heartbeats for `broker.session.timeout.ms`;
 *   fencing removes it from every ISR (never emptying one) and moves its leaderships to other active replicas;
 * - controlled shutdown (want_shut_down) first marks the broker in controlled shutdown, which moves its
 *   leaderships and ISR memberships away; it is told to shut down only when it leads nothing and every active
 *   broker has replayed those changes; it is fenced then;
 * - a second process registering with the same broker id but another incarnation id is refused
 *   (DUPLICATE_BROKER_REGISTRATION) while the first one is unfenced with its session alive; after that (or once
 *   a controlled shutdown has fenced it), the new registration replaces it, and the partitions the old process
 *   led are moved as if it had been fenced;
 * - liveness (last heartbeat, reported metadata offset) is not in the log: only the active controller tracks it,
 *   and a newly active controller gives every registered broker a full session before fencing it.
 */
import {
  ErrorCode,
  type BrokerHeartbeatRequest,
  type BrokerHeartbeatResponse,
  type BrokerRegistrationRequest,
  type BrokerRegistrationResponse,
} from '@sluice/protocol';
import type { MetadataImage } from '../metadata/metadata-image.ts';
import type { MetadataRecord } from '../metadata/metadata-record-serde.ts';
import { ControlledShutdownChange, FencingChange } from '../metadata/metadata-delta.ts';
import { NO_LEADER } from '../metadata/partition-registration.ts';
import type { ControlContext, ControllerResult } from './controller-result.ts';
import { ControllerError } from './controller-result.ts';
import { checkBrokerFeatures } from './feature-control-manager.ts';
import { checkBrokerEpoch, leaderAndIsrUpdates, partitionsWhere } from './partition-leadership.ts';

interface BrokerLiveness {
  lastContactMs: number;
  metadataOffset: number;
  /** The offset of the last record that put the broker in controlled shutdown. */
  controlledShutdownOffset: number | null;
}

/** The active controller's view of broker liveness (Kafka's BrokerHeartbeatManager). */
export class BrokerHeartbeatTracker {
  private readonly brokers = new Map<number, BrokerLiveness>();

  constructor(private readonly sessionTimeoutMs: number) {}

  /** Starts every registered broker with a full session (on becoming the active controller). */
  reset(image: MetadataImage, now: number): void {
    this.brokers.clear();
    for (const id of image.brokers.keys()) {
      this.brokers.set(id, { lastContactMs: now, metadataOffset: -1, controlledShutdownOffset: null });
    }
  }

  touch(brokerId: number, now: number, metadataOffset: number): void {
    const existing = this.brokers.get(brokerId);
    this.brokers.set(brokerId, {
      lastContactMs: now,
      metadataOffset,
      controlledShutdownOffset: existing?.controlledShutdownOffset ?? null,
    });
  }

  registered(brokerId: number, now: number): void {
    this.brokers.set(brokerId, { lastContactMs: now, metadataOffset: -1, controlledShutdownOffset: null });
  }

  hasValidSession(brokerId: number, now: number): boolean {
    const broker = this.brokers.get(brokerId);
    return broker !== undefined && now - broker.lastContactMs < this.sessionTimeoutMs;
  }

  setControlledShutdownOffset(brokerId: number, offset: number): void {
    const broker = this.brokers.get(brokerId);
    if (broker) broker.controlledShutdownOffset = offset;
  }

  controlledShutdownOffset(brokerId: number): number | null {
    return this.brokers.get(brokerId)?.controlledShutdownOffset ?? null;
  }

  /** The lowest metadata offset reported by an active broker (Kafka's lowestActiveOffset). */
  lowestActiveOffset(image: MetadataImage): number {
    let lowest = Infinity;
    for (const [id, broker] of image.brokers) {
      if (broker.fenced) continue;
      lowest = Math.min(lowest, this.brokers.get(id)?.metadataOffset ?? -1);
    }
    return lowest;
  }

  /** When the first session among unfenced brokers runs out (Kafka's nextCheckTimeNs), or null without any. */
  nextExpiry(image: MetadataImage): number | null {
    let next: number | null = null;
    for (const broker of image.brokers.values()) {
      if (broker.fenced) continue;
      const contact = this.brokers.get(broker.id)?.lastContactMs;
      if (contact === undefined) continue;
      const expiry = contact + this.sessionTimeoutMs;
      if (next === null || expiry < next) next = expiry;
    }
    return next;
  }

  /** Unfenced brokers whose session has expired. */
  staleBrokers(image: MetadataImage, now: number): number[] {
    return [...image.brokers.values()]
      .filter((b) => !b.fenced && !this.hasValidSession(b.id, now))
      .map((b) => b.id);
  }
}

/** The records that fence a broker (Kafka's handleBrokerFenced). */
export function fenceBrokerRecords(ctx: ControlContext, brokerId: number): MetadataRecord[] {
  const broker = ctx.image.brokers.get(brokerId);
  if (!broker) return [];
  return [
    ...leaderAndIsrUpdates(
      ctx,
      brokerId,
      NO_LEADER,
      partitionsWhere(ctx.image, (p) => p.isr.includes(brokerId)),
    ),
    { type: 'FenceBrokerRecord', data: { id: brokerId, epoch: BigInt(broker.epoch) } },
  ];
}

export function registerBroker(
  ctx: ControlContext,
  tracker: BrokerHeartbeatTracker,
  request: BrokerRegistrationRequest,
): ControllerResult<BrokerRegistrationResponse> {
  if (request.clusterId !== ctx.config.clusterId) {
    throw new ControllerError(
      ErrorCode.INCONSISTENT_CLUSTER_ID,
      `Expected cluster ID ${ctx.config.clusterId}, but got cluster ID ${request.clusterId}`,
    );
  }
  const existing = ctx.image.brokers.get(request.brokerId);
  // A fenced broker has no valid session (Kafka's BrokerHeartbeatManager.hasValidSession): a process restarted
  // after a controlled shutdown, which fenced it, registers at once instead of waiting out the old session.
  if (
    existing &&
    !existing.fenced &&
    existing.incarnationId !== request.incarnationId &&
    tracker.hasValidSession(request.brokerId, ctx.now)
  ) {
    throw new ControllerError(
      ErrorCode.DUPLICATE_BROKER_REGISTRATION,
      `Another broker is registered with that broker id.`,
    );
  }
  checkBrokerFeatures(ctx.image, request.features);
  const records: MetadataRecord[] = [];
  if (existing && existing.incarnationId !== request.incarnationId) {
    // The old process is gone without a clean shutdown: what it led must move, as a fencing would have done.
    records.push(
      ...leaderAndIsrUpdates(
        ctx,
        request.brokerId,
        NO_LEADER,
        partitionsWhere(ctx.image, (p) => p.isr.includes(request.brokerId)),
      ),
    );
  }
  const brokerEpoch = BigInt(ctx.nextOffset + records.length);
  records.push({
    type: 'RegisterBrokerRecord',
    data: {
      brokerId: request.brokerId,
      isMigratingZkBroker: false,
      incarnationId: request.incarnationId,
      brokerEpoch,
      endPoints: request.listeners.map((l) => ({
        name: l.name,
        host: l.host,
        port: l.port,
        securityProtocol: l.securityProtocol,
      })),
      features: request.features.map((f) => ({ ...f })),
      rack: request.rack,
      fenced: true,
      inControlledShutdown: false,
      logDirs: [],
    },
  });
  tracker.registered(request.brokerId, ctx.now);
  return { records, response: { throttleTimeMs: 0, errorCode: ErrorCode.NONE, brokerEpoch } };
}

type BrokerControlState = 'FENCED' | 'UNFENCED' | 'CONTROLLED_SHUTDOWN' | 'SHUTDOWN_NOW';

export function brokerHeartbeat(
  ctx: ControlContext,
  tracker: BrokerHeartbeatTracker,
  request: BrokerHeartbeatRequest,
): ControllerResult<BrokerHeartbeatResponse> {
  checkBrokerEpoch(ctx.image, request.brokerId, request.brokerEpoch);
  const broker = ctx.image.brokers.get(request.brokerId)!;
  const metadataOffset = Number(request.currentMetadataOffset);
  const isCaughtUp = metadataOffset >= broker.epoch;
  const leadsAny = () => partitionsWhere(ctx.image, (p) => p.leader === broker.id).length > 0;
  tracker.touch(broker.id, ctx.now, metadataOffset);

  const current: BrokerControlState = broker.fenced
    ? 'FENCED'
    : broker.inControlledShutdown
      ? 'CONTROLLED_SHUTDOWN'
      : 'UNFENCED';
  let next: BrokerControlState = current;
  switch (current) {
    case 'FENCED':
      if (request.wantShutDown) next = 'SHUTDOWN_NOW';
      else if (!request.wantFence && isCaughtUp) next = 'UNFENCED';
      break;
    case 'UNFENCED':
      if (request.wantFence) next = request.wantShutDown ? 'SHUTDOWN_NOW' : 'FENCED';
      else if (request.wantShutDown) next = leadsAny() ? 'CONTROLLED_SHUTDOWN' : 'SHUTDOWN_NOW';
      break;
    case 'CONTROLLED_SHUTDOWN': {
      const offset = tracker.controlledShutdownOffset(broker.id);
      const replayedEverywhere = offset === null || offset <= tracker.lowestActiveOffset(ctx.image);
      if (!leadsAny() && replayedEverywhere) next = 'SHUTDOWN_NOW';
      break;
    }
  }

  const records: MetadataRecord[] = [];
  if (next !== current) {
    switch (next) {
      case 'FENCED':
      case 'SHUTDOWN_NOW':
        if (!broker.fenced) records.push(...fenceBrokerRecords(ctx, broker.id));
        break;
      case 'UNFENCED':
        records.push(
          { type: 'UnfenceBrokerRecord', data: { id: broker.id, epoch: BigInt(broker.epoch) } },
          ...leaderAndIsrUpdates(
            ctx,
            NO_LEADER,
            broker.id,
            partitionsWhere(ctx.image, (p) => p.leader === NO_LEADER),
          ),
        );
        break;
      case 'CONTROLLED_SHUTDOWN':
        records.push(
          {
            type: 'BrokerRegistrationChangeRecord',
            data: {
              brokerId: broker.id,
              brokerEpoch: BigInt(broker.epoch),
              fenced: FencingChange.NONE,
              inControlledShutdown: ControlledShutdownChange.IN_CONTROLLED_SHUTDOWN,
              logDirs: [],
            },
          },
          ...leaderAndIsrUpdates(
            ctx,
            broker.id,
            NO_LEADER,
            partitionsWhere(ctx.image, (p) => p.isr.includes(broker.id)),
          ),
        );
        tracker.setControlledShutdownOffset(broker.id, ctx.nextOffset + records.length - 1);
        break;
    }
  }
  return {
    records,
    response: {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      isCaughtUp,
      isFenced: next === 'FENCED' || next === 'SHUTDOWN_NOW',
      shouldShutDown: next === 'SHUTDOWN_NOW',
    },
  };
}
