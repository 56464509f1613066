/**
 * Reassignment and the ISR timeline against a real 3-broker cluster (`sluice cluster`, one OS process per broker,
 * the console reaching it over the Kafka protocol), started by this spec on free ports with fast failure
 * detection: a topic on brokers 1,2 under produce load is moved to 2,3 from the console with a throttle; the page
 * shows it in progress with the bytes left; cancelling puts the partition back on 1,2; started again without a
 * throttle it finishes on 2,3; the ISR timeline lists replica 3 joining the ISR, 1 leaving and the leader
 * change with its epoch; a viewer sees no controls and the API refuses them with 403; the audit log has it all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dataRows, screenshots } from './support/page.ts';
import { SLUICE_CLI, run } from './support/processes.ts';
import { E2E_ADMIN, signIn } from './support/sign-in.ts';

const TOPIC = 'e2e-moving';
const VIEWER = { username: 'e2e-reassign-viewer', password: 'viewer-password-1' };
/** Preloaded before the first move, so a throttled copy takes long enough to watch and cancel. */
const PRELOAD_RECORDS = 20_000;
const RECORD = 'x'.repeat(1000);
const THROTTLE_BYTES_PER_SECOND = 200_000;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A first port with `count` free ports from it (the brokers' client ports, then their quorum ports). */
async function freePorts(count: number): Promise<number> {
  for (;;) {
    // Below the ephemeral range (32768+): a restarted broker must find its port free.
    const first = 20_000 + Math.floor(Math.random() * 12_000);
    const ports = Array.from({ length: count }, (_, i) => first + i);
    if ((await Promise.all(ports.map(portIsFree))).every(Boolean)) return first;
  }
}

const KAFKA_PORT = await freePorts(6);
const CONSOLE_PORT = await freePorts(1);
const BOOTSTRAP = `127.0.0.1:${KAFKA_PORT}`;
const CONSOLE = `http://127.0.0.1:${CONSOLE_PORT}`;

test.use({ baseURL: CONSOLE });
test.describe.configure({ mode: 'serial' });

let cluster: ChildProcess | null = null;
let dataDir = '';
let clusterOutput = '';
let producer: { stop: () => Promise<void> } | null = null;

function sluice(args: string[], input = ''): Promise<string> {
  return run(process.execPath, [SLUICE_CLI, ...args, '--bootstrap-server', BOOTSTRAP], input, 60_000);
}

/** Sends a record a second to the partition with acks=all, until stopped: the produce load of the move. */
function startProducer(): { stop: () => Promise<void> } {
  const child = spawn('kcat', ['-b', BOOTSTRAP, '-P', '-t', TOPIC, '-p', '0', '-X', 'acks=all'], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  let sent = 0;
  const timer = setInterval(() => child.stdin.write(`load-${sent++}-${RECORD}\n`), 100);
  return {
    stop: () =>
      new Promise((resolve) => {
        clearInterval(timer);
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = mkdtempSync(join(tmpdir(), 'sluice-e2e-cluster-'));
  // Its own process group, so the brokers and the console it starts go with it whatever happens.
  cluster = spawn(
    process.execPath,
    [
      SLUICE_CLI,
      'cluster',
      '--brokers',
      '3',
      '--data-dir',
      dataDir,
      '--port',
      String(KAFKA_PORT),
      '--console-port',
      String(CONSOLE_PORT),
      '--config',
      'broker.session.timeout.ms=3000',
      '--config',
      'broker.heartbeat.interval.ms=500',
      '--config',
      'replica.lag.time.max.ms=3000',
    ],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        SLUICE_ADMIN_USER: E2E_ADMIN.username,
        SLUICE_ADMIN_PASSWORD: E2E_ADMIN.password,
      },
    },
  );
  cluster.stdout?.on('data', (chunk: Buffer) => (clusterOutput += chunk.toString()));
  cluster.stderr?.on('data', (chunk: Buffer) => (clusterOutput += chunk.toString()));
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${CONSOLE}/healthz`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 180_000, intervals: [500] },
    )
    .toBe(200);
  await expect
    .poll(
      () =>
        sluice(['topics', 'create', '--topic', TOPIC, '--replica-assignment', '1:2']).then(
          () => 'created',
          String,
        ),
      {
        timeout: 60_000,
        intervals: [1000],
      },
    )
    .toBe('created');
  const lines = Array.from({ length: PRELOAD_RECORDS }, (_, i) => `preload-${i}-${RECORD}\n`).join('');
  await run('kcat', ['-b', BOOTSTRAP, '-P', '-t', TOPIC, '-p', '0', '-X', 'acks=all'], lines, 120_000);
  producer = startProducer();
});

test.afterAll(async () => {
  await producer?.stop();
  if (cluster?.pid !== undefined && cluster.exitCode === null) {
    const exited = new Promise((resolve) => cluster!.once('exit', resolve));
    process.kill(-cluster.pid, 'SIGTERM');
    const killed = setTimeout(() => process.kill(-cluster!.pid!, 'SIGKILL'), 20_000);
    await exited;
    clearTimeout(killed);
    // The brokers are the cluster command's children, in its group: SIGKILL whatever did not stop.
    try {
      process.kill(-cluster.pid, 'SIGKILL');
    } catch {
      // The whole group is gone.
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The partitions table's row of partition 0: its replicas cell. */
function replicasOfPartition0(page: Page) {
  const table = page.getByRole('table', { name: 'Partitions' });
  return dataRows(table).first().getByRole('cell').nth(3);
}

async function startReassignment(page: Page, replicas: string, throttle: number | null) {
  const form = page.getByRole('form', { name: 'Reassign a partition' });
  await form.getByLabel('Partition', { exact: true }).selectOption('0');
  await form.getByLabel('Target replicas').fill(replicas);
  const throttled = form.getByLabel('Throttle replication');
  if (throttle === null) await throttled.uncheck();
  else {
    await throttled.check();
    await form.getByLabel('Throttle (bytes/s)').fill(String(throttle));
  }
  await form.getByRole('button', { name: 'Start reassignment' }).click();
  await expect(form.getByRole('status')).toContainText(`Started moving partition 0 from`);
}

test('moves a partition under load from 1,2 to 2,3, cancelled once, and the ISR timeline shows it', async ({
  page,
}) => {
  test.setTimeout(300_000);
  test.info().annotations.push({ type: 'cluster', description: `brokers ${BOOTSTRAP}, console ${CONSOLE}` });
  await signIn(page, `/topics/${TOPIC}`);
  await expect(replicasOfPartition0(page)).toHaveText('1, 2', { timeout: 30_000 });

  const progress = page.getByRole('list', { name: 'Reassignments in progress' });
  await test.step('a throttled move shows its progress and bytes left, and cancels', async () => {
    await startReassignment(page, '2,3', THROTTLE_BYTES_PER_SECOND);
    await expect(progress.getByText('Partition 0: reassignment in progress')).toBeVisible({
      timeout: 15_000,
    });
    const bytesLeft = progress.getByRole('definition').nth(3);
    await expect(bytesLeft).toHaveText(/^[1-9][\d.,]* (B|[KMG]iB) of [\d.,]+ (B|[KMG]iB) \(leader 1\)$/, {
      timeout: 15_000,
    });
    const configs = await sluice(['topics', 'describe', '--topic', TOPIC]);
    expect(configs).toContain('follower.replication.throttled.replicas=0:3');
    await progress.getByRole('button', { name: 'Cancel the reassignment of partition 0' }).click();
    await expect(page.getByText('No reassignment of this topic is in progress.')).toBeVisible({
      timeout: 15_000,
    });
    // Back on 1 and 2, in the order Kafka's cancel leaves (the replicas during the move, less those added).
    await expect(replicasOfPartition0(page)).toHaveText(/^(1, 2|2, 1)$/, { timeout: 15_000 });
    await expect
      .poll(() => sluice(['topics', 'describe', '--topic', TOPIC]), { timeout: 15_000 })
      .not.toContain('throttled.replicas');
  });

  await test.step('unthrottled, the move completes on 2,3', async () => {
    await startReassignment(page, '2,3', null);
    await expect(page.getByText('No reassignment of this topic is in progress.')).toBeVisible({
      timeout: 120_000,
    });
    await expect(replicasOfPartition0(page)).toHaveText('2, 3', { timeout: 30_000 });
  });

  await test.step('the ISR timeline lists the move', async () => {
    const timeline = page.getByRole('region', { name: 'ISR timeline' });
    await timeline.getByLabel('Partition', { exact: true }).selectOption('0');
    const events = timeline.getByRole('list', { name: /Events of partition 0/ });
    await expect(events).toContainText('Replica 3 joined the ISR', { timeout: 30_000 });
    await expect(events).toContainText(/Replica 1 (left the ISR|removed from the replicas)/);
    await expect(events).toContainText(/Leader changed from 1 to 2 \(epoch \d+\)/);
    await expect(
      timeline.getByRole('img', { name: /^Broker 3: .*(in the ISR|leader) from [^,]+$/ }),
    ).toBeVisible();
    await screenshots(page, 'cluster-reassignment');
  });

  await test.step('a viewer sees the progress but no controls, and the API refuses with 403', async () => {
    const admin = page.request;
    const created = await admin.post('/api/trpc/users.create', {
      data: { json: { username: VIEWER.username, password: VIEWER.password, role: 'viewer' } },
      headers: { origin: CONSOLE },
    });
    expect(created.status()).toBe(200);
    const audit = await admin.get(
      `/api/trpc/audit.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
    );
    const actions = JSON.stringify(await audit.json());
    expect(actions).toContain('partition.reassign-cancel');
    expect(actions.match(/"partition\.reassign"/g)?.length).toBe(2);

    const context = await page.context().browser()!.newContext({ baseURL: CONSOLE });
    const viewerPage = await context.newPage();
    await signIn(viewerPage, `/topics/${TOPIC}`, VIEWER);
    await expect(
      viewerPage.getByText('Starting and cancelling reassignments needs the admin role.'),
    ).toBeVisible();
    await expect(viewerPage.getByRole('form', { name: 'Reassign a partition' })).toHaveCount(0);
    const refused = await viewerPage.request.post('/api/trpc/reassignments.start', {
      data: { json: { topic: TOPIC, partition: 0, replicas: [1, 2], throttle: null } },
      headers: { origin: CONSOLE },
    });
    expect(refused.status()).toBe(403);
    await context.close();
  });
});
