/**
 * The reassignment and ISR timeline routers against a real single broker in this process (both cluster sources)
 * and a real SQLite file: roles (admins only, viewers and operators get FORBIDDEN), the audit trail, a lone
 * broker's Kafka answers (only itself as the target, nothing to cancel), the progress of a reassignment from its
 * replica sizes, and the timeline of what the ISR sampler recorded.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TRPCError } from '@trpc/server';
import { Broker, createLogger } from '@sluice/broker';
import { openDatabase, type ConsoleDatabase, type UserRole } from '@sluice/db';
import { LoginRateLimiter } from '../auth/login-rate-limiter.ts';
import type { ClusterSource } from '../cluster-source/cluster-source.ts';
import { EmbeddedClusterSource } from '../cluster-source/embedded-cluster-source.ts';
import { RemoteClusterSource } from '../cluster-source/remote-cluster-source.ts';
import { IsrSampler } from '../isr/isr-sampler.ts';
import { reassignmentProgress } from '../reassignment/reassignment-progress.ts';
import { createCaller } from '../root.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-reassign-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

let broker: Broker;
let database: ConsoleDatabase;
let embedded: EmbeddedClusterSource;
let remote: RemoteClusterSource;

function as(role: UserRole, cluster: ClusterSource = embedded) {
  return createCaller({
    db: database.db,
    startedAt: new Date(),
    version: 'test',
    cluster,
    user: { id: 1, username: `${role}-user`, role },
    request: null,
    loginLimiter: new LoginRateLimiter(),
  });
}

async function rejects(call: Promise<unknown>, code: TRPCError['code'], message: RegExp) {
  await assert.rejects(
    call,
    (error: unknown) => error instanceof TRPCError && error.code === code && message.test(error.message),
  );
}

before(async () => {
  broker = await Broker.start({
    dataDir: join(dir, 'kafka-logs'),
    port: 0,
    logger: createLogger('broker', 'warn'),
  });
  database = await openDatabase(join(dir, 'console.db'));
  embedded = new EmbeddedClusterSource(broker.services);
  remote = RemoteClusterSource.forBootstrap(`127.0.0.1:${broker.port}`);
  await as('admin').topics.create({
    name: 'moves',
    partitions: 2,
    replicationFactor: 1,
    configs: {},
    validateOnly: false,
  });
});

after(async () => {
  embedded?.close();
  remote?.close();
  database?.close();
  await broker?.close();
});

describe('reassignments router', () => {
  it('lets only admins start and cancel, with FORBIDDEN for the others', async () => {
    const input = { topic: 'moves', partition: 0, replicas: [broker.services.node.nodeId], throttle: null };
    for (const role of ['viewer', 'operator'] as const) {
      await rejects(as(role).reassignments.start(input), 'FORBIDDEN', /admin role/);
      await rejects(
        as(role).reassignments.cancel({ topic: 'moves', partition: 0 }),
        'FORBIDDEN',
        /admin role/,
      );
    }
    assert.deepEqual(await as('viewer').reassignments.progress({ topic: 'moves' }), { reassignments: [] });
  });

  it('answers as a one-broker Kafka cluster would, and audits what it did', async () => {
    const self = broker.services.node.nodeId;
    const admin = as('admin');
    assert.deepEqual(
      await admin.reassignments.start({ topic: 'moves', partition: 1, replicas: [self], throttle: null }),
      { from: [self], to: [self] },
    );
    await rejects(
      admin.reassignments.start({ topic: 'moves', partition: 0, replicas: [self + 1], throttle: 1000 }),
      'BAD_REQUEST',
      /INVALID_REPLICA_ASSIGNMENT.*broker 2/,
    );
    await rejects(
      admin.reassignments.cancel({ topic: 'moves', partition: 0 }),
      'BAD_REQUEST',
      /NO_REASSIGNMENT_IN_PROGRESS/,
    );
    await rejects(
      admin.reassignments.start({ topic: 'moves', partition: 5, replicas: [self], throttle: null }),
      'NOT_FOUND',
      /no partition 5/,
    );
    await rejects(
      as('admin', remote).reassignments.start({
        topic: 'moves',
        partition: 0,
        replicas: [self],
        throttle: null,
      }),
      'BAD_REQUEST',
      /UNSUPPORTED_VERSION.*AlterPartitionReassignments/,
    );
    const { entries } = await admin.audit.list({});
    const reassigned = entries.filter((e) => e.action.startsWith('partition.reassign'));
    assert.deepEqual(
      reassigned.map((e) => [e.action, e.target, e.details]),
      [['partition.reassign', 'moves-1', { from: [self], to: [self], throttle: null }]],
    );
  });

  it('computes bytes left from the replicas being added against the leader', () => {
    const progress = reassignmentProgress(
      { topic: 't', partition: 0, replicas: [2, 3, 1], addingReplicas: [3], removingReplicas: [1] },
      1,
      [
        { broker: 1, sizeBytes: 10_000, offsetLag: 0, isFuture: false },
        { broker: 2, sizeBytes: 10_200, offsetLag: 0, isFuture: false },
        { broker: 3, sizeBytes: 2_500, offsetLag: 0, isFuture: false },
      ],
    );
    assert.equal(progress.bytesLeft, 7_500);
    assert.deepEqual(
      progress.replicaProgress.map((r) => [r.broker, r.role, r.bytesLeft]),
      [
        [2, 'staying', 0],
        [3, 'adding', 7_500],
        [1, 'removing', 0],
      ],
    );
    const fresh = reassignmentProgress(
      { topic: 't', partition: 0, replicas: [2, 3, 1], addingReplicas: [3], removingReplicas: [1] },
      1,
      [{ broker: 1, sizeBytes: 4_000, offsetLag: 0, isFuture: false }],
    );
    assert.equal(fresh.bytesLeft, 4_000, 'a replica without a log yet has everything to copy');
    assert.deepEqual(fresh.waitingFor, []);
  });

  it('names the target replicas whose broker is down: they hold the reassignment up, a removing one does not', () => {
    const progress = reassignmentProgress(
      { topic: 't', partition: 0, replicas: [2, 3, 1], addingReplicas: [3], removingReplicas: [1] },
      2,
      [{ broker: 2, sizeBytes: 4_000, offsetLag: 0, isFuture: false }],
      new Set([3, 1]),
    );
    assert.deepEqual(
      progress.replicaProgress.map((r) => [r.broker, r.brokerDown]),
      [
        [2, false],
        [3, true],
        [1, true],
      ],
    );
    assert.deepEqual(progress.waitingFor, [3]);
  });
});

describe('isr router', () => {
  it('shows what the sampler recorded, to every signed-in user', async () => {
    await new IsrSampler({ db: database.db, source: remote }).sampleOnce();
    const timeline = await as('viewer').isr.timeline({ topic: 'moves' });
    const self = broker.services.node.nodeId;
    assert.deepEqual(
      timeline.partitions.map((p) => [
        p.partition,
        p.lanes.map((l) => l.replica),
        p.events.map((e) => e.kind),
      ]),
      [
        [0, [self], ['first-seen']],
        [1, [self], ['first-seen']],
      ],
    );
    assert.equal(timeline.partitions[0]!.lanes[0]!.spans[0]!.status, 'leader');
  });
});
