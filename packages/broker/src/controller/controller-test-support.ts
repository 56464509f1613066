/**
 * Shared setup for the controller's tests: an active QuorumController on an InMemoryRaftClient with a manual
 * clock and seeded placement, and brokers that register and unfence the way a real broker's lifecycle does.
 */
import assert from 'node:assert/strict';
import {
  ErrorCode,
  type AlterPartitionRequest,
  type BrokerHeartbeatResponse,
  type BrokerRegistrationRequest,
} from '@sluice/protocol';
import { topicByName } from '../metadata/metadata-image.ts';
import { ManualClock } from '../clock.ts';
import { createLogger } from '../logger.ts';
import { DEFAULT_CONTROLLER_CONFIG, type ControllerConfig } from './controller-result.ts';
import { METADATA_VERSION_FEATURE, METADATA_VERSION_LEVEL } from './feature-control-manager.ts';
import { InMemoryRaftClient } from './in-memory-raft-client.ts';
import { QuorumController, type QuorumControllerOptions } from './quorum-controller.ts';

export const CLUSTER_ID = 'MkU3OEVBNTcwNTJENDM2Qk';

/** A deterministic stand-in for Math.random. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function until(condition: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.fail(`timed out waiting for ${what}`);
}

export interface ControllerFixture {
  raft: InMemoryRaftClient;
  clock: ManualClock;
  controller: QuorumController;
  config: ControllerConfig;
}

export function newController(
  raft: InMemoryRaftClient,
  clock: ManualClock,
  overrides: Partial<ControllerConfig> = {},
  snapshotIntervalRecords = 0,
  options: Partial<QuorumControllerOptions> = {},
): QuorumController {
  return new QuorumController({
    ...options,
    raft,
    clock,
    config: { ...DEFAULT_CONTROLLER_CONFIG, clusterId: CLUSTER_ID, nodeId: raft.nodeId, ...overrides },
    random: seededRandom(7),
    fencingCheckIntervalMs: 0,
    snapshotIntervalRecords,
    logger: createLogger('controller', 'silent'),
  });
}

/** An active controller on a fresh log. */
export async function startController(
  overrides: Partial<ControllerConfig> = {},
  snapshotIntervalRecords = 0,
  options: Partial<QuorumControllerOptions> = {},
): Promise<ControllerFixture> {
  const raft = new InMemoryRaftClient(0);
  const clock = new ManualClock();
  const controller = newController(raft, clock, overrides, snapshotIntervalRecords, options);
  controller.start();
  raft.becomeLeader();
  await until(() => controller.isActive(), 'the controller to become active');
  return {
    raft,
    clock,
    controller,
    config: { ...DEFAULT_CONTROLLER_CONFIG, clusterId: CLUSTER_ID, nodeId: 0, ...overrides },
  };
}

export function registrationRequest(
  brokerId: number,
  rack: string | null = null,
  incarnationId = `incarnation-of-${brokerId}`.padEnd(22, 'A').slice(0, 22),
): BrokerRegistrationRequest {
  return {
    brokerId,
    clusterId: CLUSTER_ID,
    incarnationId,
    listeners: [{ name: 'PLAINTEXT', host: '127.0.0.1', port: 9092 + brokerId, securityProtocol: 0 }],
    features: [
      { name: METADATA_VERSION_FEATURE, minSupportedVersion: 1, maxSupportedVersion: METADATA_VERSION_LEVEL },
    ],
    rack,
    isMigratingZkBroker: false,
    logDirs: [],
    previousBrokerEpoch: -1n,
  };
}

export function heartbeat(
  controller: QuorumController,
  brokerId: number,
  brokerEpoch: bigint,
  options: { wantFence?: boolean; wantShutDown?: boolean; metadataOffset?: number } = {},
): Promise<BrokerHeartbeatResponse> {
  return controller.brokerHeartbeat({
    brokerId,
    brokerEpoch,
    currentMetadataOffset: BigInt(options.metadataOffset ?? controller.image().offset),
    wantFence: options.wantFence ?? false,
    wantShutDown: options.wantShutDown ?? false,
    offlineLogDirs: [],
  });
}

/** Registers a broker and heartbeats it until it is unfenced; returns its broker epoch. */
export async function addBroker(
  controller: QuorumController,
  brokerId: number,
  rack: string | null = null,
): Promise<bigint> {
  const registered = await controller.registerBroker(registrationRequest(brokerId, rack));
  assert.equal(registered.errorCode, ErrorCode.NONE);
  const reply = await heartbeat(controller, brokerId, registered.brokerEpoch);
  assert.equal(reply.isFenced, false, `broker ${brokerId} should be unfenced once caught up`);
  return registered.brokerEpoch;
}

/** Heartbeats from every listed broker, as their lifecycle managers would (keeps their sessions alive). */
export async function heartbeatAll(
  controller: QuorumController,
  epochs: ReadonlyMap<number, bigint>,
): Promise<void> {
  for (const [brokerId, epoch] of epochs) await heartbeat(controller, brokerId, epoch);
}

/** An active controller with these brokers registered and unfenced, and their broker epochs. */
export async function cluster(brokerIds: number[], overrides = {}) {
  const fixture = await startController(overrides);
  const epochs = new Map<number, bigint>();
  for (const id of brokerIds) epochs.set(id, await addBroker(fixture.controller, id));
  return { ...fixture, epochs };
}

export async function createTopic(controller: QuorumController, name: string, assignments: number[][]) {
  const [result] = await controller.createTopics({
    topics: [
      {
        name,
        numPartitions: -1,
        replicationFactor: -1,
        assignments: assignments.map((brokerIds, partitionIndex) => ({ partitionIndex, brokerIds })),
        configs: [],
      },
    ],
    timeoutMs: 1000,
    validateOnly: false,
  });
  assert.equal(result!.errorCode, ErrorCode.NONE, result!.errorMessage ?? '');
  return topicByName(controller.image(), name)!;
}

export function partitionOf(controller: QuorumController, topic: string, partition = 0) {
  return topicByName(controller.image(), topic)!.partitions.get(partition)!;
}

/** Lets brokers except `silent` heartbeat while time passes beyond the session timeout, then runs the check. */
export async function expireSession(
  fixture: ControllerFixture & { epochs: Map<number, bigint> },
  silent: number,
) {
  fixture.clock.advance(fixture.config.brokerSessionTimeoutMs - 1000);
  await heartbeatAll(fixture.controller, new Map([...fixture.epochs].filter(([id]) => id !== silent)));
  fixture.clock.advance(1001);
  await fixture.controller.tick();
}

export function alterPartitionRequest(
  brokerId: number,
  brokerEpoch: bigint,
  topicId: string,
  data: { leaderEpoch: number; partitionEpoch: number; newIsr: number[]; leaderRecoveryState?: number },
  topicName = '',
): AlterPartitionRequest {
  return {
    brokerId,
    brokerEpoch,
    topics: [
      {
        topicName,
        topicId,
        partitions: [
          {
            partitionIndex: 0,
            leaderEpoch: data.leaderEpoch,
            newIsr: data.newIsr,
            newIsrWithEpochs: data.newIsr.map((id) => ({ brokerId: id, brokerEpoch: -1n })),
            leaderRecoveryState: data.leaderRecoveryState ?? 0,
            partitionEpoch: data.partitionEpoch,
          },
        ],
      },
    ],
  };
}
