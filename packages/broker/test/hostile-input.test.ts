/**
 * Malformed frames over live connections: random bytes, lying sizes, unknown API keys and versions, truncated
 * bodies. The broker answers or drops the offending connection, keeps running with bounded memory, and a
 * correct client still works afterwards.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { runOk } from './support/run.ts';

function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

function frame(body: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

function randomBytes(length: number, random: () => number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(random() * 256);
  return out;
}

/** Sends hostile bytes on a fresh connection and resolves when the broker closes it or after a short wait. */
function sendHostile(port: number, payload: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    const timer = setTimeout(() => socket.destroy(), 200);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.write(payload);
  });
}

describe('hostile input over live connections', () => {
  let broker: BrokerProcess;
  before(async () => {
    broker = await startBroker();
  });
  after(async () => {
    await broker.stop();
  });

  it('survives thousands of malformed frames with bounded memory', async () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const payloads: Buffer[] = [];
    for (let i = 0; i < 500; i++) {
      const header = Buffer.alloc(8);
      header.writeInt16BE(Math.floor(random() * 80) - 5, 0);
      header.writeInt16BE(Math.floor(random() * 30) - 5, 2);
      header.writeInt32BE(i, 4);
      payloads.push(
        randomBytes(1 + Math.floor(random() * 64), random),
        frame(randomBytes(Math.floor(random() * 512), random)),
        frame(Buffer.concat([header, randomBytes(Math.floor(random() * 256), random)])),
        Buffer.from([0x7f, 0xff, 0xff, 0xff, 1, 2, 3]),
        Buffer.from([0xff, 0xff, 0xff, 0xf0]),
        Buffer.concat([Buffer.from([0, 0, 0x10, 0]), randomBytes(100, random)]),
      );
    }
    const before = rssKiB(broker.process.pid!);
    for (let i = 0; i < payloads.length; i += 50) {
      await Promise.all(payloads.slice(i, i + 50).map((p) => sendHostile(broker.port, p)));
    }
    // Many hostile frames on ONE connection too: lying lengths inside otherwise well-framed requests.
    const many = Buffer.concat(
      Array.from({ length: 2000 }, (_, i) => {
        const body = Buffer.alloc(16);
        body.writeInt16BE(3, 0);
        body.writeInt16BE(1, 2);
        body.writeInt32BE(i, 4);
        body.writeInt16BE(-1, 8);
        body.writeInt32BE(0x7fffffff, 10);
        return frame(body);
      }),
    );
    await sendHostile(broker.port, many);
    const after = rssKiB(broker.process.pid!);
    assert.equal(broker.process.exitCode, null, `broker exited:\n${broker.output()}`);
    assert.ok(after - before < 200 * 1024, `broker RSS grew from ${before} KiB to ${after} KiB`);
    await runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', 'after-hostile'], { input: 'still works\n' });
    const { stdout } = await runOk('kcat', [
      '-b',
      broker.bootstrap,
      '-C',
      '-t',
      'after-hostile',
      '-o',
      'beginning',
      '-e',
      '-f',
      '%s\n',
    ]);
    assert.equal(stdout.trim(), 'still works');
  });
});
