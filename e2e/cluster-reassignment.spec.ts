/**
 * Reassignment and the ISR timeline against a real 3-broker cluster (`sluice cluster`, one OS process per broker,
 * the console reaching it over the Kafka protocol; the shared fixture of support/cluster.ts): a topic on brokers
 * 1,2 under produce load is moved to 2,3 from the console with a throttle; the page shows it in progress with the
 * bytes left; with broker 3 killed from the console it says the move waits for broker 3, which copies on once
 * started again; cancelling puts the partition back on 1,2; started again without a throttle it finishes on
 * 2,3; the ISR timeline lists replica 3 joining the ISR, 1 leaving and the leader change with its epoch; a
 * viewer sees no controls and the API refuses them with 403; the audit log has it all.
 */
import { spawn } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import { callApi } from './support/api.ts';
import { test, type TestCluster } from './support/cluster.ts';
import { dataRows, screenshots } from './support/page.ts';
import { run } from './support/processes.ts';
import { signIn } from './support/sign-in.ts';

const TOPIC = 'e2e-moving';
const VIEWER = { username: 'e2e-reassign-viewer', password: 'viewer-password-1' };
/** Preloaded before the first move, so a throttled copy takes long enough to watch and cancel. */
const PRELOAD_RECORDS = 20_000;
const RECORD = 'x'.repeat(1000);
const THROTTLE_BYTES_PER_SECOND = 200_000;

/** Sends a record every 100 ms to the partition with acks=all, until stopped: the produce load of the move. */
function startProducer(bootstrap: string): { stop: () => Promise<void> } {
  const child = spawn('kcat', ['-b', bootstrap, '-P', '-t', TOPIC, '-p', '0', '-X', 'acks=all'], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let sent = 0;
  const timer = setInterval(() => child.stdin.write(`load-${sent++}-${RECORD}\n`), 100);
  return {
    stop: () => {
      clearInterval(timer);
      child.stdin.end();
      return exited;
    },
  };
}

/** The topic on brokers 1 and 2 only, with PRELOAD_RECORDS of a kilobyte each in partition 0. */
async function createPreloadedTopic(cluster: TestCluster) {
  await cluster.createTopic(TOPIC, { replicaAssignment: '1:2' });
  const lines = Array.from({ length: PRELOAD_RECORDS }, (_, i) => `preload-${i}-${RECORD}\n`).join('');
  await run(
    'kcat',
    ['-b', cluster.bootstrap, '-P', '-t', TOPIC, '-p', '0', '-X', 'acks=all'],
    lines,
    120_000,
  );
}

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
  cluster,
}) => {
  test.setTimeout(420_000);
  test.info().annotations.push({
    type: 'cluster',
    description: `brokers ${cluster.bootstrap}, console ${cluster.url}`,
  });
  await createPreloadedTopic(cluster);
  const producer = startProducer(cluster.bootstrap);
  try {
    await moveUnderLoad(page, cluster);
  } finally {
    await producer.stop();
  }
});

async function moveUnderLoad(page: Page, cluster: TestCluster) {
  await signIn(page, `/topics/${TOPIC}`);
  await expect(replicasOfPartition0(page)).toHaveText('1, 2', { timeout: 30_000 });

  const progress = page.getByRole('list', { name: 'Reassignments in progress' });
  await test.step('a throttled move shows its progress and bytes left', async () => {
    await startReassignment(page, '2,3', THROTTLE_BYTES_PER_SECOND);
    await expect(progress.getByText('Partition 0: reassignment in progress')).toBeVisible({
      timeout: 15_000,
    });
    const bytesLeft = progress.getByRole('definition').nth(3);
    await expect(bytesLeft).toHaveText(/^[1-9][\d.,]* (B|[KMG]iB) of [\d.,]+ (B|[KMG]iB) \(leader 1\)$/, {
      timeout: 15_000,
    });
    const configs = await cluster.sluice(['topics', 'describe', '--topic', TOPIC]);
    expect(configs).toContain('follower.replication.throttled.replicas=0:3');
  });

  await test.step('with the broker it adds down, the move says it waits for it; back, it copies on', async () => {
    const killed = await callApi(page, 'brokers.drill', { op: 'kill', nodeId: 3 });
    expect(killed.status).toBe(200);
    const waiting = progress.getByText(/Waiting for broker 3: down, so the move cannot complete/);
    await expect(waiting).toBeVisible({ timeout: 30_000 });
    await expect(progress.getByText('Broker 3 (adding): broker down', { exact: true })).toBeVisible();
    const started = await callApi(page, 'brokers.drill', { op: 'start', nodeId: 3 });
    expect(started.status).toBe(200);
    await expect(waiting).toHaveCount(0, { timeout: 30_000 });
    await expect(progress.getByText(/^Broker 3 \(adding\): .* left$/)).toBeVisible({ timeout: 30_000 });
  });

  await test.step('cancelled, the partition is back on 1,2 and the throttles are gone', async () => {
    await progress.getByRole('button', { name: 'Cancel the reassignment of partition 0' }).click();
    await expect(page.getByText('No reassignment of this topic is in progress.')).toBeVisible({
      timeout: 15_000,
    });
    // Back on 1 and 2, in the order Kafka's cancel leaves (the replicas during the move, less those added).
    await expect(replicasOfPartition0(page)).toHaveText(/^(1, 2|2, 1)$/, { timeout: 15_000 });
    await expect
      .poll(() => cluster.sluice(['topics', 'describe', '--topic', TOPIC]), { timeout: 15_000 })
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
    const created = await callApi(page, 'users.create', { ...VIEWER, role: 'viewer' });
    expect(created.status).toBe(200);
    const audit = await page.request.get(
      `/api/trpc/audit.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
    );
    const actions = JSON.stringify(await audit.json());
    expect(actions).toContain('partition.reassign-cancel');
    expect(actions.match(/"partition\.reassign"/g)?.length).toBe(2);

    const context = await page.context().browser()!.newContext({ baseURL: cluster.url });
    try {
      const viewerPage = await context.newPage();
      await signIn(viewerPage, `/topics/${TOPIC}`, VIEWER);
      await expect(
        viewerPage.getByText('Starting and cancelling reassignments needs the admin role.'),
      ).toBeVisible();
      await expect(viewerPage.getByRole('form', { name: 'Reassign a partition' })).toHaveCount(0);
      const refused = await callApi(viewerPage, 'reassignments.start', {
        topic: TOPIC,
        partition: 0,
        replicas: [1, 2],
        throttle: null,
      });
      expect(refused.status).toBe(403);
    } finally {
      await context.close();
    }
  });
}
