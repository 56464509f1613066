/**
 * The console of a 3-broker cluster started by `sluice cluster --console-port` (its own fixture, not the server
 * playwright.config.ts starts): the Brokers page lists three live brokers and the metadata quorum; an admin kills
 * a broker from the console, the overview counts under-replicated partitions and the topic page names the
 * replica that left the ISR; the admin starts the broker again from the console and the ISR is whole again;
 * both drills are in the audit log; a viewer is offered no drills and the server refuses one sent anyway.
 */
import { expect, test as base, type Page } from '@playwright/test';
import { startCluster, type TestCluster } from './support/cluster.ts';
import { callApi } from './support/api.ts';
import { dataRows, screenshots, valueOf } from './support/page.ts';
import { signIn } from './support/sign-in.ts';

const TOPIC = 'e2e-cluster-replicated';
const PARTITIONS = 3;
const VIEWER = { username: 'e2e-cluster-viewer', password: 'cluster-viewer-password' };
/** Fencing takes broker.session.timeout.ms (3 s) after the last heartbeat; the ISR shrinks within replica.lag.time.max.ms. */
const FAILOVER_TIMEOUT_MS = 30_000;

const test = base.extend<object, { cluster: TestCluster }>({
  cluster: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const cluster = await startCluster();
      try {
        await use(cluster);
      } finally {
        await cluster.stop();
      }
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  baseURL: async ({ cluster }, use) => use(cluster.url),
});

function brokerRow(page: Page, nodeId: number) {
  // The node id is the first cell; other cells (partition counts) may hold the same number.
  return dataRows(page.getByRole('table', { name: 'Brokers' })).filter({
    has: page.locator('td:first-child', { hasText: new RegExp(`^${nodeId}$`) }),
  });
}

test('brokers, the quorum and fault drills on a 3-broker cluster', async ({ page, cluster }) => {
  test.setTimeout(240_000);
  await cluster.createTopic(TOPIC, PARTITIONS, 3);
  await cluster.sluice(
    ['produce', '--topic', TOPIC],
    Array.from({ length: 30 }, (_, i) => `record-${i}\n`).join(''),
  );

  let victim = 0;
  await test.step('the Brokers page lists three live brokers and the quorum', async () => {
    await signIn(page, '/brokers');
    await expect(page.getByRole('heading', { level: 1, name: 'Brokers' })).toBeVisible();
    const brokers = page.getByRole('table', { name: 'Brokers' });
    await expect(dataRows(brokers)).toHaveCount(3);
    for (const nodeId of [1, 2, 3]) await expect(brokerRow(page, nodeId)).toContainText('alive');
    const summary = page.getByRole('region', { name: 'Brokers summary' });
    await expect(valueOf(summary, 'Alive')).toHaveText('3');
    await expect(valueOf(summary, 'Fenced or down')).toHaveText('0');

    const quorum = page.getByRole('region', { name: 'Quorum' });
    await expect(valueOf(quorum, 'Leader')).toHaveText(/^broker [123]$/);
    await expect(valueOf(quorum, 'Voters')).toHaveText('3');
    const replicas = page.getByRole('table', { name: 'Quorum replicas' });
    await expect(dataRows(replicas)).toHaveCount(3);
    await expect(dataRows(replicas).filter({ hasText: 'leader' })).toHaveCount(1);
    // The leader knows every voter's log end offset, so each lag is a number.
    for (let row = 0; row < 3; row++)
      await expect(dataRows(replicas).nth(row).getByRole('cell').nth(3)).toHaveText(/^\d[\d,]*$/);

    // The drill is on a broker that is not the quorum leader, so the metadata quorum keeps its leader.
    const leader = Number(/\d+/.exec((await valueOf(quorum, 'Leader').textContent()) ?? '')![0]);
    victim = [3, 2, 1].find((nodeId) => nodeId !== leader)!;
    await screenshots(page, 'brokers');
  });

  await test.step('an admin kills a broker from the console', async () => {
    const drills = page.getByRole('region', { name: 'Fault drills' });
    const processRow = drills.getByRole('listitem', { name: `Broker ${victim} process` });
    await expect(processRow).toContainText(/running \(pid \d+\)/);
    await drills.getByRole('button', { name: `Kill broker ${victim}` }).click();
    await expect(drills.getByRole('status')).toHaveText(`Kill: broker ${victim}.`);
    await expect(processRow).toContainText('exited (SIGKILL)');
    await expect(brokerRow(page, victim)).toContainText('fenced or down', { timeout: FAILOVER_TIMEOUT_MS });
    await screenshots(page, 'brokers-one-down');
    await expect(valueOf(page.getByRole('region', { name: 'Brokers summary' }), 'Fenced or down')).toHaveText(
      /^■?1 \(critical\)$/,
    );
  });

  await test.step('the overview counts under-replicated partitions; the topic page names the missing replica', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    const overview = page.getByRole('region', { name: 'Cluster' });
    await expect(valueOf(overview, 'Under-replicated partitions')).toHaveText(
      /^▲?[1-9]\d* \(needs attention\)$/,
      {
        timeout: FAILOVER_TIMEOUT_MS,
      },
    );
    await expect(valueOf(overview, 'Offline partitions')).toHaveText('0');

    await page.goto(`/topics/${TOPIC}`);
    const partitions = page.getByRole('table', { name: 'Partitions' });
    await expect(dataRows(partitions)).toHaveCount(PARTITIONS);
    // Replication factor 3 on 3 brokers: the killed broker holds a replica of every partition.
    for (let partition = 0; partition < PARTITIONS; partition++) {
      const replication = dataRows(partitions).nth(partition).getByRole('cell').last();
      await expect(replication).toContainText(`broker ${victim}: not in ISR (broker down)`, {
        timeout: FAILOVER_TIMEOUT_MS,
      });
      await expect(replication).toContainText('under-replicated');
    }
    await screenshots(page, 'topic-under-replicated');
  });

  await test.step('the admin starts the broker again from the console; the ISR is whole again', async () => {
    await page.goto('/brokers');
    const drills = page.getByRole('region', { name: 'Fault drills' });
    await drills.getByRole('button', { name: `Start broker ${victim}` }).click();
    await expect(drills.getByRole('status')).toHaveText(`Start: broker ${victim}.`);
    await expect(drills.getByRole('listitem', { name: `Broker ${victim} process` })).toContainText(
      /running \(pid \d+\)/,
    );
    await expect(brokerRow(page, victim)).toContainText('alive', { timeout: FAILOVER_TIMEOUT_MS });
    await expect(brokerRow(page, victim).getByRole('cell').nth(7)).toHaveText('0', {
      timeout: FAILOVER_TIMEOUT_MS,
    });

    await page.goto(`/topics/${TOPIC}`);
    const partitions = page.getByRole('table', { name: 'Partitions' });
    for (let partition = 0; partition < PARTITIONS; partition++)
      await expect(dataRows(partitions).nth(partition).getByRole('cell').last()).toHaveText('in sync', {
        timeout: FAILOVER_TIMEOUT_MS,
      });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await expect(
      valueOf(page.getByRole('region', { name: 'Cluster' }), 'Under-replicated partitions'),
    ).toHaveText('0', { timeout: FAILOVER_TIMEOUT_MS });
  });

  await test.step('both drills are in the audit log', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    const log = page.getByRole('table', { name: 'Audit log' });
    const drills = dataRows(log).filter({ hasText: /broker\.(kill|start)/ });
    await expect(drills).toHaveCount(2);
    await expect(drills.nth(0).getByRole('cell').nth(2)).toHaveText('broker.start');
    await expect(drills.nth(0).getByRole('cell').nth(3)).toHaveText(`broker ${victim}`);
    await expect(drills.nth(1).getByRole('cell').nth(2)).toHaveText('broker.kill');
    await expect(drills.nth(1).getByRole('cell').nth(3)).toHaveText(`broker ${victim}`);
    await expect(drills.nth(1).getByRole('cell').nth(4)).toContainText('"action":"SIGKILL"');
  });

  await test.step('a viewer sees no drill controls, and the server refuses a drill sent anyway', async () => {
    const created = await callApi(page, 'users.create', { ...VIEWER, role: 'viewer' });
    expect(created.status).toBe(200);
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await signIn(page, '/brokers', VIEWER);
    await expect(dataRows(page.getByRole('table', { name: 'Brokers' }))).toHaveCount(3);
    await expect(brokerRow(page, victim)).toContainText('alive');
    await expect(page.getByRole('region', { name: 'Fault drills' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(Stop|Kill|Pause|Resume|Start) broker/ })).toHaveCount(0);

    const answer = await callApi(page, 'brokers.drill', { op: 'kill', nodeId: victim });
    expect(answer.status).toBe(403);
    expect(answer.body.error?.json.data.code).toBe('FORBIDDEN');
    await page.reload();
    await expect(brokerRow(page, victim)).toContainText('alive');
  });
});
