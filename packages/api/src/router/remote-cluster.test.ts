/**
 * What the Brokers page, the partition views and the ISR timeline show of a real 3-broker cluster (one OS
 * process per broker, started with the command lines `sluice cluster` prints) through the remote ClusterSource,
 * over the Kafka protocol, as a console started with --bootstrap-server sees it: the routers the pages call,
 * fed by the ISR sampler, while a broker is SIGKILLed and started again, and while one is SIGSTOPped (the one
 * the console's connection is on, too).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ClusterClient } from '@sluice/client';
import { openDatabase, type ConsoleDatabase } from '@sluice/db';
import { startCluster, type ClusterProcess } from '../../../broker/test/support/cluster-process.ts';
import { FAST_FAILURE_DETECTION, waitFor } from '../../../broker/test/support/cluster-tools.ts';
import { LoginRateLimiter } from '../auth/login-rate-limiter.ts';
import { RemoteClusterSource } from '../cluster-source/remote-cluster-source.ts';
import { PER_BROKER_DEADLINE_MS } from '../cluster-source/wire-brokers.ts';
import { IsrSampler } from '../isr/isr-sampler.ts';
import { createCaller } from '../root.ts';

const TOPIC = 'watched';
const PARTITIONS = 3;
/** Fencing takes broker.session.timeout.ms (3 s); a restarted broker registers and catches up in seconds. */
const FAILOVER_TIMEOUT_MS = 60_000;

const dir = mkdtempSync(join(tmpdir(), 'sluice-remote-cluster-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

let cluster: ClusterProcess;
let database: ConsoleDatabase;
let source: RemoteClusterSource;
let sampler: IsrSampler;

/** The routers as a signed-in viewer calls them, on the remote source. */
function viewer() {
  return createCaller({
    db: database.db,
    startedAt: new Date(),
    version: 'test',
    cluster: source,
    user: { id: 1, username: 'viewer-user', role: 'viewer' },
    request: null,
    loginLimiter: new LoginRateLimiter(),
  });
}

/** Samples (as the console does every 5 s) until every partition's ISR has `size` replicas. */
function sampleUntilIsrSize(size: number) {
  return waitFor(
    `an ISR of ${size} in every partition of ${TOPIC}`,
    async () => {
      await sampler.sampleOnce();
      const states = (await source.partitionStates()).filter((s) => s.topic === TOPIC);
      return states.length === PARTITIONS && states.every((s) => s.isr.length === size) ? true : null;
    },
    FAILOVER_TIMEOUT_MS,
  );
}

before(async () => {
  cluster = await startCluster({ brokers: 3, configs: { ...FAST_FAILURE_DETECTION } });
  database = await openDatabase(join(dir, 'console.db'));
  source = RemoteClusterSource.forBootstrap(cluster.bootstrap);
  // The sampler alone uses the source before the first failure: no one has the Brokers page open.
  sampler = new IsrSampler({ db: database.db, source, onError: () => {} });
  // Right after start the brokers may not all have registered: a replication factor of 3 is refused until then.
  await waitFor(
    `topic ${TOPIC} created`,
    () =>
      source
        .createTopic({
          name: TOPIC,
          partitions: PARTITIONS,
          replicationFactor: 3,
          configs: {},
          validateOnly: false,
        })
        .then(
          () => true,
          // An earlier attempt may have created it after all (its answer lost): that is done too.
          (error: unknown) => (/already exists/i.test(String(error)) ? true : null),
        ),
    FAILOVER_TIMEOUT_MS,
  );
  await sampleUntilIsrSize(3);
});

after(async () => {
  source?.close();
  database?.close();
  await cluster?.stopAll();
});

describe('the remote cluster source on a 3-broker cluster', () => {
  it('names a broker killed while no one looked, with its address; the partitions name its replica; the ISR timeline records it leaving and rejoining', async () => {
    const victim = 2;
    const { port } = cluster.brokers.find((b) => b.layout.nodeId === victim)!.layout;
    const killedAt = Date.now();
    await cluster.signal(victim, 'SIGKILL');
    // Fenced before the Brokers page is first asked for: only the sampler's Metadata saw the broker alive.
    await waitFor(
      `broker ${victim} gone from Metadata`,
      async () => ((await source.describeCluster()).brokers.some((b) => b.nodeId === victim) ? null : true),
      FAILOVER_TIMEOUT_MS,
    );
    const brokers = await waitFor(
      `broker ${victim} fenced or down`,
      async () => {
        const list = await viewer().brokers.list();
        return list.brokers.find((b) => b.nodeId === victim)?.state === 'fenced or down' ? list : null;
      },
      FAILOVER_TIMEOUT_MS,
    );
    const down = brokers.brokers.find((b) => b.nodeId === victim)!;
    assert.deepEqual(
      [down.host, down.port, down.quorumRole, down.logBytes],
      ['127.0.0.1', port, 'voter', null],
      'the address the sampler saw before the kill; no disk use from a broker that does not answer',
    );
    assert.equal(brokers.brokers.filter((b) => b.state === 'alive').length, 2);
    assert.equal(down.outOfIsr, PARTITIONS);

    await sampleUntilIsrSize(2);
    const detail = await viewer().topics.detail({ topic: TOPIC });
    for (const partition of detail!.partitions) {
      assert.equal(partition.underReplicated, true);
      assert.deepEqual(
        partition.laggingReplicas.map((r) => [r.nodeId, r.brokerLive]),
        [[victim, false]],
      );
    }

    const restartedAt = Date.now();
    await cluster.start(victim);
    await sampleUntilIsrSize(3);
    const timeline = await viewer().isr.timeline({ topic: TOPIC, windowMinutes: 60 });
    assert.equal(timeline.partitions.length, PARTITIONS);
    for (const partition of timeline.partitions) {
      // The victim may have joined late once before, right after the topic was created: look past the kill.
      const left = partition.events.find(
        (e) => e.kind === 'isr-leave' && e.replica === victim && e.at >= killedAt,
      );
      const joined = partition.events.find(
        (e) => e.kind === 'isr-join' && e.replica === victim && e.at >= killedAt,
      );
      assert.ok(
        left && left.at >= killedAt && left.at < restartedAt,
        `partition ${partition.partition} shrank`,
      );
      assert.ok(joined && joined.at >= restartedAt, `partition ${partition.partition} expanded again`);
      const lane = partition.lanes.find((l) => l.replica === victim)!;
      assert.deepEqual(
        lane.spans.slice(-2).map((s) => s.status),
        ['out-of-isr', partition.current!.leader === victim ? 'leader' : 'in-isr'],
      );
    }
    const back = (await viewer().brokers.list()).brokers.find((b) => b.nodeId === victim)!;
    assert.equal(back.state, 'alive');
  });

  it('keeps answering for the Brokers page while a broker is SIGSTOPped, and shows it fenced until resumed', async () => {
    // Not the quorum leader (brokers forward DescribeQuorum to it, and wait for it) nor broker 1 (the next test's).
    const { quorum } = await viewer().brokers.list();
    const victim = [3, 2].find((nodeId) => nodeId !== quorum?.leaderId)!;
    let slowest = 0;
    await cluster.signal(victim, 'SIGSTOP');
    try {
      await waitFor(
        `broker ${victim} fenced`,
        async () => {
          const started = Date.now();
          const list = await viewer().brokers.list();
          slowest = Math.max(slowest, Date.now() - started);
          return list.brokers.find((b) => b.nodeId === victim)?.state === 'fenced or down' ? true : null;
        },
        FAILOVER_TIMEOUT_MS,
      );
    } finally {
      await cluster.signal(victim, 'SIGCONT');
    }
    // A paused broker accepts connections and never answers: it may cost the page a deadline, never a hang.
    assert.ok(slowest <= PER_BROKER_DEADLINE_MS + 2_000, `brokers.list took ${slowest} ms`);
    await waitFor(
      `broker ${victim} alive again`,
      async () =>
        (await viewer().brokers.list()).brokers.find((b) => b.nodeId === victim)?.state === 'alive'
          ? true
          : null,
      FAILOVER_TIMEOUT_MS,
    );
  });

  it('asks another broker within a request timeout when the one its connection is on is SIGSTOPped', async () => {
    const requestTimeoutMs = 5_000;
    const console = new RemoteClusterSource(
      new ClusterClient(cluster.bootstrap, 'sluice-console', { requestTimeoutMs }),
    );
    // The connection goes to the first bootstrap server, broker 1.
    await console.describeCluster();
    const pausedAt = Date.now();
    await cluster.signal(1, 'SIGSTOP');
    try {
      // The request in flight fails at the timeout; the next connection tries broker 1 last, not first again
      // (it would accept the connection and hold the handshake for another timeout).
      await waitFor('an answer from another broker', () => console.describeCluster(), 3 * requestTimeoutMs);
      const recovered = Date.now() - pausedAt;
      assert.ok(recovered < requestTimeoutMs + 3_000, `answered ${recovered} ms after the pause`);
    } finally {
      await cluster.signal(1, 'SIGCONT');
      console.close();
    }
  });
});
