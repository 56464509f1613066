/**
 * The console of a 3-broker cluster started by `sluice cluster --console-port` (the shared fixture of
 * support/cluster.ts), which shows the cluster through the remote ClusterSource, over the Kafka protocol:
 * - the Brokers page lists three live brokers and the metadata quorum; an admin kills a broker from the
 *   console; the overview counts under-replicated partitions, the topic page names the replica that left the
 *   ISR, and its ISR timeline records the shrink and the leader change (with its epoch) of each partition the
 *   broker led, each with its time; with the broker down, the Brokers page with its drills and the topic page
 *   with its ISR timeline and reassignment form pass axe-core; the admin starts the broker again from the
 *   console, the ISR is whole again and the timeline records the rejoin; the drills are in the audit log; a
 *   viewer is offered no drills and the server refuses one sent anyway;
 * - an admin pauses a broker (SIGSTOP): it is fenced once its session times out, and alive again once resumed
 *   (SIGCONT); stopped gracefully (SIGTERM) it exits cleanly, and it is alive again once started; each drill is
 *   in the audit log.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { callApi } from './support/api.ts';
import { expectAccessible } from './support/axe.ts';
import { test } from './support/cluster.ts';
import { dataRows, screenshots, valueOf } from './support/page.ts';
import { signIn } from './support/sign-in.ts';

const TOPIC = 'e2e-cluster-replicated';
const PARTITIONS = 3;
const VIEWER = { username: 'e2e-cluster-viewer', password: 'cluster-viewer-password' };
/** Fencing takes broker.session.timeout.ms (3 s) after the last heartbeat; the ISR shrinks within replica.lag.time.max.ms. */
const FAILOVER_TIMEOUT_MS = 30_000;
/** A time as the console shows it: "08:20:46 PM" or "20:20:46", by the browser's locale. */
const SHOWN_TIME = String.raw`\d{1,2}:\d{2}:\d{2}(\s?[AP]M)?`;

function brokerRow(page: Page, nodeId: number) {
  // The node id is the first cell; other cells (partition counts) may hold the same number.
  return dataRows(page.getByRole('table', { name: 'Brokers' })).filter({
    has: page.locator('td:first-child', { hasText: new RegExp(`^${nodeId}$`) }),
  });
}

/**
 * A broker that does not lead the metadata quorum, as the Brokers page tells: a drill on it leaves the quorum its
 * leader.
 */
async function brokerOffTheQuorumLeader(page: Page): Promise<number> {
  const leader = valueOf(page.getByRole('region', { name: 'Quorum' }), 'Leader');
  await expect(leader).toHaveText(/^broker [123]$/);
  const leaderId = Number(/\d+/.exec((await leader.textContent()) ?? '')![0]);
  return [3, 2, 1].find((nodeId) => nodeId !== leaderId)!;
}

function partitionCells(page: Page, partition: number): Locator {
  return dataRows(page.getByRole('table', { name: 'Partitions' }))
    .nth(partition)
    .getByRole('cell');
}

/** Shows `partition` in the topic page's ISR timeline; resolves to its list of events, newest first. */
async function timelineOf(page: Page, partition: number): Promise<Locator> {
  const timeline = page.getByRole('region', { name: 'ISR timeline' });
  await timeline.getByLabel('Partition', { exact: true }).selectOption(String(partition));
  return timeline.getByRole('list', { name: `Events of partition ${partition} in the last hour` });
}

/** The newest event of the list that reads `text` (after its time). */
function newestEvent(events: Locator, text: string): Locator {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return events
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`${escaped}$`) })
    .first();
}

/** The event is shown with its time, which is between `from` and now. */
async function expectTimeSince(event: Locator, from: number): Promise<void> {
  const time = event.getByRole('time');
  await expect(time).toHaveText(new RegExp(`^${SHOWN_TIME}$`));
  const at = Date.parse((await time.getAttribute('datetime')) ?? '');
  expect(at, `${await event.textContent()} at ${new Date(at).toISOString()}`).toBeGreaterThanOrEqual(from);
  expect(at).toBeLessThanOrEqual(Date.now());
}

/** Broker `nodeId`'s lane in the ISR timeline: its spans (leader, in the ISR, out of it) as its accessible name. */
function laneOf(page: Page, nodeId: number): Locator {
  return page
    .getByRole('region', { name: 'ISR timeline' })
    .getByRole('img', { name: new RegExp(`^Broker ${nodeId}: `) });
}

/** Runs a drill from the Fault drills card and waits for the console to confirm it. */
async function drill(page: Page, label: 'Stop' | 'Kill' | 'Pause' | 'Resume' | 'Start', nodeId: number) {
  const drills = page.getByRole('region', { name: 'Fault drills' });
  await drills.getByRole('button', { name: `${label} broker ${nodeId}` }).click();
  await expect(drills.getByRole('status')).toHaveText(`${label}: broker ${nodeId}.`);
}

function processOf(page: Page, nodeId: number): Locator {
  return page
    .getByRole('region', { name: 'Fault drills' })
    .getByRole('listitem', { name: `Broker ${nodeId} process` });
}

/** The audit log's broker drills, newest first. */
async function drillsInTheAuditLog(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  return dataRows(page.getByRole('table', { name: 'Audit log' })).filter({
    hasText: /broker\.(stop|kill|pause|resume|start)/,
  });
}

async function expectDrillEntry(entry: Locator, action: string, nodeId: number, signal: string) {
  await expect(entry.getByRole('cell').nth(2)).toHaveText(action);
  await expect(entry.getByRole('cell').nth(3)).toHaveText(`broker ${nodeId}`);
  await expect(entry.getByRole('cell').nth(4)).toContainText(`"action":"${signal}"`);
}

test('brokers, the quorum, a broker killed and started again from the console, and the ISR timeline of both', async ({
  page,
  cluster,
}) => {
  test.setTimeout(300_000);
  // The console of `sluice cluster` shows the brokers over the wire: these pages prove the remote ClusterSource.
  expect(cluster.output()).toContain(`Showing the Kafka cluster at ${cluster.bootstrap}`);
  await cluster.createTopic(TOPIC, { partitions: PARTITIONS, replicationFactor: 3 });
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

    victim = await brokerOffTheQuorumLeader(page);
    await screenshots(page, 'brokers');
  });

  const leadersBefore: number[] = [];
  await test.step('before the drill, every partition is in sync and the ISR timeline has sampled it', async () => {
    await page.goto(`/topics/${TOPIC}`);
    for (let partition = 0; partition < PARTITIONS; partition++) {
      await expect(partitionCells(page, partition).last()).toHaveText('in sync', {
        timeout: FAILOVER_TIMEOUT_MS,
      });
      leadersBefore.push(Number(await partitionCells(page, partition).nth(1).textContent()));
    }
    // Sampled with the whole ISR: a partition first seen after the kill would have no shrink to show.
    for (let partition = 0; partition < PARTITIONS; partition++) {
      await timelineOf(page, partition);
      await expect(laneOf(page, victim)).toHaveAccessibleName(
        new RegExp(`^Broker ${victim}: .*(leader|in the ISR) from ${SHOWN_TIME}$`),
        { timeout: FAILOVER_TIMEOUT_MS },
      );
    }
    await page.goto('/brokers');
  });

  let killedAt = 0;
  await test.step('an admin kills a broker from the console', async () => {
    await expect(processOf(page, victim)).toContainText(/running \(pid \d+\)/);
    killedAt = Date.now();
    await drill(page, 'Kill', victim);
    await expect(processOf(page, victim)).toContainText('exited (SIGKILL)');
    await expect(brokerRow(page, victim)).toContainText('fenced or down', { timeout: FAILOVER_TIMEOUT_MS });
    await expect(brokerRow(page, victim)).toContainText('process exited (SIGKILL)');
    await screenshots(page, 'brokers-one-down');
    await expect(valueOf(page.getByRole('region', { name: 'Brokers summary' }), 'Fenced or down')).toHaveText(
      /^■?1 \(critical\)$/,
    );
  });

  const leadersAfter: { leader: string; epoch: string }[] = [];
  await test.step('the overview counts under-replicated partitions; the topic page names the missing replica', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    const overview = page.getByRole('region', { name: 'Cluster' });
    await expect(valueOf(overview, 'Under-replicated partitions')).toHaveText(
      /^▲?[1-9]\d* \(needs attention\)$/,
      { timeout: FAILOVER_TIMEOUT_MS },
    );
    await expect(valueOf(overview, 'Offline partitions')).toHaveText('0');

    await page.goto(`/topics/${TOPIC}`);
    await expect(dataRows(page.getByRole('table', { name: 'Partitions' }))).toHaveCount(PARTITIONS);
    // Replication factor 3 on 3 brokers: the killed broker holds a replica of every partition.
    for (let partition = 0; partition < PARTITIONS; partition++) {
      const replication = partitionCells(page, partition).last();
      await expect(replication).toContainText(`broker ${victim}: not in ISR (broker down)`, {
        timeout: FAILOVER_TIMEOUT_MS,
      });
      await expect(replication).toContainText('under-replicated');
      const leader = partitionCells(page, partition).nth(1);
      await expect(leader).not.toHaveText(String(victim));
      leadersAfter.push({
        leader: (await leader.textContent())!,
        epoch: (await partitionCells(page, partition).nth(2).textContent())!,
      });
    }
    await screenshots(page, 'topic-under-replicated');
  });

  await test.step('the ISR timeline records the shrink, and the new leader and epoch of each partition the broker led', async () => {
    for (let partition = 0; partition < PARTITIONS; partition++) {
      const events = await timelineOf(page, partition);
      const left = newestEvent(events, `Replica ${victim} left the ISR`);
      await expect(left).toBeVisible({ timeout: FAILOVER_TIMEOUT_MS });
      await expectTimeSince(left, killedAt);
      if (leadersBefore[partition] === victim) {
        const { leader, epoch } = leadersAfter[partition]!;
        const moved = newestEvent(events, `Leader changed from ${victim} to ${leader} (epoch ${epoch})`);
        await expect(moved).toBeVisible({ timeout: FAILOVER_TIMEOUT_MS });
        await expectTimeSince(moved, killedAt);
      }
      await expect(laneOf(page, victim)).toHaveAccessibleName(
        new RegExp(
          `^Broker ${victim}: .*(leader|in the ISR) from ${SHOWN_TIME}, out of the ISR from ${SHOWN_TIME}$`,
        ),
      );
    }
    await screenshots(page, 'topic-isr-shrink');
  });

  await test.step('with the broker down, the topic page and the Brokers page with its drills pass axe-core', async () => {
    await expectAccessible(page, `/topics/${TOPIC}`, async (p) => {
      await expect(partitionCells(p, 0).last()).toContainText('under-replicated');
      await expect(p.getByRole('form', { name: 'Reassign a partition' })).toBeVisible();
      await expect(laneOf(p, victim)).toHaveAccessibleName(/out of the ISR from/);
    });
    await expectAccessible(page, '/brokers', async (p) => {
      await expect(brokerRow(p, victim)).toContainText('fenced or down');
      await expect(p.getByRole('button', { name: `Start broker ${victim}` })).toBeEnabled();
      await expect(p.getByRole('table', { name: 'Quorum replicas' }).getByRole('row')).toHaveCount(4);
    });
  });

  let startedAt = 0;
  await test.step('the admin starts the broker again from the console; the ISR is whole again', async () => {
    await page.goto('/brokers');
    startedAt = Date.now();
    await drill(page, 'Start', victim);
    await expect(processOf(page, victim)).toContainText(/running \(pid \d+\)/);
    await expect(brokerRow(page, victim)).toContainText('alive', { timeout: FAILOVER_TIMEOUT_MS });
    await expect(brokerRow(page, victim).getByRole('cell').nth(7)).toHaveText('0', {
      timeout: FAILOVER_TIMEOUT_MS,
    });

    await page.goto(`/topics/${TOPIC}`);
    for (let partition = 0; partition < PARTITIONS; partition++)
      await expect(partitionCells(page, partition).last()).toHaveText('in sync', {
        timeout: FAILOVER_TIMEOUT_MS,
      });
  });

  await test.step('the ISR timeline records the rejoin', async () => {
    for (let partition = 0; partition < PARTITIONS; partition++) {
      const events = await timelineOf(page, partition);
      const joined = newestEvent(events, `Replica ${victim} joined the ISR`);
      await expect(joined).toBeVisible({ timeout: FAILOVER_TIMEOUT_MS });
      await expectTimeSince(joined, startedAt);
      await expect(laneOf(page, victim)).toHaveAccessibleName(
        new RegExp(
          `^Broker ${victim}: .*out of the ISR from ${SHOWN_TIME}, (in the ISR|leader) from ${SHOWN_TIME}(, .*)?$`,
        ),
      );
    }
    await screenshots(page, 'topic-isr-rejoin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await expect(
      valueOf(page.getByRole('region', { name: 'Cluster' }), 'Under-replicated partitions'),
    ).toHaveText('0', { timeout: FAILOVER_TIMEOUT_MS });
  });

  await test.step('both drills are in the audit log', async () => {
    const drills = await drillsInTheAuditLog(page);
    await expectDrillEntry(drills.nth(0), 'broker.start', victim, 'started with its command line');
    await expectDrillEntry(drills.nth(1), 'broker.kill', victim, 'SIGKILL');
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

test('a broker paused and resumed, then stopped gracefully and started, from the console', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, '/brokers');
  for (const nodeId of [1, 2, 3])
    await expect(brokerRow(page, nodeId)).toContainText('alive', { timeout: FAILOVER_TIMEOUT_MS });
  const victim = await brokerOffTheQuorumLeader(page);
  const processRow = processOf(page, victim);
  await expect(processRow).toContainText(/running \(pid \d+\)/);
  const pid = /running \(pid (\d+)\)/.exec((await processRow.textContent()) ?? '')![1];

  await test.step('paused (SIGSTOP), the broker is fenced once its session times out', async () => {
    await drill(page, 'Pause', victim);
    await expect(processRow).toContainText(`paused (pid ${pid})`);
    await expect(processRow.getByRole('button', { name: `Resume broker ${victim}` })).toBeEnabled();
    await expect(processRow.getByRole('button', { name: `Pause broker ${victim}` })).toBeDisabled();
    await expect(brokerRow(page, victim)).toContainText('fenced or down', { timeout: FAILOVER_TIMEOUT_MS });
    await expect(brokerRow(page, victim)).toContainText(`process paused (pid ${pid})`);
    await screenshots(page, 'brokers-paused');
  });

  await test.step('resumed (SIGCONT), the same process is alive again', async () => {
    await drill(page, 'Resume', victim);
    await expect(processRow).toContainText(`running (pid ${pid})`);
    await expect(brokerRow(page, victim)).toContainText('alive', { timeout: FAILOVER_TIMEOUT_MS });
  });

  await test.step('stopped (SIGTERM), the broker shuts down and its process exits cleanly', async () => {
    await drill(page, 'Stop', victim);
    await expect(processRow).toContainText('exited cleanly (code 0)', { timeout: FAILOVER_TIMEOUT_MS });
    await expect(brokerRow(page, victim)).toContainText('fenced or down', { timeout: FAILOVER_TIMEOUT_MS });
    await expect(brokerRow(page, victim)).toContainText('process exited cleanly (code 0)');
  });

  await test.step('started again, a new process is alive', async () => {
    await drill(page, 'Start', victim);
    await expect(processRow).toContainText(/running \(pid \d+\)/);
    await expect(processRow).not.toContainText(`(pid ${pid})`);
    await expect(brokerRow(page, victim)).toContainText('alive', { timeout: FAILOVER_TIMEOUT_MS });
  });

  await test.step('the four drills are in the audit log, newest first', async () => {
    const drills = await drillsInTheAuditLog(page);
    await expectDrillEntry(drills.nth(0), 'broker.start', victim, 'started with its command line');
    await expectDrillEntry(drills.nth(1), 'broker.stop', victim, 'SIGTERM');
    await expectDrillEntry(drills.nth(2), 'broker.resume', victim, 'SIGCONT');
    await expectDrillEntry(drills.nth(3), 'broker.pause', victim, 'SIGSTOP');
  });
});
