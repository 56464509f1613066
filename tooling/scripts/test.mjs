#!/usr/bin/env node
/**
 * `npm test`: everything CI runs, in order, with one closing line the CI reads.
 *
 * 1. Installs the system tools the tests use when they are missing (Debian packages; CI runs as root).
 *    A missing tool is installed, never a reason to skip a test.
 * 2. Typecheck (turbo, every workspace), lint (eslint, whole tree) and the console's production build, which the
 *    server tests serve (built once, so that test files running side by side do not each build it).
 * 3. Every `*.test.ts` under apps/, packages/, tooling/ with node:test (unit and integration tests), two files at a
 *    time, then the few that measure time or rates alone.
 * 4. The Playwright end-to-end tests in e2e/ against the real server in Debian's Chromium.
 *
 * Prints `N passed, N failed` last; exits non-zero when anything failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const results = [];

/** What the tests need from Debian, and how to tell each is present. */
const SYSTEM_REQUIREMENTS = [
  { package: 'kcat', present: () => commandExists('kcat') },
  { package: 'python3-confluent-kafka', present: () => debianPythonHas('confluent_kafka') },
  { package: 'python3-kafka', present: () => debianPythonHas('kafka') },
  { package: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  { package: 'golang-go', present: () => commandExists('go') },
  {
    package: 'golang-github-shopify-sarama-dev',
    present: () => existsSync('/usr/share/gocode/src/github.com/Shopify/sarama'),
  },
  { package: 'burrow', present: () => existsSync('/usr/bin/Burrow') },
  { package: 'zookeeper', present: () => existsSync('/usr/share/java/zookeeper.jar') },
  { package: 'default-jre-headless', present: () => existsSync('/usr/bin/java') },
  { package: 'prometheus', present: () => commandExists('promtool') },
];

function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function debianPythonHas(module) {
  return spawnSync('/usr/bin/python3', ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args, options = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', killSignal: 'SIGKILL', ...options });
  if (result.error?.code === 'ETIMEDOUT')
    console.error(`${command} ran past ${options.timeout / 1000} s and was killed`);
  return { ok: result.status === 0, seconds: (Date.now() - started) / 1000 };
}

/**
 * Like run, but also returns what the command wrote to stdout (still shown as it comes), for reading a reporter's
 * totals from it.
 */
function runCapturingStdout(command, args, { timeout }) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      stdout += chunk.toString();
    });
    const timer = setTimeout(() => {
      console.error(`${command} ran past ${timeout / 1000} s and was killed`);
      child.kill('SIGKILL');
    }, timeout);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, seconds: (Date.now() - started) / 1000, stdout });
    });
  });
}

/**
 * Bounds on each phase, so that a hung test becomes a failure with a closing line instead of a CI timeout
 * (CI allows 90 minutes for install and tests together). A single test may run 10 minutes; the longest take 2.
 */
const TEST_TIMEOUT_MS = 10 * 60_000;
const NODE_TEST_PHASE_TIMEOUT_MS = { shared: 40 * 60_000, exclusive: 10 * 60_000 };
const E2E_PHASE_TIMEOUT_MS = 20 * 60_000;

function record(name, outcome) {
  results.push({ name, ...outcome });
  console.log(`${outcome.ok ? 'PASS' : 'FAIL'} ${name} (${outcome.seconds.toFixed(1)} s)`);
}

function installSystemRequirements() {
  const missing = SYSTEM_REQUIREMENTS.filter((requirement) => !requirement.present()).map((r) => r.package);
  if (missing.length === 0) return { ok: true, seconds: 0 };
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let outcome = run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  if (!outcome.ok) {
    run('apt-get', ['update'], { env });
    outcome = run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  }
  const stillMissing = SYSTEM_REQUIREMENTS.filter((requirement) => !requirement.present());
  if (stillMissing.length > 0) {
    console.error(`could not install: ${stillMissing.map((r) => r.package).join(', ')}`);
    return { ok: false, seconds: outcome.seconds };
  }
  return outcome;
}

function findTestFiles(directory) {
  const files = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...findTestFiles(path));
    else if (entry.name.endsWith('.test.ts')) files.push(relative(root, path));
  }
  return files;
}

/**
 * Reads the totals node:test's spec reporter prints last (`ℹ pass N`, `ℹ fail N`, ...). They are read from stdout,
 * not from a reporter file: --test-force-exit ends the runner before a file destination is flushed.
 */
function specTotals(stdout) {
  const count = (label) =>
    Number([...stdout.matchAll(new RegExp(`^ℹ ${label} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);
  return {
    pass: count('pass'),
    fail: count('fail') + count('cancelled'),
    skipped: count('skipped') + count('todo'),
  };
}

/** Reads Playwright's JSON report totals. */
function playwrightTotals(file) {
  if (!existsSync(file)) return { pass: 0, fail: 0, skipped: 0 };
  const stats = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  return {
    pass: stats.expected ?? 0,
    fail: (stats.unexpected ?? 0) + (stats.flaky ?? 0),
    skipped: stats.skipped ?? 0,
  };
}

const totals = { pass: 0, fail: 0, skipped: 0 };
function addTotals(name, counts, outcome) {
  totals.pass += counts.pass;
  totals.fail += counts.fail;
  totals.skipped += counts.skipped;
  // A runner that reported no totals ran nothing we can count: that is a failure, not a pass.
  if (counts.pass + counts.fail + counts.skipped === 0) outcome = { ...outcome, ok: false };
  // A runner that failed without reporting a failing test (a crash, a timeout) still counts as one failure.
  if (!outcome.ok && counts.fail === 0) totals.fail += 1;
  record(`${name}: ${counts.pass} passed, ${counts.fail} failed, ${counts.skipped} skipped`, outcome);
}

const reports = mkdtempSync(join(tmpdir(), 'sluice-test-'));
process.env.NEXT_TELEMETRY_DISABLED = '1';

const setup = installSystemRequirements();
record('system requirements', setup);
totals[setup.ok ? 'pass' : 'fail'] += 1;

for (const [name, command, args] of [
  ['typecheck', 'npx', ['turbo', 'run', 'typecheck', '--output-logs=errors-only']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  // The server tests serve the console's production build. Built once here: test files that run side by side
  // must not each start a `next build` in this checkout (the second refuses to run beside the first).
  [
    'console build',
    'npx',
    ['turbo', 'run', 'build', '--filter=@sluice/console', '--output-logs=errors-only'],
  ],
]) {
  const outcome = run(command, args);
  record(name, outcome);
  totals[outcome.ok ? 'pass' : 'fail'] += 1;
  if (name === 'console build' && outcome.ok) process.env.SLUICE_CONSOLE_BUILT = '1';
}

/**
 * Test files that measure rates or wall-clock time against a limit (quotas held within 20 %, a decode under 50 ms,
 * timer ticks): they run alone, after the rest, so that no other test shares the two cores with them.
 */
const EXCLUSIVE_TEST_FILES = new Set([
  'packages/broker/test/quota-clients.test.ts',
  'packages/broker/test/client-quotas.test.ts',
  'packages/protocol/test/fuzz.test.ts',
  'packages/api/src/router/health.test.ts',
]);

/**
 * Every other file runs two at a time (node:test's default on two cores is one). Test files share nothing: each
 * starts its brokers and servers on ports the OS picks, in data folders of its own, and the fault tests create
 * network namespaces, tmpfs mounts and processes whose names are unique to their run.
 */
const SHARED_TEST_CONCURRENCY = 2;

function nodeTest(files, concurrency, timeout) {
  return runCapturingStdout(
    'node',
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${concurrency}`,
      `--test-timeout=${TEST_TIMEOUT_MS}`,
      // A test file whose event loop stays alive after its tests ended (a client that never exits) must not hang
      // the run: its timed-out test already counts as failed.
      '--test-force-exit',
      '--test-reporter=spec',
      ...files,
    ],
    { timeout },
  );
}

const testFiles = ['apps', 'packages', 'tooling'].flatMap((dir) => findTestFiles(join(root, dir))).sort();
const missingExclusive = [...EXCLUSIVE_TEST_FILES].filter((file) => !testFiles.includes(file));
if (missingExclusive.length > 0)
  throw new Error(`EXCLUSIVE_TEST_FILES names missing files: ${missingExclusive}`);
const sharedFiles = testFiles.filter((file) => !EXCLUSIVE_TEST_FILES.has(file));
const shared = await nodeTest(sharedFiles, SHARED_TEST_CONCURRENCY, NODE_TEST_PHASE_TIMEOUT_MS.shared);
addTotals(`node:test, two at a time (${sharedFiles.length} files)`, specTotals(shared.stdout), shared);
const exclusive = await nodeTest([...EXCLUSIVE_TEST_FILES], 1, NODE_TEST_PHASE_TIMEOUT_MS.exclusive);
addTotals(
  `node:test, one at a time (${EXCLUSIVE_TEST_FILES.size} files)`,
  specTotals(exclusive.stdout),
  exclusive,
);

const playwrightReport = join(reports, 'playwright.json');
const e2eDataDir = join(reports, 'e2e-data');
const e2e = run('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], {
  env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport, SLUICE_E2E_DATA_DIR: e2eDataDir },
  timeout: E2E_PHASE_TIMEOUT_MS,
});
addTotals('playwright e2e', playwrightTotals(playwrightReport), e2e);

rmSync(reports, { recursive: true, force: true });

console.log('\nSummary');
for (const result of results) console.log(`  ${result.ok ? 'PASS' : 'FAIL'} ${result.name}`);
if (totals.skipped > 0) {
  console.log(`${totals.skipped} tests were skipped: skipping is a defect in this project`);
  totals.fail += totals.skipped;
}
console.log(`${totals.pass} passed, ${totals.fail} failed`);
process.exit(totals.fail === 0 ? 0 : 1);
