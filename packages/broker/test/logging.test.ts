/**
 * The broker's log through a pipe: one JSON object per line (pino), every existing message text kept, and at
 * debug level each request with its API and client id, never a record's value or a SASL password.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { tempDataDir } from './support/broker-process.ts';

const CLI = fileURLToPath(new URL('../../../apps/cli/bin/sluice.mjs', import.meta.url));
const SECRET_VALUE = 'record-value-that-must-not-be-logged';
const PASSWORD = 'sasl-password-that-must-not-be-logged';

interface LogLine {
  time: string;
  level: string;
  name: string;
  msg: string;
}

describe('broker logs', () => {
  it('are JSON lines on a pipe, with requests at debug and no record values or credentials', async () => {
    const child = spawn(
      CLI,
      [
        'broker',
        '--data-dir',
        tempDataDir(),
        '--port',
        '0',
        '--config',
        'listeners=SASL_PLAINTEXT://127.0.0.1:0',
        '--config',
        'sasl.enabled.mechanisms=PLAIN',
        '--config',
        `listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="${PASSWORD}";`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SLUICE_LOG_LEVEL: 'debug' } },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start:\n${stderr}`)), 30_000);
        child.stderr.on('data', () => {
          const match = /listening on 127\.0\.0\.1:(\d+) \(SASL_PLAINTEXT\)/.exec(stderr);
          if (match) {
            clearTimeout(timer);
            resolve(Number(match[1]));
          }
        });
      });
      const kafka = new Kafka({
        clientId: 'logging-test-client',
        brokers: [`127.0.0.1:${port}`],
        sasl: { mechanism: 'plain', username: 'alice', password: PASSWORD },
        logLevel: logLevel.NOTHING,
      });
      const producer = kafka.producer({ allowAutoTopicCreation: true });
      await producer.connect();
      await producer.send({ topic: 'logged', acks: -1, messages: [{ value: SECRET_VALUE }] });
      await producer.disconnect();
    } finally {
      child.kill('SIGTERM');
      await exited;
    }

    const lines = stderr.split('\n').filter((line) => line !== '');
    const entries = lines.map((line) => JSON.parse(line) as LogLine);
    for (const entry of entries) {
      assert.match(entry.time, /^\d{4}-\d\d-\d\dT/);
      assert.ok(['debug', 'info', 'warn', 'error'].includes(entry.level), entry.level);
      assert.equal(typeof entry.msg, 'string');
    }
    const messages = entries.map((e) => `${e.level} [${e.name}] ${e.msg}`);
    assert.ok(
      messages.some((m) => /^info \[broker\] Sluice broker 1 listening on /.test(m)),
      'message kept',
    );
    assert.ok(messages.includes('info [broker] Sluice broker stopped cleanly'), 'the clean stop is logged');
    assert.ok(
      messages.some((m) =>
        /^debug \[broker\] Produce v\d+ correlation \d+ from 127\.0\.0\.1:\d+ client logging-test-client as User:alice$/.test(
          m,
        ),
      ),
      `the Produce request at debug:\n${messages.join('\n')}`,
    );
    assert.ok(!stderr.includes(SECRET_VALUE), 'no record value in the log');
    assert.ok(!stderr.includes(PASSWORD), 'no password in the log');
  });
});
