/**
 * The connect router against a real Kafka Connect worker (`sluice connect standalone`, its own process, REST
 * on a free port) and a real broker in this process: clusters and workers, plugins and a plugin's config
 * definition, Connect's validation, a FileStreamSource connector created, its lines arriving in the topic, then
 * paused, resumed, its active topics read and reset, stopped, its offsets read, altered and reset, restarted,
 * reconfigured and deleted, each by the operator role with an audit entry, Connect's refusals passed on in its
 * own words, and a worker that does not answer.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TRPCError } from '@trpc/server';
import { Broker, createLogger } from '@sluice/broker';
import { openDatabase, type ConsoleDatabase, type UserRole } from '@sluice/db';
import { LoginRateLimiter } from '../auth/login-rate-limiter.ts';
import { EmbeddedClusterSource } from '../cluster-source/embedded-cluster-source.ts';
import { ConnectRestClient, ConnectRestError } from '../connect/connect-rest-client.ts';
import { freePort, startStandaloneWorker, waitFor, type StandaloneWorker } from '@sluice/connect/testing';
import { createCaller } from '../root.ts';

const FILE_SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
const TOPIC = 'connect-lines';
const LINES = ['first line', 'second line', 'third line'];

const dir = mkdtempSync(join(tmpdir(), 'sluice-connect-router-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

let broker: Broker;
let database: ConsoleDatabase;
let cluster: EmbeddedClusterSource;
let worker: StandaloneWorker;
let unreachableUrl: string;

function as(role: UserRole) {
  return createCaller({
    db: database.db,
    startedAt: new Date(),
    version: 'test',
    cluster,
    user: { id: 1, username: `${role}-user`, role },
    request: null,
    loginLimiter: new LoginRateLimiter(),
    connectClusters: [
      { name: 'local', url: worker.url },
      { name: 'gone', url: unreachableUrl },
    ],
  });
}

async function rejects(call: Promise<unknown>, code: TRPCError['code'], message: RegExp, what: string) {
  await assert.rejects(
    call,
    (error: unknown) => error instanceof TRPCError && error.code === code && message.test(error.message),
    what,
  );
}

/** waitFor, with the worker's output in the failure. */
function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  return waitFor(what, check, timeoutMs).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}; worker: ${worker.output()}`);
  });
}

const stateOf = async (connector: string) =>
  (await as('viewer').connect.connector({ cluster: 'local', connector })).connector.state;

before(async () => {
  broker = await Broker.start({
    dataDir: join(dir, 'kafka-logs'),
    port: 0,
    configs: new Map([
      ['group.initial.rebalance.delay.ms', '0'],
      ['offsets.topic.num.partitions', '1'],
    ]),
    logger: createLogger('broker', 'warn'),
  });
  database = await openDatabase(join(dir, 'console.db'));
  cluster = new EmbeddedClusterSource(broker.services);
  unreachableUrl = `http://127.0.0.1:${await freePort()}`;
  worker = await startStandaloneWorker({ bootstrap: `127.0.0.1:${broker.port}`, dir });
});

after(async () => {
  await worker?.stop();
  cluster?.close();
  database?.close();
  await broker?.close();
});

describe('connect router', () => {
  it('lists the Connect clusters, with the version of the one that answers and why the other does not', async () => {
    const clusters = await as('viewer').connect.clusters();
    assert.deepEqual(
      clusters.map((c) => c.name),
      ['local', 'gone'],
    );
    assert.equal(clusters[0]!.error, null);
    assert.match(clusters[0]!.info!.version, /\S/);
    assert.equal(clusters[1]!.info, null);
    assert.match(clusters[1]!.error!, /not reachable/);
    await rejects(
      as('viewer').connect.overview({ cluster: 'gone' }),
      'SERVICE_UNAVAILABLE',
      /Kafka Connect at http:\/\/127\.0\.0\.1:\d+ is not reachable/,
      'a worker that does not answer',
    );
    await rejects(
      as('viewer').connect.overview({ cluster: 'elsewhere' }),
      'NOT_FOUND',
      /no Connect cluster named "elsewhere"/,
      'a name the console does not know',
    );
  });

  it("offers the worker's plugins and a plugin's config definition by group, and Connect's validation", async () => {
    const viewer = as('viewer');
    const plugins = await viewer.connect.plugins({ cluster: 'local', connectorsOnly: true });
    assert.ok(
      plugins.some((p) => p.class === FILE_SOURCE && p.type === 'source'),
      JSON.stringify(plugins),
    );
    const groups = await viewer.connect.pluginConfig({ cluster: 'local', plugin: FILE_SOURCE });
    const names = groups.flatMap((g) => g.configs.map((c) => c.name));
    assert.ok(names.includes('file') && names.includes('topic'), JSON.stringify(names));
    for (const group of groups)
      assert.deepEqual(
        group.configs.map((c) => c.order),
        [...group.configs.map((c) => c.order)].sort((a, b) => a - b),
        `${group.group} in order`,
      );

    const missingTopic = await viewer.connect.validate({
      cluster: 'local',
      plugin: FILE_SOURCE,
      config: { 'connector.class': FILE_SOURCE, name: 'lines', file: join(dir, 'lines.txt') },
    });
    assert.ok(missingTopic.error_count > 0);
    const topic = missingTopic.configs.find((c) => c.value?.name === 'topic');
    assert.ok((topic?.value?.errors.length ?? 0) > 0, JSON.stringify(topic));

    const complete = await viewer.connect.validate({
      cluster: 'local',
      plugin: FILE_SOURCE,
      config: { 'connector.class': FILE_SOURCE, name: 'lines', file: join(dir, 'lines.txt'), topic: TOPIC },
    });
    assert.equal(
      complete.error_count,
      0,
      JSON.stringify(complete.configs.filter((c) => c.value?.errors.length)),
    );
  });

  it('creates a FileStreamSource connector whose lines arrive in the topic, for operators only', async () => {
    const file = join(dir, 'lines.txt');
    writeFileSync(file, LINES.map((l) => `${l}\n`).join(''));
    const config = { 'connector.class': FILE_SOURCE, 'tasks.max': '1', file, topic: TOPIC };
    await rejects(
      as('viewer').connect.create({ cluster: 'local', name: 'lines', config }),
      'FORBIDDEN',
      /operator role/,
      'a viewer may not create connectors',
    );
    const created = await as('operator').connect.create({ cluster: 'local', name: 'lines', config });
    assert.equal(created.name, 'lines');
    await rejects(
      as('operator').connect.create({ cluster: 'local', name: 'lines', config }),
      'CONFLICT',
      /^Connector lines already exists$/,
      "Connect's own words for a taken name",
    );

    const detail = await eventually('the task running', async () => {
      const d = await as('viewer').connect.connector({ cluster: 'local', connector: 'lines' });
      return d.connector.state === 'RUNNING' && d.tasks[0]?.state === 'RUNNING' ? d : undefined;
    });
    assert.equal(detail.type, 'source');
    assert.equal(detail.tasks.length, 1);
    assert.match(detail.tasks[0]!.workerId, /:\d+$/);
    assert.equal(detail.config.file, file);

    await eventually('the lines in the topic', async () => {
      const topic = await cluster.describeTopic(TOPIC);
      const records = topic?.partitions.reduce((sum, p) => sum + p.highWatermark, 0) ?? 0;
      return records >= LINES.length ? records : undefined;
    });

    const overview = await as('viewer').connect.overview({ cluster: 'local' });
    const row = overview.connectors.find((c) => c.name === 'lines');
    assert.deepEqual(
      { state: row?.state, type: row?.type, connectorClass: row?.connectorClass, tasks: row?.tasks },
      {
        state: 'RUNNING',
        type: 'source',
        connectorClass: FILE_SOURCE,
        tasks: { total: 1, running: 1, failed: 0 },
      },
    );
    assert.deepEqual(
      overview.workers.map((w) => w.tasks),
      [['lines-0']],
    );
  });

  it('pauses, resumes, stops, reads, alters and resets offsets, restarts, reconfigures and deletes', async () => {
    const operator = as('operator');
    const target = { cluster: 'local', connector: 'lines' };
    await rejects(as('viewer').connect.pause(target), 'FORBIDDEN', /operator role/, 'viewers do not pause');

    await operator.connect.pause(target);
    await eventually('PAUSED', async () => ((await stateOf('lines')) === 'PAUSED' ? true : undefined));
    await operator.connect.resume(target);
    await eventually('RUNNING again', async () =>
      (await stateOf('lines')) === 'RUNNING' ? true : undefined,
    );

    // KIP-558: the topic the source wrote to, readable by viewers, reset by operators only.
    const used = await eventually('the active topic', async () => {
      const t = await as('viewer').connect.activeTopics(target);
      return t.tracking && t.topics.length > 0 ? t : undefined;
    });
    assert.deepEqual(used, { tracking: true, topics: [TOPIC] });
    await rejects(
      as('viewer').connect.resetActiveTopics(target),
      'FORBIDDEN',
      /operator role/,
      'viewers do not reset topics',
    );
    await operator.connect.resetActiveTopics(target);
    assert.deepEqual(await as('viewer').connect.activeTopics(target), { tracking: true, topics: [] });

    await rejects(
      operator.connect.resetOffsets(target),
      'BAD_REQUEST',
      /STOPPED/,
      'Connect resets offsets of a stopped connector only, and says so',
    );
    await operator.connect.stop(target);
    await eventually('STOPPED', async () => ((await stateOf('lines')) === 'STOPPED' ? true : undefined));

    const offsets = await eventually('the committed offset', async () => {
      const o = await as('viewer').connect.offsets(target);
      return o.offsets.length > 0 ? o : undefined;
    });
    assert.equal(offsets.offsets.length, 1);
    const altered = await operator.connect.alterOffsets({
      ...target,
      offsets: [{ partition: offsets.offsets[0]!.partition, offset: { position: 0 } }],
    });
    assert.match(altered.message, /offsets/i);
    assert.deepEqual((await as('viewer').connect.offsets(target)).offsets[0]!.offset, { position: 0 });
    const reset = await operator.connect.resetOffsets(target);
    assert.match(reset.message, /offsets/i);
    assert.deepEqual((await as('viewer').connect.offsets(target)).offsets, []);

    await operator.connect.resume(target);
    await eventually('RUNNING after stop', async () =>
      (await stateOf('lines')) === 'RUNNING' ? true : undefined,
    );
    const restarted = await operator.connect.restart({ ...target, includeTasks: true, onlyFailed: false });
    assert.equal(restarted.status?.name, 'lines', 'with includeTasks Connect answers 202 and the status');
    await operator.connect.restartTask({ ...target, task: 0 });
    await rejects(
      operator.connect.restartTask({ ...target, task: 7 }),
      'NOT_FOUND',
      /\S/,
      'a task the connector does not have',
    );

    const file = join(dir, 'lines.txt');
    const updated = await operator.connect.updateConfig({
      ...target,
      config: { 'connector.class': FILE_SOURCE, 'tasks.max': '1', file, topic: `${TOPIC}-2` },
    });
    assert.equal(updated.config.topic, `${TOPIC}-2`);

    await operator.connect.delete(target);
    await rejects(
      as('viewer').connect.connector(target),
      'NOT_FOUND',
      /^Connector lines not found$/,
      "Connect's own words for a connector that is gone",
    );

    const { entries } = await operator.audit.list({});
    assert.deepEqual(
      entries
        .filter((e) => e.action.startsWith('connector.'))
        .map((e) => [e.actor, e.action, e.target])
        .reverse(),
      [
        ['operator-user', 'connector.create', 'local/lines'],
        ['operator-user', 'connector.pause', 'local/lines'],
        ['operator-user', 'connector.resume', 'local/lines'],
        ['operator-user', 'connector.topics.reset', 'local/lines'],
        ['operator-user', 'connector.stop', 'local/lines'],
        ['operator-user', 'connector.offsets.alter', 'local/lines'],
        ['operator-user', 'connector.offsets.reset', 'local/lines'],
        ['operator-user', 'connector.resume', 'local/lines'],
        ['operator-user', 'connector.restart', 'local/lines'],
        ['operator-user', 'connector.task.restart', 'local/lines'],
        ['operator-user', 'connector.config', 'local/lines'],
        ['operator-user', 'connector.delete', 'local/lines'],
      ],
    );
  });

  it('shows a failed task with its trace, and restarts only the failed tasks', async () => {
    const operator = as('operator');
    const target = { cluster: 'local', connector: 'broken-sink' };
    await operator.connect.create({
      cluster: 'local',
      name: 'broken-sink',
      config: {
        'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
        'tasks.max': '1',
        topics: TOPIC,
        file: join(dir, 'no-such-dir', 'out.txt'),
      },
    });
    const failed = await eventually('the task FAILED', async () => {
      const task = (await as('viewer').connect.connector(target)).tasks[0];
      return task?.state === 'FAILED' ? task : undefined;
    });
    assert.match(failed.trace ?? '', /no-such-dir/, 'the trace says why');
    const overview = await as('viewer').connect.overview({ cluster: 'local' });
    assert.deepEqual(overview.connectors.find((c) => c.name === 'broken-sink')?.tasks, {
      total: 1,
      running: 0,
      failed: 1,
    });
    const restarted = await operator.connect.restart({ ...target, includeTasks: true, onlyFailed: true });
    assert.deepEqual(
      restarted.status?.tasks.map((t) => t.state),
      ['RESTARTING'],
      'the failed task is the one restarting',
    );
    await operator.connect.delete(target);
  });
});

describe('connect REST client', () => {
  it('gives up on a worker that does not answer within the timeout, with error code 0', async () => {
    const client = new ConnectRestClient(worker.url, { timeoutMs: 300 });
    assert.match((await client.serverInfo()).version, /\S/);
    process.kill(worker.pid, 'SIGSTOP');
    try {
      await assert.rejects(
        client.serverInfo(),
        (error: unknown) =>
          error instanceof ConnectRestError &&
          error.errorCode === 0 &&
          error.message === `Kafka Connect at ${worker.url} is not reachable (no answer within 300 ms)`,
      );
    } finally {
      process.kill(worker.pid, 'SIGCONT');
    }
    assert.match((await client.serverInfo()).version, /\S/);
  });
});
