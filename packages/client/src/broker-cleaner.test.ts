/**
 * What the client makes of a broker's GET /v1/cleaner: the unauthenticated listener's answer is shown only when
 * it is a list of cleaner statuses. Anything else (garbage, an HTTP error, a redirect, too many bytes, no answer
 * or a trickle past the deadline, a refused connection) is a reason, never a throw, and never waits past the
 * deadline. The HTTP cases run against real node:http servers on loopback that misbehave on purpose; a real
 * broker's answers are in packages/api/src/cluster-source/remote-cleaner.test.ts.
 */
import assert from 'node:assert/strict';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { getCleanerStatuses, parseCleanerStatuses } from './broker-cleaner.ts';

const status = {
  topic: 'prices',
  partition: 0,
  cleanupPolicy: 'compact',
  cleanableBytes: 0,
  closedBytes: 1200,
  cleanBytes: 1200,
  uncleanableBytes: 0,
  dirtyRatio: 0,
  firstDirtyOffset: 40,
  firstUncleanableOffset: 40,
  minCleanableDirtyRatio: 0.01,
  eligibility: 'clean',
  dueByMaxLagAt: null,
  cleaning: false,
  lastPass: {
    startedAt: 1_700_000_000_000,
    durationMs: 3,
    segmentsCleaned: 4,
    bytesBefore: 1200,
    bytesAfter: 400,
    recordsRemoved: 30,
    cleanedUpTo: 40,
  },
  passes: 1,
  bytesRemoved: 800,
  recordsRemoved: 30,
  uncleanableReason: null,
};

test("a broker's statuses are kept, fields the API does not show dropped", () => {
  const parsed = parseCleanerStatuses(
    JSON.stringify([status, { ...status, partition: 1, futureField: 'x' }]),
  );
  assert.ok(Array.isArray(parsed));
  assert.deepEqual(
    parsed.map((s) => [s.partition, s.recordsRemoved, s.lastPass?.cleanedUpTo]),
    [
      [0, 30, 40],
      [1, 30, 40],
    ],
  );
  assert.equal('cleanBytes' in parsed[0]!, false);
  assert.equal('futureField' in parsed[1]!, false);
  assert.deepEqual(parseCleanerStatuses('[]'), []);
});

test('an answer that is not JSON, or not cleaner statuses, is a reason that says where', () => {
  assert.match(parseCleanerStatuses('<html>proxy error</html>') as string, /^an answer that is not JSON \(/);
  assert.equal(
    parseCleanerStatuses('{"error":"not found"}'),
    'an answer that is not a list of cleaner statuses (the answer: Invalid input: expected array, received object)',
  );
  assert.match(
    parseCleanerStatuses(JSON.stringify([status, { ...status, dirtyRatio: '0.5' }])) as string,
    /^an answer that is not a list of cleaner statuses \(1\.dirtyRatio: /,
  );
  assert.match(
    parseCleanerStatuses(JSON.stringify([{ ...status, eligibility: 'whenever' }])) as string,
    /\(0\.eligibility: /,
  );
  assert.match(
    parseCleanerStatuses(JSON.stringify([{ ...status, lastPass: { startedAt: 1 } }])) as string,
    /\(0\.lastPass\.durationMs: /,
  );
});

const servers: Server[] = [];
after(() => {
  for (const server of servers) server.closeAllConnections();
  for (const server of servers) server.close();
});

/** A loopback HTTP server answering every request with `handler`; its /v1/cleaner URL. */
async function serving(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/cleaner`;
}

const within = (ms: number) => Date.now() + ms;

test('a well-formed answer is read', async () => {
  const url = await serving((_, res) => res.end(JSON.stringify([status])));
  const read = await getCleanerStatuses(url, within(5_000));
  assert.ok(Array.isArray(read), String(read));
  assert.deepEqual(
    read.map((s) => [s.topic, s.partition, s.recordsRemoved]),
    [['prices', 0, 30]],
  );
});

test('garbage, an HTTP error or a redirect is a reason, the redirect not followed', async () => {
  const html = await serving((_, res) => res.end('<html>proxy error</html>'));
  assert.match(
    await asReason(getCleanerStatuses(html, within(5_000))),
    /^gave an answer that is not JSON \(/,
  );

  const error = await serving((_, res) => {
    res.statusCode = 500;
    res.end('{"statuses": "later"}');
  });
  assert.equal(await getCleanerStatuses(error, within(5_000)), 'answered HTTP 500');

  let followed = false;
  const target = await serving((_, res) => {
    followed = true;
    res.end(JSON.stringify([status]));
  });
  const redirect = await serving((_, res) => {
    res.writeHead(302, { location: target });
    res.end();
  });
  assert.match(await asReason(getCleanerStatuses(redirect, within(5_000))), /^is unreachable \(.*redirect/);
  assert.equal(followed, false, 'the redirect was followed');
});

test('an answer past the byte limit is refused, with or without a content-length', async () => {
  const body = JSON.stringify(Array.from({ length: 20 }, (_, partition) => ({ ...status, partition })));
  assert.ok(body.length > 4_000);
  const declared = await serving((_, res) => res.end(body));
  assert.equal(
    await getCleanerStatuses(declared, within(5_000), 1_000),
    `gave an answer of ${body.length} bytes, more than 1000`,
  );
  const chunked = await serving((_, res) => {
    res.write(body.slice(0, 2_000));
    res.end(body.slice(2_000));
  });
  assert.equal(
    await getCleanerStatuses(chunked, within(5_000), 1_000),
    'gave an answer of more than 1000 bytes',
  );
});

test('a broker that does not answer, or trickles its answer, is given up at the deadline', async () => {
  const silent = await serving(() => {});
  let started = Date.now();
  assert.match(
    await asReason(getCleanerStatuses(silent, within(300))),
    /^gave no whole answer within \d+ ms$/,
  );
  assert.ok(Date.now() - started < 2_000, `waited ${Date.now() - started} ms`);

  const trickle = await serving((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('[');
    const timer = setInterval(() => res.write(' '), 50);
    res.on('close', () => clearInterval(timer));
  });
  started = Date.now();
  assert.match(
    await asReason(getCleanerStatuses(trickle, within(300))),
    /^gave no whole answer within \d+ ms$/,
  );
  assert.ok(Date.now() - started < 2_000, `waited ${Date.now() - started} ms`);
});

test('a refused connection is a reason naming the error', async () => {
  const closed = await serving(() => {});
  const server = servers.pop()!;
  await new Promise((resolve) => server.close(resolve));
  assert.match(await asReason(getCleanerStatuses(closed, within(5_000))), /^is unreachable \(.*ECONNREFUSED/);
});

async function asReason(answer: Promise<unknown>): Promise<string> {
  const value = await answer;
  assert.equal(typeof value, 'string', `statuses, not a reason: ${JSON.stringify(value)}`);
  return value as string;
}
