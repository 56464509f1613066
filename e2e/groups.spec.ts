/**
 * Consumer groups in the console against real clients: the sluice CLI creates a topic, kcat produces to each
 * partition and runs consumer groups on the embedded broker, and the pages must show the offsets and lag the
 * test computes from what it produced and what the group committed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ARTIFACTS, bodyBackground, dataRows, valueOf } from './support/page.ts';
import { BOOTSTRAP, run } from './support/processes.ts';
import { signIn } from './support/sign-in.ts';

const SLUICE_BIN = join(import.meta.dirname, '..', 'node_modules', '.bin', 'sluice');

const TOPIC = 'e2e-orders';
/** A space in the id: it travels through a URL to the detail page and back. */
const GROUP = 'e2e orders app';
/** Reads everything and commits it; "%41" must not turn into "A" on the way through the URL. */
const CAUGHT_UP_GROUP = 'e2e caught-up %41';
const READER_CLIENT_ID = 'e2e-reader';

/** Records produced to partitions 0, 1, 2 before the group reads them all and commits, and after. */
const BEFORE = [5, 3, 0];
const AFTER = [4, 0, 2];

interface ExpectedPartition {
  partition: number;
  committedOffset: number | null;
  logEndOffset: number;
  lag: number;
}

/**
 * What the group's lag must be: it committed the end of each partition it read, and a partition it never
 * committed (nothing was in it) counts from the log start offset, 0 here.
 */
const EXPECTED: ExpectedPartition[] = BEFORE.map((before, partition) => {
  const logEndOffset = before + AFTER[partition]!;
  const committedOffset = before > 0 ? before : null;
  return { partition, committedOffset, logEndOffset, lag: logEndOffset - (committedOffset ?? 0) };
});
const TOTAL_LAG = EXPECTED.reduce((sum, p) => sum + p.lag, 0);

function produce(partition: number, count: number): Promise<string> {
  const lines = Array.from({ length: count }, (_, i) => `order-${partition}-${i}\n`).join('');
  return run('kcat', ['-b', BOOTSTRAP, '-P', '-t', TOPIC, '-p', String(partition)], lines);
}

/** A balanced consumer that reads to the end of every partition and commits as it leaves (-e). */
function consumeToEnd(group: string): Promise<string> {
  return run('kcat', ['-b', BOOTSTRAP, '-G', group, '-X', 'auto.offset.reset=earliest', '-q', '-e', TOPIC]);
}

/**
 * A member that stays in the group and reads, but commits nothing: with offset storing off, librdkafka's auto
 * commit has no offset to send (kcat stores each consumed offset itself, so enable.auto.commit=false is not it).
 */
function startReader(group: string): ChildProcess {
  return spawn(
    'kcat',
    [
      '-b',
      BOOTSTRAP,
      '-G',
      group,
      '-X',
      'enable.auto.offset.store=false',
      '-X',
      'auto.offset.reset=earliest',
      '-X',
      `client.id=${READER_CLIENT_ID}`,
      '-q',
      TOPIC,
    ],
    { stdio: 'ignore' },
  );
}

/** The lag in time of a lagging partition: seconds or minutes, as the console writes them. */
const LAG_TIME = /^(under 1 s|\d+ s|\d+ min \d+ s)$/;
/**
 * A status badge reads "OK: keeping up" and the like (its icon is decoration). The group's status follows Burrow's
 * rules over sample rounds this test does not time, so any verdict is accepted where there is lag.
 */
const GROUP_STATUS = /^\W?(OK|WARN|ERR): /;
const PARTITION_STATUS = /^\W?(OK|WARN|STOP|STALL|REWIND): /;
const STATUS_OK = /^\W?OK: keeping up$/;

test('consumer groups: lag per group and per partition matches what was produced and committed', async ({
  page,
}) => {
  // Up to one lag sample round (30 s) must pass before the history has a point with the test's lag.
  test.setTimeout(150_000);

  await run(SLUICE_BIN, [
    'topics',
    'create',
    '--bootstrap-server',
    BOOTSTRAP,
    '--topic',
    TOPIC,
    '--partitions',
    '3',
  ]);
  for (const [partition, count] of BEFORE.entries()) if (count > 0) await produce(partition, count);
  await consumeToEnd(GROUP);

  await signIn(page, '/groups');
  await expect(page.getByRole('heading', { level: 1, name: 'Consumer groups' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Consumer groups' }),
  ).toHaveAttribute('aria-current', 'page');
  const groups = page.getByRole('table', { name: 'Consumer groups' });
  const groupRow = dataRows(groups).filter({ has: page.getByRole('link', { name: GROUP, exact: true }) });
  // Everything read and committed, nobody left in the group.
  await expect(groupRow.getByRole('cell')).toHaveText([GROUP, 'Empty', '0', '0', '0 s', GROUP_STATUS]);

  let reader: ChildProcess | undefined;
  try {
    for (const [partition, count] of AFTER.entries()) if (count > 0) await produce(partition, count);
    await consumeToEnd(CAUGHT_UP_GROUP);
    reader = startReader(GROUP);

    // The page refreshes itself: no reload between the first reading and this one.
    await expect(groupRow.getByRole('cell')).toHaveText(
      [GROUP, 'Stable', '1', String(TOTAL_LAG), LAG_TIME, GROUP_STATUS],
      { timeout: 30_000 },
    );
    const caughtUpRow = dataRows(groups).filter({ has: page.getByRole('link', { name: CAUGHT_UP_GROUP }) });
    await expect(caughtUpRow.getByRole('cell')).toHaveText([
      CAUGHT_UP_GROUP,
      'Empty',
      '0',
      '0',
      '0 s',
      STATUS_OK,
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'groups-light.png'), fullPage: true });

    // Numbers sort largest first on the first click: the group furthest behind comes to the top.
    const firstGroup = dataRows(groups).first().getByRole('link');
    await groups.getByRole('button', { name: 'Total lag' }).click();
    await expect(groups.getByRole('columnheader', { name: 'Total lag' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(firstGroup).toHaveText(GROUP);
    await groups.getByRole('button', { name: 'Total lag' }).click();
    await expect(groups.getByRole('columnheader', { name: 'Total lag' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expect(firstGroup).toHaveText(CAUGHT_UP_GROUP);

    const filter = page.getByRole('searchbox', { name: 'Filter groups' });
    await filter.fill('caught-up');
    await expect(dataRows(groups)).toHaveCount(1);
    await expect(firstGroup).toHaveText(CAUGHT_UP_GROUP);
    await filter.fill('no such group');
    await expect(groups.getByRole('cell')).toHaveText(['Nothing matches “no such group”.']);
    await filter.fill('');

    await page.getByRole('link', { name: CAUGHT_UP_GROUP }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CAUGHT_UP_GROUP);
    await expect(page).toHaveTitle(`${CAUGHT_UP_GROUP} · Consumer groups · Sluice console`);
    // Loaded afresh rather than navigated to in the page, the id must come out the same.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CAUGHT_UP_GROUP);
    await expect(page).toHaveTitle(`${CAUGHT_UP_GROUP} · Consumer groups · Sluice console`);
    await expect(valueOf(page.getByRole('region', { name: 'Summary' }), 'Total lag')).toHaveText('0 records');
    await expect(valueOf(page.getByRole('region', { name: 'Summary' }), 'Drain estimate')).toHaveText(
      'drained',
    );
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'Consumer groups' })
      .click();

    await page.getByRole('link', { name: GROUP, exact: true }).click();
    await expect(page).toHaveURL(`/groups/${encodeURIComponent(GROUP)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(GROUP);
    await expect(page).toHaveTitle(`${GROUP} · Consumer groups · Sluice console`);

    const summary = page.getByRole('region', { name: 'Summary' });
    await expect(valueOf(summary, 'State')).toHaveText('Stable');
    await expect(valueOf(summary, 'Status')).toHaveText(GROUP_STATUS);
    await expect(valueOf(summary, 'Total lag')).toHaveText(`${TOTAL_LAG} records`);
    await expect(valueOf(summary, 'Max lag (time)')).toHaveText(LAG_TIME);
    await expect(valueOf(summary, 'Members')).toHaveText('1');
    // The reader consumes without committing: no rate to go by yet, or a consume rate of zero.
    await expect(valueOf(summary, 'Drain estimate')).toHaveText(/^(unknown|never at the current rates)/);

    const members = page.getByRole('list', { name: 'Members' });
    await expect(members.getByRole('listitem')).toHaveCount(1);
    await expect(members.getByRole('listitem')).toContainText(READER_CLIENT_ID);
    await expect(valueOf(members, TOPIC)).toHaveText('partitions 0, 1, 2');

    const partitions = page.getByRole('table', { name: 'Partitions' });
    await expect(dataRows(partitions)).toHaveCount(EXPECTED.length);
    for (const [index, p] of EXPECTED.entries()) {
      await expect(dataRows(partitions).nth(index).getByRole('cell')).toHaveText([
        TOPIC,
        String(p.partition),
        p.committedOffset === null ? 'none' : String(p.committedOffset),
        String(p.logEndOffset),
        String(p.lag),
        p.lag === 0 ? '0 s' : LAG_TIME,
        p.lag === 0 ? STATUS_OK : PARTITION_STATUS,
        READER_CLIENT_ID,
      ]);
    }

    const history = page.getByRole('figure', { name: 'Lag of the whole group' });
    await expect(history).toContainText(`Lag now ${TOTAL_LAG} records`, { timeout: 75_000 });
    await expect(history.locator('svg.recharts-surface')).toBeVisible();
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: `${TOPIC} partition 0` });
    await expect(page.getByRole('figure', { name: `Lag of ${TOPIC} partition 0` })).toContainText(
      `Lag now ${EXPECTED[0]!.lag} records`,
    );

    const lightBackground = await bodyBackground(page);
    await page.screenshot({ path: join(ARTIFACTS, 'group-detail-light.png'), fullPage: true });
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect.poll(() => bodyBackground(page)).not.toBe(lightBackground);
    const darkBackground = await bodyBackground(page);

    // The choice outlives the page, and the stored theme is on <html> before the body is parsed: no flash.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtFirstBody: string | null }).themeAtFirstBody =
          document.documentElement.getAttribute('data-theme');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(
      await page.evaluate(() => (window as unknown as { themeAtFirstBody: string | null }).themeAtFirstBody),
    ).toBe('dark');
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(await bodyBackground(page)).toBe(darkBackground);
    await expect(dataRows(page.getByRole('table', { name: 'Partitions' }))).toHaveCount(EXPECTED.length);
    await expect(page.getByRole('figure', { name: 'Lag of the whole group' })).toContainText(
      `Lag now ${TOTAL_LAG} records`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'group-detail-dark.png'), fullPage: true });

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Consumer groups' })
      .click();
    await expect(groupRow.getByRole('cell').nth(3)).toHaveText(String(TOTAL_LAG));
    await page.screenshot({ path: join(ARTIFACTS, 'groups-dark.png'), fullPage: true });
  } finally {
    reader?.kill('SIGTERM');
  }
});
