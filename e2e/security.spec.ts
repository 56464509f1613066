/**
 * Issue 14's proof in the browser, against `sluice serve` with a SASL_PLAINTEXT listener (SCRAM), Kafka's
 * StandardAuthorizer and User:ANONYMOUS (the console, on the PLAINTEXT listener) as the only super user
 * (support/secured-server.ts), and kcat (librdkafka) as the real client:
 * - an admin creates a SCRAM user on the Kafka users page; kcat authenticates as it, and is refused with a
 *   wrong password; the forms refuse hostile input with the shared schema's words;
 * - an operator, on the ACLs page, withholds WRITE (kcat is refused with a topic authorization error), grants it
 *   with a PREFIXED ALLOW (kcat writes), denies it with a LITERAL DENY that wins (refused again) and deletes the
 *   DENY (kcat writes); the "who can do what" check names the rule or ACL that decides each time; the list
 *   filters by principal and by resource; the form refuses a principal without User:;
 * - an operator creates a producer_byte_rate quota for that user on the quotas page; kcat producing as the user
 *   is held near the quota (it would take a fraction of a second without one), and the page shows the user's
 *   observed rate and throttle time, live;
 * - a viewer sees every page without a control, and the server answers 403 to changes sent anyway;
 * - a console alone (`sluice serve --bootstrap-server`, the remote ClusterSource) lists the same users, quotas
 *   and ACLs, answers the check from DescribeAcls and DescribeConfigs, and says plainly that a remote cluster's
 *   observed rates are not available;
 * - every page passes axe-core in the light and the dark theme;
 * - the console of a broker without an authorizer explains SECURITY_DISABLED on the ACL page.
 */
import { spawn } from 'node:child_process';
import { expect, type Browser, type Page } from '@playwright/test';
import { callApi } from './support/api.ts';
import { expectAccessible, violations } from './support/axe.ts';
import { dataRows, screenshots } from './support/page.ts';
import { startRemoteConsole, test, type SecuredServer } from './support/secured-server.ts';
import { signIn } from './support/sign-in.ts';

const TOPIC = 'e2e-secure-orders';
const KAFKA_USER = { name: 'e2e-alice', password: 'alice-scram-secret-9f3' };
const OPERATOR = { username: 'e2e-sec-operator', password: 'sec-operator-password' };
const VIEWER = { username: 'e2e-sec-viewer', password: 'sec-viewer-password' };
/** 128 KiB/s: kcat sends 1 MiB in well under a second without a quota. */
const QUOTA = 131_072;
const PRODUCED_BYTES = 1_048_576;
const RECORD_BYTES = 1024;

/** kcat as the SCRAM user over the SASL_PLAINTEXT listener. */
function kcatArgs(secured: SecuredServer, password = KAFKA_USER.password): string[] {
  return [
    '-b',
    secured.sasl,
    '-X',
    'security.protocol=SASL_PLAINTEXT',
    '-X',
    'sasl.mechanisms=SCRAM-SHA-256',
    '-X',
    `sasl.username=${KAFKA_USER.name}`,
    '-X',
    `sasl.password=${password}`,
  ];
}

/** Runs kcat to its end; resolves with its exit code, stdout and stderr whatever the code. */
function kcat(
  args: string[],
  input = '',
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('kcat', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.end(input);
  });
}

/** "97.5 KiB/s" as bytes a second. */
function bytesPerSecond(text: string): number {
  const match = /([\d.,]+) (B|KiB|MiB|GiB)\/s/.exec(text);
  if (!match) return Number.NaN;
  const unit = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 }[match[2] as 'B' | 'KiB' | 'MiB' | 'GiB'];
  return Number(match[1]!.replace(/,/g, '')) * unit;
}

function quotaRow(page: Page, label: string) {
  return dataRows(page.getByRole('table', { name: 'Client quotas' })).filter({
    has: page.locator('td:first-child', {
      hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    }),
  });
}

/** A page signed in as `user`, in a context of its own (its own session cookie). */
async function signedInAs(browser: Browser, user: { username: string; password: string }, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, path, user);
  return page;
}

/** kcat producing one record as the SCRAM user: Kafka's refusal, as librdkafka words it, or null when written. */
async function produceAsUser(secured: SecuredServer, value: string): Promise<string | null> {
  const produced = await kcat([...kcatArgs(secured), '-P', '-t', TOPIC, '-p', '0'], `${value}\n`);
  const refusal = /Topic authorization failed/i.exec(produced.stderr);
  if (refusal) return refusal[0];
  expect(produced.code, produced.stderr).toBe(0);
  return null;
}

/** The topic's records, read as the super user (the console's principal) on the PLAINTEXT listener. */
async function recordsOf(secured: SecuredServer): Promise<string[]> {
  const out = await secured.sluice(['consume', '--topic', TOPIC, '--from-beginning', '--timeout-ms', '2000']);
  return out.split('\n').filter((line) => line !== '');
}

function aclRows(page: Page) {
  return dataRows(page.getByRole('table', { name: 'ACLs' }));
}

/** Asks the check form whether the user may WRITE to the topic; resolves with the answer region. */
async function checkWrite(page: Page) {
  const form = page.getByRole('form', { name: 'Check an authorization' });
  await form.getByLabel('Resource type').selectOption('TOPIC');
  await form.getByLabel('Resource name').fill(TOPIC);
  await form.getByLabel('Principal').fill(`User:${KAFKA_USER.name}`);
  await form.getByLabel('Host').fill('127.0.0.1');
  await form.getByLabel('Operation').selectOption('WRITE');
  await form.getByRole('button', { name: 'Check' }).click();
  return page.getByRole('status', { name: 'Authorization' });
}

/** Fills and submits the add-ACL form for the user's WRITE on topics. */
async function addWriteAcl(
  page: Page,
  pattern: 'LITERAL' | 'PREFIXED',
  name: string,
  permission: 'ALLOW' | 'DENY',
) {
  const form = page.getByRole('form', { name: 'Add an ACL' });
  await form.getByLabel('Resource type').selectOption('TOPIC');
  await form.getByLabel('Pattern').selectOption(pattern);
  await form.getByLabel('Resource name').fill(name);
  await form.getByLabel('Principal').fill(`User:${KAFKA_USER.name}`);
  await form.getByLabel('Host').fill('*');
  await form.getByLabel('Operation').selectOption('WRITE');
  await form.getByLabel('Permission').selectOption(permission);
  await form.getByRole('button', { name: 'Add ACL' }).click();
  await expect(form.getByRole('status')).toHaveText(
    `Added: ${permission} User:${KAFKA_USER.name} WRITE on TOPIC ${pattern} ${name} from *.`,
  );
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser, secured }) => {
  await secured.sluice(['topics', 'create', '--topic', TOPIC, '--partitions', '1']);
  const page = await browser.newPage();
  await signIn(page, '/');
  for (const [user, role] of [
    [OPERATOR, 'operator'],
    [VIEWER, 'viewer'],
  ] as const) {
    const created = await callApi(page, 'users.create', { ...user, role });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
  }
  await page.close();
});

test('an admin adds a SCRAM user, and kcat authenticates as it', async ({ page, secured }) => {
  await signIn(page, '/kafka-users');
  await expect(page.getByRole('heading', { level: 1, name: 'Kafka users' })).toBeVisible();
  await expect(page.getByText('No SCRAM users yet')).toBeVisible();
  const form = page.getByRole('form', { name: 'Add a SCRAM user' });

  await test.step('the form refuses hostile input with clear messages', async () => {
    await form.getByLabel('User name').fill('');
    await form.getByLabel('Iterations').fill('100');
    await form.getByLabel('Password').fill('x');
    await form.getByRole('button', { name: 'Add SCRAM user' }).click();
    await expect(form.getByText('a user name cannot be empty')).toBeVisible();
    await expect(form.getByText('Kafka needs at least 4096 iterations')).toBeVisible();
    await form.getByLabel('User name').fill('y'.repeat(300));
    await form.getByLabel('Iterations').fill('lots');
    await form.getByRole('button', { name: 'Add SCRAM user' }).click();
    await expect(form.getByText('a user name is at most 255 characters')).toBeVisible();
    await expect(form.getByText('iterations is a whole number')).toBeVisible();
  });

  await test.step('a SCRAM-SHA-256 user with 8,192 iterations', async () => {
    await form.getByLabel('User name').fill(KAFKA_USER.name);
    await form.getByLabel('Mechanism').selectOption('SCRAM-SHA-256');
    await form.getByLabel('Iterations').fill('8192');
    await form.getByLabel('Password').fill(KAFKA_USER.password);
    await form.getByRole('button', { name: 'Add SCRAM user' }).click();
    await expect(form.getByRole('status')).toHaveText(/Added e2e-alice with a SCRAM-SHA-256 credential/);
    const row = dataRows(page.getByRole('table', { name: 'SCRAM users' })).filter({
      hasText: KAFKA_USER.name,
    });
    await expect(row).toContainText(`User:${KAFKA_USER.name}`);
    await expect(row).toContainText('SCRAM-SHA-256 (8,192 iterations)');
  });

  await test.step('kcat authenticates with the password, and is refused with another', async () => {
    const listed = await kcat([...kcatArgs(secured), '-L']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/Metadata for all topics/);
    const refused = await kcat([...kcatArgs(secured, 'not-the-password'), '-L', '-m', '10']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Authentication failed|SASL authentication error/i);
  });

  await test.step('the audit log names the user and mechanism, never the password', async () => {
    await page.goto('/audit');
    const entry = dataRows(page.getByRole('table', { name: 'Audit log' })).filter({
      hasText: 'kafka-user.create',
    });
    await expect(entry).toContainText(KAFKA_USER.name);
    await expect(entry).toContainText('{"mechanism":"SCRAM-SHA-256","iterations":8192}');
    expect(await page.content()).not.toContain(KAFKA_USER.password);
    expect(secured.output()).not.toContain(KAFKA_USER.password);
    await page.goto('/kafka-users');
  });
  await screenshots(page, 'security-kafka-users');
});

test('an operator withholds, grants and denies WRITE with ACLs; kcat is refused and let through accordingly', async ({
  browser,
  secured,
}) => {
  test.setTimeout(90_000);
  const page = await signedInAs(browser, OPERATOR, '/acls');
  await expect(page.getByRole('heading', { level: 1, name: 'ACLs' })).toBeVisible();
  await expect(page.getByText('No ACLs: only super users may do anything')).toBeVisible();

  await test.step('no ACL: kcat is refused with a topic authorization error, and the check says why', async () => {
    expect(await produceAsUser(secured, 'refused-without-acl')).toBe('Topic authorization failed');
    const answer = await checkWrite(page);
    await expect(answer).toContainText('Denied');
    await expect(answer).toContainText(
      `No ACL applies to TOPIC ${TOPIC}, and allow.everyone.if.no.acl.found is false: only super users are allowed.`,
    );
  });

  await test.step('the form refuses a principal without User:, a host that is not an address, an empty name', async () => {
    const form = page.getByRole('form', { name: 'Add an ACL' });
    await form.getByLabel('Principal').fill(KAFKA_USER.name);
    await form.getByLabel('Host').fill('my laptop');
    await form.getByLabel('Resource name').fill('');
    await form.getByRole('button', { name: 'Add ACL' }).click();
    await expect(
      form.getByText('a principal is User:<name>, e.g. User:alice, or User:* for every user'),
    ).toBeVisible();
    await expect(form.getByText('a host is * (any host) or an IP address')).toBeVisible();
    await expect(form.getByText('a resource name cannot be empty')).toBeVisible();
  });

  await test.step('a PREFIXED ALLOW lets kcat write, and the check names it', async () => {
    await addWriteAcl(page, 'PREFIXED', 'e2e-secure-', 'ALLOW');
    await expect(aclRows(page)).toHaveCount(1);
    expect(await produceAsUser(secured, 'allowed-by-prefix')).toBeNull();
    const answer = await checkWrite(page);
    await expect(answer).toContainText('Allowed');
    await expect(answer).toContainText(
      `Decided by the ACL ALLOW User:${KAFKA_USER.name} WRITE on TOPIC PREFIXED e2e-secure- from *, and no DENY matches.`,
    );
  });

  await test.step('a LITERAL DENY on the topic wins over it: kcat is refused again', async () => {
    await addWriteAcl(page, 'LITERAL', TOPIC, 'DENY');
    await expect(aclRows(page)).toHaveCount(2);
    expect(await produceAsUser(secured, 'refused-by-deny')).toBe('Topic authorization failed');
    const answer = await checkWrite(page);
    await expect(answer).toContainText('Denied');
    await expect(answer).toContainText(
      `Decided by the ACL DENY User:${KAFKA_USER.name} WRITE on TOPIC LITERAL ${TOPIC} from *: a matching DENY wins over any ALLOW.`,
    );
  });

  await test.step('the list filters by principal and by the resource ACLs apply to', async () => {
    const filter = page.getByRole('form', { name: 'Filter ACLs' });
    await filter.getByLabel('Principal').fill('nobody');
    await filter.getByRole('button', { name: 'Apply filter' }).click();
    await expect(filter.getByText('a principal is User:<name>')).toBeVisible();
    await filter.getByLabel('Principal').fill('User:nobody');
    await filter.getByRole('button', { name: 'Apply filter' }).click();
    await expect(page.getByText('No ACL matches this filter.')).toBeVisible();
    await filter.getByLabel('Principal').fill('');
    await filter.getByLabel('Resource type').selectOption('TOPIC');
    await filter.getByLabel('Applies to resource').fill('e2e-secure-other');
    await filter.getByRole('button', { name: 'Apply filter' }).click();
    await expect(aclRows(page)).toHaveCount(1);
    await expect(aclRows(page)).toContainText('PREFIXED');
    await filter.getByRole('button', { name: 'Clear' }).click();
    await expect(aclRows(page)).toHaveCount(2);
  });

  await test.step('deleting the DENY lets kcat through; every record written is there', async () => {
    await aclRows(page)
      .filter({ hasText: 'DENY' })
      .getByRole('button', { name: /^Delete DENY/ })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete ACL' }).click();
    await expect(aclRows(page)).toHaveCount(1);
    expect(await produceAsUser(secured, 'allowed-again')).toBeNull();
    expect(await recordsOf(secured)).toEqual(['allowed-by-prefix', 'allowed-again']);
  });

  await test.step('each change is in the audit log', async () => {
    await page.goto('/audit');
    const rows = dataRows(page.getByRole('table', { name: 'Audit log' }));
    await expect(rows.filter({ hasText: 'acl.create' })).toHaveCount(2);
    await expect(rows.filter({ hasText: 'acl.delete' })).toContainText(
      `DENY User:${KAFKA_USER.name} WRITE on TOPIC LITERAL ${TOPIC} from *`,
    );
  });
  await page.goto('/acls');
  await expect(aclRows(page)).toHaveCount(1);
  await screenshots(page, 'security-acls');
  await page.context().close();
});

test('an operator sets a producer quota on the user; kcat is held to it, and the page shows it live', async ({
  browser,
  secured,
}) => {
  test.setTimeout(120_000);
  const page = await signedInAs(browser, OPERATOR, '/quotas');
  await expect(page.getByRole('heading', { level: 1, name: 'Quotas' })).toBeVisible();
  await expect(page.getByText('No client quotas')).toBeVisible();
  const form = page.getByRole('form', { name: 'Add a quota' });

  await test.step('the form refuses what Kafka would', async () => {
    await form.getByLabel('User', { exact: true }).fill(KAFKA_USER.name);
    await form.getByLabel('producer_byte_rate').fill('10 MB');
    await form.getByLabel('consumer_byte_rate').fill('1.5');
    await form.getByRole('button', { name: 'Add quota' }).click();
    await expect(form.getByText('a quota is a number')).toBeVisible();
    await expect(form.getByText('consumer_byte_rate is a whole number of bytes a second')).toBeVisible();
  });

  await test.step(`producer_byte_rate=${QUOTA} for user=${KAFKA_USER.name}`, async () => {
    await form.getByLabel('producer_byte_rate').fill(String(QUOTA));
    await form.getByLabel('consumer_byte_rate').fill('');
    await form.getByRole('button', { name: 'Add quota' }).click();
    await expect(form.getByRole('status')).toHaveText(
      `Quotas set for user=${KAFKA_USER.name}. Every broker enforces them from its next metadata update.`,
    );
    const row = quotaRow(page, `user=${KAFKA_USER.name}`);
    await expect(row).toContainText('producer_byte_rate 131,072 B/s (128 KiB/s)');
    await expect(row).toContainText('no clients');
  });

  await test.step('kcat producing 1 MiB as the user is held near the quota, and the page shows it', async () => {
    const records = Array.from({ length: PRODUCED_BYTES / RECORD_BYTES }, (_, i) =>
      `${i}`.padEnd(RECORD_BYTES - 1, '.'),
    ).join('\n');
    const producing = kcat(
      [...kcatArgs(secured), '-P', '-t', TOPIC, '-p', '0', '-X', 'batch.size=16384'],
      `${records}\n`,
      90_000,
    );
    const row = quotaRow(page, `user=${KAFKA_USER.name}`);
    // Entity, Quotas, Produce (observed), Fetch (observed).
    const produceCell = row.getByRole('cell').nth(2);
    await expect(produceCell).toContainText(/throttled [\d,]+ ms/, { timeout: 30_000 });
    await expect
      .poll(async () => bytesPerSecond((await produceCell.textContent()) ?? ''), { timeout: 30_000 })
      .toBeGreaterThan(QUOTA / 2);
    const produced = await producing;
    expect(produced.code, produced.stderr).toBe(0);
    const rate = PRODUCED_BYTES / (produced.ms / 1000);
    // The broker lets a new client burst by (quota.window.num - 1) windows of its quota before it throttles
    // (Kafka's algorithm), so the measured rate lies above the quota; without one, kcat sends this much in well
    // under a second.
    expect(rate, `kcat produced at ${Math.round(rate)} B/s`).toBeLessThan(QUOTA * 2);
    await screenshots(page, 'security-quotas');
  });
  await page.context().close();
});

test('a viewer sees the security pages without a control, and the server refuses changes', async ({
  browser,
}) => {
  const page = await signedInAs(browser, VIEWER, '/kafka-users');
  await expect(dataRows(page.getByRole('table', { name: 'SCRAM users' }))).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Manage / })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Add a SCRAM user' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Admins change SCRAM users' })).toBeVisible();

  await page.goto('/quotas');
  await expect(quotaRow(page, `user=${KAFKA_USER.name}`)).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Add a quota' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Operators change quotas' })).toBeVisible();

  await page.goto('/acls');
  await expect(dataRows(page.getByRole('table', { name: 'ACLs' }))).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Delete / })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Add an ACL' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Operators change ACLs' })).toBeVisible();
  const answer = await checkWrite(page);
  await expect(answer).toContainText('Allowed');

  for (const [path, input] of [
    ['kafkaUsers.create', { user: 'mallory', mechanism: 'SCRAM-SHA-256', iterations: 4096, password: 'p' }],
    ['kafkaUsers.delete', { user: KAFKA_USER.name, mechanism: 'SCRAM-SHA-256' }],
    ['quotas.delete', { entity: { user: KAFKA_USER.name } }],
    [
      'acls.create',
      {
        resourceType: 'TOPIC',
        patternType: 'LITERAL',
        resourceName: '*',
        principal: 'User:*',
        host: '*',
        operation: 'ALL',
        permissionType: 'ALLOW',
      },
    ],
  ] as const) {
    const answer = await callApi(page, path, input);
    expect(answer.status, path).toBe(403);
    expect(answer.body.error?.json.data.code).toBe('FORBIDDEN');
  }
  await page.context().close();
});

test('a console showing the cluster over the Kafka protocol alone reads the same, and says it sees no rates', async ({
  browser,
  secured,
}) => {
  test.setTimeout(120_000);
  const remote = await startRemoteConsole(secured.plaintext);
  const context = await browser.newContext({ baseURL: remote.url });
  try {
    const page = await context.newPage();
    await signIn(page, '/kafka-users');
    await expect(dataRows(page.getByRole('table', { name: 'SCRAM users' }))).toContainText(
      'SCRAM-SHA-256 (8,192 iterations)',
    );

    await page.goto('/quotas');
    await expect(page.getByRole('note')).toContainText(
      'Observed rates and throttle times are not shown: this console shows a remote Kafka cluster',
    );
    const row = quotaRow(page, `user=${KAFKA_USER.name}`);
    await expect(row).toContainText('producer_byte_rate 131,072 B/s (128 KiB/s)');
    await expect(row.getByRole('cell').nth(2)).toHaveText('—not available from a remote cluster');
    await expect(page.getByRole('status', { name: 'Observed rates' })).toHaveCount(0);

    await page.goto('/acls');
    await expect(aclRows(page)).toHaveCount(1);
    const answer = await checkWrite(page);
    await expect(answer).toContainText('Allowed');
    await expect(answer).toContainText(
      `Decided by the ACL ALLOW User:${KAFKA_USER.name} WRITE on TOPIC PREFIXED e2e-secure- from *`,
    );
    await page
      .getByRole('form', { name: 'Check an authorization' })
      .getByLabel('Principal')
      .fill('User:ANONYMOUS');
    await page
      .getByRole('form', { name: 'Check an authorization' })
      .getByRole('button', { name: 'Check' })
      .click();
    await expect(answer).toContainText('User:ANONYMOUS is a super user (super.users)');

    await expectAccessible(page, '/quotas', async (p) => {
      await expect(p.getByRole('note')).toBeVisible();
      await expect(quotaRow(p, `user=${KAFKA_USER.name}`)).toHaveCount(1);
    });
  } finally {
    await context.close();
    await remote.stop();
  }
});

test('the security pages pass axe-core in both themes', async ({ page }) => {
  await signIn(page, '/kafka-users');
  await expectAccessible(page, '/kafka-users', async (p) => {
    await expect(dataRows(p.getByRole('table', { name: 'SCRAM users' }))).toHaveCount(1);
  });
  await expectAccessible(page, '/quotas', async (p) => {
    await expect(p.getByRole('status', { name: 'Observed rates' })).toHaveText('Live');
  });
  await expectAccessible(page, '/acls', async (p) => {
    await expect(dataRows(p.getByRole('table', { name: 'ACLs' }))).toHaveCount(1);
    const answer = await checkWrite(p);
    await expect(answer).toContainText('Allowed');
  });
  await page.goto('/kafka-users');
  await page.getByRole('button', { name: `Manage ${KAFKA_USER.name}` }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations(page), 'the manage dialog').toEqual([]);
});

test('a console whose broker has no authorizer explains SECURITY_DISABLED on the ACL page', async ({
  browser,
}) => {
  // The server playwright.config.ts starts for every spec: `npm start`'s broker, without an authorizer.
  const context = await browser.newContext({
    baseURL: `http://127.0.0.1:${process.env.SLUICE_E2E_CONSOLE_PORT}`,
  });
  const page = await context.newPage();
  await signIn(page, '/acls');
  const notice = page.getByRole('region', { name: 'No authorizer' });
  await expect(notice).toContainText('This cluster has no authorizer (SECURITY_DISABLED)');
  await expect(notice).toContainText(
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
  );
  await expect(page.getByRole('form', { name: 'Add an ACL' })).toHaveCount(0);
  // No error blob (Next.js's route announcer, outside main, is an empty alert of its own).
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await expectAccessible(page, '/acls', async (p) => {
    await expect(p.getByRole('region', { name: 'No authorizer' })).toBeVisible();
  });
  await context.close();
});
