/**
 * Running the console as its admin, a viewer and an operator, against the real server and real clients: the
 * overview shows the embedded broker and live traffic; the admin adds users (the shared schema refuses a short
 * password, the server refuses to delete or demote the last admin); the viewer is offered no changes and the
 * server refuses one sent anyway; the operator resets a group's offsets (checked with the sluice CLI), is told
 * why a live group cannot be reset or deleted, deletes it once empty, and finds all of it in the audit log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { callApi } from './support/api.ts';
import { dataRows, screenshots, valueOf } from './support/page.ts';
import { BOOTSTRAP, run, sluice } from './support/processes.ts';
import { E2E_ADMIN, signIn } from './support/sign-in.ts';

const KAFKA_PORT = process.env.SLUICE_E2E_KAFKA_PORT;

const TOPIC = 'e2e-admin-events';
/** Written to while the overview is open, so its traffic has something to show. */
const TRAFFIC_TOPIC = 'e2e-admin-traffic';
const GROUP = 'e2e-admin-readers';
/** Records produced to partitions 0 and 1; the group reads them all and commits the log end offsets. */
const RECORDS = [4, 2];
/** The viewer is created with a first password; the admin then sets this one, which the viewer signs in with. */
const VIEWER = { username: 'e2e-ops-viewer', password: 'viewer-password-2' };
const VIEWER_FIRST_PASSWORD = 'viewer-password-1';
const OPERATOR = { username: 'e2e-ops-operator', password: 'operator-password-1' };
/** More role changes than an audit page holds (100), so the user creations are on the second page. */
const ROLE_CHANGES = 100;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function produce(topic: string, partition: number, count: number): Promise<string> {
  const lines = Array.from({ length: count }, (_, i) => `event-${partition}-${i}\n`).join('');
  return run('kcat', ['-b', BOOTSTRAP, '-P', '-t', topic, '-p', String(partition)], lines);
}

/** Produces a record every 100 ms until stopped, so the bytes in a second stay above zero for a while. */
function startProducer(topic: string): { stop: () => Promise<void> } {
  const child = spawn('kcat', ['-b', BOOTSTRAP, '-P', '-t', topic, '-p', '0'], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  let sent = 0;
  const timer = setInterval(() => child.stdin.write(`traffic-${sent++}\n`), 100);
  return {
    stop: () => {
      clearInterval(timer);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.stdin.end();
      return exited;
    },
  };
}

/**
 * A member that stays in the group without committing (see groups.spec.ts). A short session timeout lets the
 * coordinator drop it soon after it is stopped, however it leaves.
 */
function startReader(): ChildProcess {
  return spawn(
    'kcat',
    [
      '-b',
      BOOTSTRAP,
      '-G',
      GROUP,
      '-X',
      'enable.auto.offset.store=false',
      '-X',
      'session.timeout.ms=6000',
      '-q',
      TOPIC,
    ],
    { stdio: 'ignore' },
  );
}

/** The group's rows of `sluice groups describe`: [partition, current offset, log end offset, lag]. */
async function describedOffsets(): Promise<string[][]> {
  const output = await sluice(['groups', 'describe', '--group', GROUP]);
  return output
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells[0] === GROUP && cells[1] === TOPIC)
    .map((cells) => cells.slice(2, 6));
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

test('admin, viewer and operator: overview, users, offset reset, group deletion and the audit log', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const groupPath = `/groups/${encodeURIComponent(GROUP)}`;

  await sluice(['topics', 'create', '--topic', TOPIC, '--partitions', String(RECORDS.length)]);
  await sluice(['topics', 'create', '--topic', TRAFFIC_TOPIC, '--partitions', '1']);
  for (const [partition, count] of RECORDS.entries()) await produce(TOPIC, partition, count);
  // Reads to the end of both partitions and commits as it leaves: an Empty group with committed offsets.
  await run('kcat', ['-b', BOOTSTRAP, '-G', GROUP, '-X', 'auto.offset.reset=earliest', '-q', '-e', TOPIC]);
  expect(await describedOffsets()).toEqual(
    RECORDS.map((count, p) => [String(p), String(count), String(count), '0']),
  );

  await test.step('the admin sees the cluster and its live traffic', async () => {
    await signIn(page, '/');
    await expect(page.getByRole('heading', { level: 1, name: 'Sluice' })).toBeVisible();
    const cluster = page.getByRole('region', { name: 'Cluster' });
    await expect(valueOf(cluster, 'Brokers')).toHaveText('1');
    await expect(valueOf(cluster, 'Topics')).toHaveText(/^[1-9]\d*$/);
    await expect(valueOf(cluster, 'Under-replicated partitions')).toHaveText('0');
    await expect(valueOf(cluster, 'Offline partitions')).toHaveText('0');
    await expect(valueOf(cluster, 'Consumer groups')).toContainText(/^[1-9]\d*/);

    const brokers = page.getByRole('table', { name: 'Brokers' });
    await expect(dataRows(brokers)).toHaveCount(1);
    await expect(dataRows(brokers).getByRole('cell')).toHaveText([
      /^\d+$/,
      '127.0.0.1',
      String(KAFKA_PORT),
      'none',
      'controller',
    ]);
    const nodeId = await dataRows(brokers).getByRole('cell').first().textContent();
    await expect(valueOf(cluster, 'Controller')).toHaveText(`broker ${nodeId}`);

    const traffic = page.getByRole('region', { name: 'Traffic' });
    await expect(traffic.getByRole('status', { name: 'Connection' })).toHaveText('Live');
    const points = async () =>
      Number(/(\d+) points?, one a second/.exec((await traffic.textContent()) ?? '')?.[1] ?? 0);
    await expect.poll(points).toBeGreaterThanOrEqual(1);
    const first = await points();
    await expect.poll(points, { timeout: 10_000 }).toBeGreaterThanOrEqual(first + 2);
    await expect(valueOf(traffic, 'Bytes in per second')).toHaveText(/^[\d,.]+ (B|KiB|MiB)\/s$/);
    // Records produced now show as bytes in: the current value, and the sparkline's highest point.
    const producer = startProducer(TRAFFIC_TOPIC);
    try {
      await expect(valueOf(traffic, 'Bytes in per second')).toHaveText(
        /^(?!0 B\/s$)[\d,.]+ (B|KiB|MiB)\/s$/,
        { timeout: 10_000 },
      );
      await expect(
        traffic.getByRole('img', { name: /^Bytes in per second over the last \d+ s: now/ }),
      ).toHaveAccessibleName(/highest (?!0 B\/s)[\d,.]+ (B|KiB|MiB)\/s$/);
    } finally {
      await producer.stop();
    }
    await screenshots(page, 'overview');
  });

  await test.step('the admin adds a viewer and an operator; the schema and the server refuse what they must', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Users', exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    const users = page.getByRole('table', { name: 'Users' });
    await expect(dataRows(users)).toHaveCount(1);
    await expect(dataRows(users).getByRole('cell')).toHaveText([
      `${E2E_ADMIN.username}(you)`,
      'admin',
      'none (role only)',
      TIMESTAMP,
      'Manage',
    ]);

    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Username').fill(VIEWER.username);
    await form.getByLabel('Password').fill('too-short');
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(form.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('a password has at least 12 characters')).toBeVisible();
    await expect(dataRows(users)).toHaveCount(1);

    await form.getByLabel('Password').fill(VIEWER_FIRST_PASSWORD);
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(form.getByRole('status')).toHaveText(`Added ${VIEWER.username} as a viewer.`);
    await expect(form.getByLabel('Username')).toHaveValue('');

    await form.getByLabel('Username').fill(OPERATOR.username);
    await form.getByLabel('Password').fill(OPERATOR.password);
    await form.getByLabel('Role').selectOption('operator');
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(form.getByRole('status')).toHaveText(`Added ${OPERATOR.username} as an operator.`);
    await expect(dataRows(users)).toHaveCount(3);
    await expect(dataRows(users).filter({ hasText: OPERATOR.username }).getByRole('cell')).toHaveText([
      OPERATOR.username,
      'operator',
      'none (role only)',
      TIMESTAMP,
      'Manage',
    ]);

    // The server's refusals show in the dialog: you cannot delete yourself, nor demote the last admin.
    await page.getByRole('button', { name: `Manage ${E2E_ADMIN.username}` }).click();
    const dialog = page.getByRole('dialog', { name: `Manage ${E2E_ADMIN.username}` });
    await dialog.getByRole('button', { name: 'Delete user…' }).click();
    await dialog
      .getByRole('alertdialog')
      .getByRole('button', { name: `Delete ${E2E_ADMIN.username}` })
      .click();
    await expect(dialog.getByRole('alert')).toHaveText('you cannot delete yourself');
    await dialog.getByLabel('Role').selectOption('viewer');
    await dialog.getByRole('button', { name: 'Change role' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('the console needs at least one admin');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(dataRows(users).first().getByRole('cell').nth(1)).toHaveText('admin');

    await page.getByRole('button', { name: `Manage ${VIEWER.username}` }).click();
    const viewerDialog = page.getByRole('dialog', { name: `Manage ${VIEWER.username}` });
    await viewerDialog.getByLabel('New password').fill('too-short');
    await viewerDialog.getByRole('button', { name: 'Set password' }).click();
    await expect(viewerDialog.getByRole('alert')).toHaveText('a password has at least 12 characters');
    await viewerDialog.getByLabel('New password').fill(VIEWER.password);
    await viewerDialog.getByRole('button', { name: 'Set password' }).click();
    await expect(viewerDialog.getByRole('status')).toHaveText(
      `New password set; ${VIEWER.username} was signed out everywhere.`,
    );

    // A Kafka principal: checked by the shared schema, shown in the list, then taken away again.
    const principal = viewerDialog.getByLabel('Kafka principal');
    await principal.fill('e2e-viewer');
    await viewerDialog.getByRole('button', { name: 'Set principal' }).click();
    await expect(viewerDialog.getByRole('alert')).toHaveText(
      'a Kafka principal is TYPE:NAME, e.g. User:alice',
    );
    await principal.fill('User:e2e-viewer');
    await viewerDialog.getByRole('button', { name: 'Set principal' }).click();
    await expect(viewerDialog.getByRole('status')).toHaveText(
      `${VIEWER.username} now acts on the cluster as User:e2e-viewer.`,
    );
    await expect(dataRows(users).filter({ hasText: VIEWER.username }).getByRole('cell').nth(2)).toHaveText(
      'User:e2e-viewer',
    );
    await principal.fill('');
    await viewerDialog.getByRole('button', { name: 'Remove principal' }).click();
    await expect(viewerDialog.getByRole('status')).toHaveText(
      `${VIEWER.username} has no Kafka principal: their role alone decides.`,
    );
    await expect(dataRows(users).filter({ hasText: VIEWER.username }).getByRole('cell').nth(2)).toHaveText(
      'none (role only)',
    );
    await page.keyboard.press('Escape');
    await expect(viewerDialog).toBeHidden();
    await screenshots(page, 'users');

    // Fills the audit log past its first page with role changes that leave the viewer a viewer.
    const viewerId = await page.evaluate(async (username) => {
      const response = await fetch('/api/trpc/users.list');
      const list = (await response.json()) as {
        result: { data: { json: { id: number; username: string }[] } };
      };
      return list.result.data.json.find((user) => user.username === username)!.id;
    }, VIEWER.username);
    for (let i = 0; i < ROLE_CHANGES; i++) {
      const answer = await callApi(page, 'users.setRole', {
        userId: viewerId,
        role: i % 2 === 0 ? 'operator' : 'viewer',
      });
      expect(answer.status).toBe(200);
    }
    await page.reload();
    await expect(dataRows(users).filter({ hasText: VIEWER.username }).getByRole('cell').nth(1)).toHaveText(
      'viewer',
    );
    await signOut(page);
  });

  await test.step('the viewer is offered no changes, and the server refuses one sent anyway', async () => {
    await signIn(page, '/users', VIEWER);
    await expect(page.getByRole('region', { name: 'Admins only' })).toContainText('you are a viewer');
    await expect(page.getByRole('table', { name: 'Users' })).toHaveCount(0);

    await page.goto(groupPath);
    await expect(page.getByRole('banner').getByText(VIEWER.username, { exact: true })).toBeVisible();
    await expect(valueOf(page.getByRole('region', { name: 'Summary' }), 'State')).toHaveText('Empty');
    await expect(dataRows(page.getByRole('table', { name: 'Partitions' }))).toHaveCount(RECORDS.length);
    await expect(page.getByRole('region', { name: 'Reset offsets' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Delete group' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Preview|Apply|Delete/ })).toHaveCount(0);

    // The browser sends its Origin with the POST, so this is the role check answering, not the CSRF one.
    const answer = await callApi(page, 'groups.delete', { groupId: GROUP });
    expect(answer.status).toBe(403);
    expect(answer.body.error?.json.data.code).toBe('FORBIDDEN');
    expect(answer.body.error?.json.message).toBe('this needs the operator role; you are viewer');
    await page.reload();
    await expect(valueOf(page.getByRole('region', { name: 'Summary' }), 'State')).toHaveText('Empty');
    await signOut(page);
  });

  await test.step('the operator previews and applies a reset to earliest, checked with the CLI', async () => {
    await signIn(page, groupPath, OPERATOR);
    const panel = page.getByRole('region', { name: 'Reset offsets' });
    await expect(
      panel.getByRole('radio', { name: 'Every partition the group has committed offsets for' }),
    ).toBeChecked();
    await expect(panel.getByLabel('Reset to')).toHaveValue('earliest');
    await panel.getByRole('button', { name: 'Preview' }).click();

    const preview = panel.getByRole('table', { name: 'Offset reset preview' });
    await expect(dataRows(preview)).toHaveCount(RECORDS.length);
    for (const [partition, count] of RECORDS.entries()) {
      await expect(dataRows(preview).nth(partition).getByRole('cell')).toHaveText([
        TOPIC,
        String(partition),
        String(count),
        '0',
        `−${count}`,
        '0',
        String(count),
      ]);
    }
    await screenshots(page, 'group-reset-preview');
    // A preview commits nothing.
    expect(await describedOffsets()).toEqual(
      RECORDS.map((count, p) => [String(p), String(count), String(count), '0']),
    );

    await panel.getByRole('button', { name: 'Apply…' }).click();
    const confirm = panel.getByRole('alertdialog');
    await expect(confirm).toContainText(
      `Commit the new offsets of ${RECORDS.length} partitions for ${GROUP}?`,
    );
    await confirm.getByRole('button', { name: 'Apply reset' }).click();
    await expect(
      panel.getByText(`Committed new offsets for ${RECORDS.length} partitions of ${GROUP}.`),
    ).toBeVisible();
    await expect(preview).toHaveCount(0);

    expect(await describedOffsets()).toEqual(
      RECORDS.map((count, p) => [String(p), '0', String(count), String(count)]),
    );
    const partitions = page.getByRole('table', { name: 'Partitions' });
    for (const [partition, count] of RECORDS.entries()) {
      await expect(dataRows(partitions).nth(partition).getByRole('cell').nth(2)).toHaveText('0');
      await expect(dataRows(partitions).nth(partition).getByRole('cell').nth(4)).toHaveText(String(count));
    }
  });

  await test.step('a live group can be neither reset nor deleted; the operator deletes it once empty', async () => {
    const summary = page.getByRole('region', { name: 'Summary' });
    const panel = page.getByRole('region', { name: 'Reset offsets' });
    const deletion = page.getByRole('region', { name: 'Delete group' });
    const reader = startReader();
    try {
      await expect(valueOf(summary, 'State')).toHaveText('Stable', { timeout: 30_000 });
      await expect(panel).toContainText('The group is Stable with 1 member');
      await panel.getByRole('button', { name: 'Preview' }).click();
      await expect(panel.getByRole('alert')).toHaveText(
        `Assignments can only be reset if the group '${GROUP}' is inactive, but the current state is Stable.`,
      );
      await deletion.getByLabel(`Type ${GROUP} to confirm`).fill(GROUP);
      await deletion.getByRole('button', { name: 'Delete group' }).click();
      await expect(deletion.getByRole('alert')).toContainText('NON_EMPTY_GROUP');
    } finally {
      reader.kill('SIGTERM');
    }

    await expect(valueOf(summary, 'State')).toHaveText('Empty', { timeout: 30_000 });
    await deletion.getByRole('button', { name: 'Delete group' }).click();
    await expect(page).toHaveURL('/groups');
    await expect(page.getByRole('heading', { level: 1, name: 'Consumer groups' })).toBeVisible();
    await expect(page.getByRole('link', { name: GROUP, exact: true })).toHaveCount(0);
    await expect(describedOffsets()).rejects.toThrow(`Consumer group '${GROUP}' does not exist.`);
  });

  await test.step('the audit log shows who created the users, reset the offsets and deleted the group', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    const log = page.getByRole('table', { name: 'Audit log' });
    const action = page.getByLabel('Action', { exact: true });
    const actor = page.getByLabel('Actor', { exact: true });
    await expect(page.getByText('100 entries loaded; older ones remain')).toBeVisible();

    // Newest first: the group's deletion, then its reset, both by the operator.
    await actor.selectOption(OPERATOR.username);
    await expect(dataRows(log)).toHaveCount(3);
    await expect(dataRows(log).nth(0).getByRole('cell')).toHaveText([
      TIMESTAMP,
      OPERATOR.username,
      'group.delete',
      GROUP,
      '—',
    ]);
    await expect(dataRows(log).nth(1).getByRole('cell')).toHaveText([
      TIMESTAMP,
      OPERATOR.username,
      'group.reset-offsets',
      GROUP,
      /^\{"target":\{"to":"earliest"\},"offsets":\[\{"topic":"e2e-admin-events","partition":0,"from":4,"to":0\}/,
    ]);
    await expect(dataRows(log).nth(2).getByRole('cell').nth(2)).toHaveText('user.login');
    await dataRows(log).nth(1).getByText('{"target"').click();
    await expect(dataRows(log).nth(1).locator('pre')).toContainText('"to": "earliest"');

    // The user creations came before a page of role changes: they are among the older entries.
    await actor.selectOption('');
    await expect(action.locator('option', { hasText: 'user.create' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Load older' }).click();
    await expect(page.getByText(/^\d+ entries loaded, back to the first/)).toBeVisible();
    await action.selectOption('user.create');
    await expect(dataRows(log)).toHaveCount(2);
    await expect(dataRows(log).nth(0).getByRole('cell')).toHaveText([
      TIMESTAMP,
      E2E_ADMIN.username,
      'user.create',
      OPERATOR.username,
      /^\{"role":"operator"\}/,
    ]);
    await expect(dataRows(log).nth(1).getByRole('cell')).toHaveText([
      TIMESTAMP,
      E2E_ADMIN.username,
      'user.create',
      VIEWER.username,
      /^\{"role":"viewer"\}/,
    ]);
    await action.selectOption('');
    await screenshots(page, 'audit');
  });
});
