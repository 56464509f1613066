/**
 * kafka-configs.sh's SCRAM flags through `sluice configs` against a real broker: credentials added with
 * `--add-config 'SCRAM-SHA-256=[iterations=8192,password=...]'` authenticate kcat (librdkafka), `--describe`
 * prints them beside the user's quotas as Kafka's tool does, a mechanism removed with `--delete-config` no longer
 * authenticates, and bad input is refused with Kafka's messages and a non-zero exit. No password reaches the
 * broker's log or the tool's output.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startBroker, type BrokerProcess } from '../../../packages/broker/test/support/broker-process.ts';
import { run } from '../../../packages/broker/test/support/run.ts';

const CLI = fileURLToPath(new URL('../bin/sluice.mjs', import.meta.url));
const ALICE_256 = 'alice-Sha256-secret-4417';
const ALICE_512 = 'alice-Sha512-secret-8093';

describe('sluice configs with SCRAM credentials', () => {
  let broker: BrokerProcess;
  const outputs: string[] = [];
  const configs = async (...args: string[]) => {
    const result = await run(
      process.execPath,
      [CLI, 'configs', '--bootstrap-server', broker.bootstrap, ...args],
      { timeoutMs: 30_000 },
    );
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  /** kcat -L over SASL_PLAINTEXT: exit code 0 only when the broker accepted the credential. */
  const kcatAs = (mechanism: string, username: string, password: string) =>
    run(
      'kcat',
      [
        '-b',
        `127.0.0.1:${broker.ports.SASL_PLAINTEXT}`,
        '-X',
        'security.protocol=SASL_PLAINTEXT',
        '-X',
        `sasl.mechanisms=${mechanism}`,
        '-X',
        `sasl.username=${username}`,
        '-X',
        `sasl.password=${password}`,
        '-L',
        '-m',
        '10',
      ],
      { timeoutMs: 30_000 },
    );

  before(async () => {
    broker = await startBroker({
      configs: {
        listeners: 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0',
        'sasl.enabled.mechanisms': 'SCRAM-SHA-256,SCRAM-SHA-512',
      },
    });
  });
  after(async () => {
    await broker?.stop();
    for (const secret of [ALICE_256, ALICE_512]) {
      assert.ok(!broker.output().includes(secret), 'no password in the broker log');
      assert.ok(!outputs.some((o) => o.includes(secret)), 'no password in the tool output');
    }
  });

  it('adds both mechanisms in one --add-config; kcat authenticates with each', async () => {
    const added = await configs(
      '--alter',
      '--entity-type',
      'users',
      '--entity-name',
      'alice',
      '--add-config',
      `SCRAM-SHA-256=[iterations=8192,password=${ALICE_256}],SCRAM-SHA-512=[password=${ALICE_512}]`,
    );
    assert.equal(added.code, 0, added.stderr);
    assert.equal(added.stdout, 'Completed updating config for user alice.\n');
    const sha256 = await kcatAs('SCRAM-SHA-256', 'alice', ALICE_256);
    assert.equal(sha256.code, 0, sha256.stderr);
    assert.match(sha256.stdout, /Metadata for all topics/);
    const sha512 = await kcatAs('SCRAM-SHA-512', 'alice', ALICE_512);
    assert.equal(sha512.code, 0, sha512.stderr);
    const crossed = await kcatAs('SCRAM-SHA-512', 'alice', ALICE_256);
    assert.notEqual(crossed.code, 0);
    assert.match(crossed.stderr, /Authentication failed|SASL authentication error/i);
  });

  it('--describe prints quota configs and then SCRAM credentials, as kafka-configs.sh does', async () => {
    const quota = await configs(
      '--alter',
      '--entity-type',
      'users',
      '--entity-name',
      'alice',
      '--add-config',
      'producer_byte_rate=1048576',
    );
    assert.equal(quota.code, 0, quota.stderr);
    const one = await configs('--describe', '--entity-type', 'users', '--entity-name', 'alice');
    assert.equal(one.code, 0, one.stderr);
    assert.equal(
      one.stdout,
      "Quota configs for user-principal 'alice' are producer_byte_rate=1048576.0\n" +
        "SCRAM credential configs for user-principal 'alice' are SCRAM-SHA-256=iterations=8192, SCRAM-SHA-512=iterations=4096\n",
    );
    const bob = await configs(
      '--alter',
      '--user',
      'bob',
      '--add-config',
      'SCRAM-SHA-512=[iterations=16384,password=bob-Secret-2290]',
    );
    assert.equal(bob.code, 0, bob.stderr);
    const all = await configs('--describe', '--entity-type', 'users');
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual(all.stdout.trim().split('\n'), [
      "Quota configs for user-principal 'alice' are producer_byte_rate=1048576.0",
      "SCRAM credential configs for user-principal 'alice' are SCRAM-SHA-256=iterations=8192, SCRAM-SHA-512=iterations=4096",
      "SCRAM credential configs for user-principal 'bob' are SCRAM-SHA-512=iterations=16384",
    ]);
    // A user without credentials has no SCRAM line; the defaults and clients have none either.
    const nobody = await configs('--describe', '--entity-type', 'users', '--entity-name', 'nobody');
    assert.equal(nobody.code, 0, nobody.stderr);
    assert.equal(nobody.stdout, '');
    const defaults = await configs('--describe', '--entity-type', 'users', '--entity-default');
    assert.doesNotMatch(defaults.stdout, /SCRAM/);
  });

  it('--delete-config SCRAM-SHA-512 removes that mechanism only', async () => {
    const deleted = await configs(
      '--alter',
      '--entity-type',
      'users',
      '--entity-name',
      'alice',
      '--delete-config',
      'SCRAM-SHA-512',
    );
    assert.equal(deleted.code, 0, deleted.stderr);
    const sha512 = await kcatAs('SCRAM-SHA-512', 'alice', ALICE_512);
    assert.notEqual(sha512.code, 0, 'a deleted mechanism no longer authenticates');
    assert.match(sha512.stderr, /Authentication failed|SASL authentication error/i);
    const sha256 = await kcatAs('SCRAM-SHA-256', 'alice', ALICE_256);
    assert.equal(sha256.code, 0, sha256.stderr);
    const described = await configs('--describe', '--user', 'alice');
    assert.match(
      described.stdout,
      /^SCRAM credential configs for user-principal 'alice' are SCRAM-SHA-256=iterations=8192$/m,
    );
    const again = await configs('--alter', '--user', 'alice', '--delete-config', 'SCRAM-SHA-512');
    assert.equal(again.code, 1);
    assert.match(again.stderr, /RESOURCE_NOT_FOUND: Attempt to delete a user credential that does not exist/);
  });

  it("refuses bad input with Kafka's messages and a non-zero exit, changing nothing", async () => {
    const alter = (config: string, ...more: string[]) =>
      configs('--alter', '--entity-type', 'users', '--entity-name', 'carol', ...more, '--add-config', config);
    const refusals: [Awaited<ReturnType<typeof configs>>, RegExp][] = [
      [
        await alter('SCRAM-SHA-256=[iterations=1000,password=carol-pw]'),
        /Iterations 1000 is less than the minimum 4096 required for SCRAM-SHA-256/,
      ],
      [
        await alter('SCRAM-SHA-256=[iterations=20000,password=carol-pw]'),
        /UNACCEPTABLE_CREDENTIAL: Too many iterations/,
      ],
      [
        await alter('SCRAM-SHA-1=[password=carol-pw]'),
        /Only quota and SCRAM credential configs can be added for 'users' using --bootstrap-server\. Unexpected config names: SCRAM-SHA-1/,
      ],
      [await alter('SCRAM-SHA-256=[pasword=carol-pw]'), /Invalid credential property SCRAM_SHA_256=/],
      [
        await alter('SCRAM-SHA-256=[password=carol-pw],producer_byte_rate=1024'),
        /Cannot alter both quota and SCRAM credential configs simultaneously for 'users' using --bootstrap-server\./,
      ],
      [await alter('SCRAM-SHA-256=[password=]'), /UNACCEPTABLE_CREDENTIAL: Password must not be empty/],
      [
        await configs(
          '--alter',
          '--entity-type',
          'users',
          '--entity-default',
          '--add-config',
          'SCRAM-SHA-256=[password=carol-pw]',
        ),
        /The use of --entity-default or --user-defaults is not allowed with User SCRAM Credentials using --bootstrap-server\./,
      ],
      [
        await configs('--alter', '--client', 'app', '--add-config', 'SCRAM-SHA-256=[password=carol-pw]'),
        /Only quota configs can be added for 'clients' using --bootstrap-server\. Unexpected config names: SCRAM-SHA-256/,
      ],
    ];
    for (const [result, message] of refusals) {
      assert.notEqual(result.code, 0, result.stdout);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /carol-pw/, 'no password in an error');
    }
    const carol = await configs('--describe', '--user', 'carol');
    assert.equal(carol.stdout, '', 'no refused alteration left a credential behind');
    const refused = await kcatAs('SCRAM-SHA-256', 'carol', 'carol-pw');
    assert.notEqual(refused.code, 0);
  });
});
