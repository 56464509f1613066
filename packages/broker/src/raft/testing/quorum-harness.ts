/**
 * In-process quorums for the Raft tests: each node is a real KafkaRaftClient with its own data folder and its
 * own controller listener on a real 127.0.0.1 port; nodes can be closed abruptly (as a crash looks to the
 * others) and restarted from their folders.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaConnection } from '@sluice/client';
import { createLogger } from '../../logger.ts';
import { ControllerListener } from '../controller-listener.ts';
import { KafkaRaftClient } from '../kafka-raft-client.ts';
import { QUORUM_DEFAULTS, type QuorumConfig, type VoterEndpoint } from '../quorum-config.ts';
import type { CommittedBatch, LeaderAndEpoch, RaftListener, SnapshotId } from '../raft-client.ts';

export const CLUSTER_ID = 'sluice-raft-test-cluster';

/** A listener that records everything it is told. */
export class RecordingListener implements RaftListener {
  readonly batches: CommittedBatch[] = [];
  readonly snapshots: { id: SnapshotId; records: string[] }[] = [];
  readonly leaders: LeaderAndEpoch[] = [];
  /** How many committed records this listener had seen when it heard of each leader (same order as `leaders`). */
  readonly valuesSeenAtLeaderChange: number[] = [];

  handleCommit(batch: CommittedBatch): void {
    this.batches.push(batch);
  }

  handleLoadSnapshot(snapshot: { id: SnapshotId; records: readonly Buffer[] }): void {
    this.snapshots.push({ id: snapshot.id, records: snapshot.records.map((r) => r.toString()) });
  }

  handleLeaderChange(leader: LeaderAndEpoch): void {
    this.leaders.push(leader);
    this.valuesSeenAtLeaderChange.push(this.values().length);
  }

  /** Every committed record value seen, snapshot contents first. */
  values(): string[] {
    const fromSnapshot = this.snapshots.at(-1)?.records ?? [];
    return [...fromSnapshot, ...this.batches.flatMap((b) => b.records.map((r) => r.toString()))];
  }
}

export class QuorumNode {
  raft!: KafkaRaftClient;
  /** Voters serve the quorum's requests; an observer only fetches and needs no listener. */
  listener: ControllerListener | null = null;
  recorder = new RecordingListener();
  running = false;

  constructor(
    readonly nodeId: number,
    readonly dir: string,
    readonly config: QuorumConfig,
    private readonly segmentBytes?: number,
  ) {}

  async start(): Promise<void> {
    this.raft = new KafkaRaftClient({
      config: this.config,
      metadataLogDir: this.dir,
      log: createLogger(
        `raft-${this.nodeId}`,
        (process.env.SLUICE_LOG_LEVEL as 'info' | undefined) ?? 'warn',
      ),
      segmentBytes: this.segmentBytes,
    });
    const endpoint = this.config.voters.get(this.nodeId);
    this.listener = endpoint
      ? await ControllerListener.start({
          raft: this.raft,
          host: endpoint.host,
          port: endpoint.port,
          log: createLogger(`controller-${this.nodeId}`, 'warn'),
        })
      : null;
    this.recorder = new RecordingListener();
    this.raft.register(this.recorder);
    this.raft.start();
    this.running = true;
  }

  /** Stops at once, as a crash: no resignation, connections dropped. */
  async crash(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.raft.close();
    await this.listener?.close();
  }

  async shutdown(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.raft.shutdown(1000);
    await this.listener?.close();
  }
}

export class TestQuorum {
  constructor(
    readonly nodes: QuorumNode[],
    readonly baseDir: string,
  ) {}

  static async start(
    size: number,
    options: Partial<Omit<QuorumConfig, 'nodeId' | 'voters'>> & { segmentBytes?: number } = {},
  ): Promise<TestQuorum> {
    const baseDir = mkdtempSync(join(tmpdir(), 'sluice-raft-'));
    const voters = new Map<number, VoterEndpoint>();
    for (let id = 1; id <= size; id++) voters.set(id, { host: '127.0.0.1', port: await freePort() });
    const nodes = [...voters.keys()].map(
      (nodeId) =>
        new QuorumNode(
          nodeId,
          join(baseDir, `node-${nodeId}`),
          { ...QUORUM_DEFAULTS, clusterId: CLUSTER_ID, ...options, nodeId, voters },
          options.segmentBytes,
        ),
    );
    await Promise.all(nodes.map((n) => n.start()));
    return new TestQuorum(nodes, baseDir);
  }

  /** Starts a node that is not a voter (an observer, as a broker-only node is): it fetches and never votes. */
  async addObserver(nodeId: number): Promise<QuorumNode> {
    const template = this.nodes[0]!.config;
    const observer = new QuorumNode(nodeId, join(this.baseDir, `node-${nodeId}`), { ...template, nodeId });
    this.nodes.push(observer);
    await observer.start();
    return observer;
  }

  node(id: number): QuorumNode {
    return this.nodes.find((n) => n.nodeId === id)!;
  }

  running(): QuorumNode[] {
    return this.nodes.filter((n) => n.running);
  }

  /** The one running node that is leader, once every running node agrees on it. */
  async waitForLeader(timeoutMs = 10_000, minEpoch = 0): Promise<QuorumNode> {
    let leader: QuorumNode | undefined;
    await waitFor(
      () => {
        const running = this.running();
        const leaders = running.filter(
          (n) => n.raft.quorum.state.name === 'Leader' && n.raft.quorum.epoch >= minEpoch,
        );
        if (leaders.length !== 1) return false;
        leader = leaders[0]!;
        const { epoch } = leader.raft.leaderAndEpoch();
        return running.every((n) => {
          const seen = n.raft.leaderAndEpoch();
          return seen.epoch === epoch && seen.leaderId === leader!.nodeId;
        });
      },
      timeoutMs,
      'a leader every running node follows',
    );
    return leader!;
  }

  async close(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.crash()));
    rmSync(this.baseDir, { recursive: true, force: true });
  }
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Appends through whichever node leads, retrying while an election is under way. */
export async function appendValues(
  quorum: TestQuorum,
  values: readonly string[],
  timeoutMs = 10_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const leader = quorum.running().find((n) => n.raft.quorum.state.name === 'Leader');
    if (leader) {
      try {
        return await leader.raft.scheduleAppend(
          leader.raft.quorum.epoch,
          values.map((v) => Buffer.from(v)),
        );
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
    if (Date.now() > deadline) throw new Error('no leader to append to');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function connectTo(node: QuorumNode): Promise<KafkaConnection> {
  const endpoint = node.config.voters.get(node.nodeId)!;
  return KafkaConnection.connect(endpoint.host, endpoint.port, 'raft-test');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
