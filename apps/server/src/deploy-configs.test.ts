/**
 * The monitoring files in deploy/ against what Sluice serves: the Grafana dashboard is JSON Grafana can load,
 * the Prometheus rules and config pass `promtool check`, and every series the dashboard and the rules name is
 * one a broker's /metrics (sluice.http.port) or the console server's /metrics declares.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { Broker } from '@sluice/broker';
import { openDatabase, type ConsoleDatabase } from '@sluice/db';
import { metricFamilies } from '../../../packages/broker/test/support/prometheus-text.ts';
import { ServerMetrics } from './prometheus.ts';

const DEPLOY = fileURLToPath(new URL('../../../deploy/', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'sluice-deploy-'));
process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
let broker: Broker;
let database: ConsoleDatabase;
/** Every metric family served, by name, with its type. */
let families: Map<string, string>;

before(async () => {
  broker = await Broker.start({
    dataDir: join(dataDir, 'kafka-logs'),
    port: 0,
    configs: new Map([['sluice.http.port', '0']]),
  });
  database = await openDatabase(join(dataDir, 'console.db'));
  const brokerText = await (await fetch(`http://127.0.0.1:${broker.httpPort}/metrics`)).text();
  const serverText = await new ServerMetrics({ broker: null, cluster: null, db: database.db }).text();
  families = new Map([...metricFamilies(brokerText), ...metricFamilies(serverText)]);
});

after(async () => {
  await broker?.close();
  database?.close();
});

/** Series names in PromQL text: Sluice's, Kafka's and the process's. */
function seriesNamed(text: string): Set<string> {
  return new Set(text.match(/\b(?:kafka|sluice|process|nodejs)_[a-z0-9_]+/g) ?? []);
}

/** Whether `name` is a served family, or a histogram's _bucket/_sum/_count series. */
function served(name: string): boolean {
  if (families.has(name)) return true;
  const histogram = /^(.*)_(?:bucket|sum|count)$/.exec(name)?.[1];
  return histogram !== undefined && families.get(histogram) === 'histogram';
}

function promtool(args: string[]): { status: number | null; output: string } {
  if (spawnSync('sh', ['-c', 'command -v promtool'], { stdio: 'ignore' }).status !== 0) {
    // As npm test does: a missing tool is installed (Debian's prometheus package has promtool), never skipped.
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'prometheus'], {
      env,
      stdio: 'ignore',
    });
  }
  const result = spawnSync('promtool', args, { cwd: DEPLOY, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('the Grafana dashboard is valid JSON whose queries name only served series', () => {
  const dashboard = JSON.parse(readFileSync(join(DEPLOY, 'grafana', 'sluice-dashboard.json'), 'utf8')) as {
    panels: { type: string; title: string; targets?: { expr: string }[] }[];
    templating: { list: { query?: unknown }[] };
  };
  const queries = [
    ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)),
    ...dashboard.templating.list.map((v) => JSON.stringify(v.query ?? '')),
  ];
  assert.ok(dashboard.panels.filter((p) => p.type !== 'row').every((p) => (p.targets ?? []).length > 0));
  const named = seriesNamed(queries.join('\n'));
  assert.ok(named.size >= 15, `the dashboard covers the broker: ${[...named].join(', ')}`);
  const missing = [...named].filter((name) => !served(name));
  assert.deepEqual(missing, [], 'series the dashboard charts that /metrics does not serve');
});

test('the Prometheus alert rules pass promtool and name only served series', () => {
  const check = promtool(['check', 'rules', 'prometheus/alerts.yml']);
  assert.equal(check.status, 0, check.output);
  assert.match(check.output, /SUCCESS: 5 rules found/);
  const named = seriesNamed(readFileSync(join(DEPLOY, 'prometheus', 'alerts.yml'), 'utf8'));
  for (const expected of [
    'sluice_consumergroup_status',
    'kafka_server_replicamanager_underreplicatedpartitions',
    'kafka_log_logcleanermanager_uncleanable_partitions_count',
  ])
    assert.ok(named.has(expected), `a rule on ${expected}`);
  const missing = [...named].filter((name) => !served(name));
  assert.deepEqual(missing, [], 'series the rules use that /metrics does not serve');
});

test('the Prometheus config passes promtool and scrapes three brokers and the console', () => {
  const check = promtool(['check', 'config', 'prometheus/prometheus.yml']);
  assert.equal(check.status, 0, check.output);
  const config = readFileSync(join(DEPLOY, 'prometheus', 'prometheus.yml'), 'utf8');
  assert.match(config, /targets: \['127\.0\.0\.1:10092', '127\.0\.0\.1:10093', '127\.0\.0\.1:10094'\]/);
});
