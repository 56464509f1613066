import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planCluster } from './cluster.ts';

const plan = (httpPort?: number) =>
  planCluster({
    brokers: 3,
    dataDir: '/tmp/d',
    port: 9092,
    host: '127.0.0.1',
    configs: new Map(),
    clusterId: 'c',
    ...(httpPort === undefined ? {} : { httpPort }),
  });

const httpPortArg = (args: string[]) => {
  const at = args.indexOf('--http-port');
  return at < 0 ? null : args[at + 1];
};

test('sluice cluster gives broker K the metrics port HPORT+K-1 on its command line', () => {
  const layout = plan(10092);
  assert.deepEqual(
    layout.brokers.map((b) => [b.httpPort, httpPortArg(b.args)]),
    [
      [10092, '10092'],
      [10093, '10093'],
      [10094, '10094'],
    ],
  );
});

test("-1 turns every broker's endpoint off; without httpPort each broker picks its own default", () => {
  assert.deepEqual(
    plan(-1).brokers.map((b) => httpPortArg(b.args)),
    ['-1', '-1', '-1'],
  );
  assert.deepEqual(
    plan().brokers.map((b) => [b.httpPort, httpPortArg(b.args)]),
    [
      [null, null],
      [null, null],
      [null, null],
    ],
  );
});
