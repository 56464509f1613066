/**
 * kafka-storage.sh format's `--add-scram` through `sluice storage format`: the credential goes into the bootstrap
 * metadata, so the very first start of a standalone broker and of a 3-broker KRaft cluster already accepts the
 * user (kcat, SCRAM over SASL_PLAINTEXT); a mechanism deleted afterwards stays deleted across restarts (the
 * bootstrap applies to an empty metadata log only); bad input is refused with Kafka's messages, a non-zero exit
 * and nothing formatted.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  startBroker,
  tempDataDir,
  type BrokerProcess,
} from '../../../packages/broker/test/support/broker-process.ts';
import { startCluster, type ClusterProcess } from '../../../packages/broker/test/support/cluster-process.ts';
import { waitFor, waitForBrokers } from '../../../packages/broker/test/support/cluster-tools.ts';
import { run, runOk } from '../../../packages/broker/test/support/run.ts';

const CLI = fileURLToPath(new URL('../bin/sluice.mjs', import.meta.url));
const CLUSTER_ID = 'MkU3OEVBNTcwNTJENDM2Qg';
const ALICE_256 = 'alice-Bootstrap-256-5120';
const ALICE_512 = 'alice-Bootstrap-512-7731';
const ADD_SCRAM = [
  `SCRAM-SHA-256=[name=alice,password=${ALICE_256}]`,
  `SCRAM-SHA-512=[name=alice,iterations=8192,password=${ALICE_512}]`,
];

const sluice = (args: string[]) => run(process.execPath, [CLI, ...args], { timeoutMs: 60_000 });

/** kcat -L over SASL_PLAINTEXT with SCRAM: exit code 0 only when the broker accepted the credential. */
function kcatAs(bootstrap: string, mechanism: string, password: string) {
  return run(
    'kcat',
    [
      '-b',
      bootstrap,
      '-X',
      'security.protocol=SASL_PLAINTEXT',
      '-X',
      `sasl.mechanisms=${mechanism}`,
      '-X',
      'sasl.username=alice',
      '-X',
      `sasl.password=${password}`,
      '-L',
      '-m',
      '10',
    ],
    { timeoutMs: 30_000 },
  );
}

describe('sluice storage format --add-scram', () => {
  it("refuses bad credentials with Kafka's messages and formats nothing", async () => {
    const dataDir = join(tempDataDir(), 'node');
    const format = (argument: string) =>
      sluice([
        'storage',
        'format',
        '--data-dir',
        dataDir,
        '--cluster-id',
        CLUSTER_ID,
        '--config',
        'node.id=1',
        '--add-scram',
        `SCRAM-SHA-256=[name=ok,password=${ALICE_256}]`,
        '--add-scram',
        argument,
      ]);
    const refusals: [string, string][] = [
      [
        `SCRAM-SHA-1=[name=bob,password=${ALICE_512}]`,
        'The add-scram mechanism SCRAM-SHA-1 is not supported.',
      ],
      [`SCRAM-SHA-256=[password=${ALICE_512}]`, "You must supply 'name' to add-scram"],
      [
        `SCRAM-SHA-512=[name=bob,iterations=1024,password=${ALICE_512}]`,
        "The 'iterations' value must be >= 4096 for add-scram using SCRAM_SHA_512",
      ],
      [
        `SCRAM-SHA-512=[name=bob,iterations=20000,password=${ALICE_512}]`,
        "The 'iterations' value must be <= 16384 for add-scram using SCRAM_SHA_512",
      ],
      ['SCRAM-SHA-256=[name=bob]', "You must supply one of 'password' or 'saltedpassword' to add-scram"],
      [
        `SCRAM-SHA-256=[name=bob,pasword=${ALICE_512}]`,
        "You must supply one of 'password' or 'saltedpassword' to add-scram",
      ],
      [`SCRAM-SHA-256=[name=bob,password=${ALICE_512},colour=red]`, 'Unknown SCRAM configurations: colour'],
      [`SCRAM-SHA-256=name=bob,password=${ALICE_512}`, 'Expected configuration string to start with ['],
    ];
    for (const [argument, message] of refusals) {
      const result = await format(argument);
      assert.notEqual(result.code, 0, `${argument}: ${result.stdout}`);
      assert.ok(result.stderr.includes(message), `${argument}: ${result.stderr}`);
      assert.ok(!`${result.stdout}${result.stderr}`.includes(ALICE_512), 'no password in the output');
      assert.ok(!existsSync(dataDir) || readdirSync(dataDir).length === 0, 'nothing was formatted');
    }
  });

  describe('a standalone broker', () => {
    let broker: BrokerProcess;
    let dataDir: string;
    const configs = {
      listeners: 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0',
      'sasl.enabled.mechanisms': 'SCRAM-SHA-256,SCRAM-SHA-512',
    };
    const saslBootstrap = () => `127.0.0.1:${broker.ports.SASL_PLAINTEXT}`;

    before(async () => {
      dataDir = tempDataDir();
      const formatted = await runOk(
        process.execPath,
        [
          CLI,
          'storage',
          'format',
          '--data-dir',
          dataDir,
          '--cluster-id',
          CLUSTER_ID,
          '--config',
          'node.id=1',
          ...ADD_SCRAM.flatMap((a) => ['--add-scram', a]),
        ],
        { timeoutMs: 60_000 },
      );
      assert.match(formatted.stdout, /Added a SCRAM credential for user 'alice' to the bootstrap metadata/);
      assert.ok(!formatted.stdout.includes(ALICE_256));
      broker = await startBroker({ dataDir, configs });
    });
    after(async () => {
      await broker?.stop();
      assert.ok(!broker.output().includes(ALICE_256) && !broker.output().includes(ALICE_512));
    });

    it('accepts alice at its first start, with both mechanisms and the formatted iterations', async () => {
      for (const [mechanism, password] of [
        ['SCRAM-SHA-256', ALICE_256],
        ['SCRAM-SHA-512', ALICE_512],
      ] as const) {
        const result = await kcatAs(saslBootstrap(), mechanism, password);
        assert.equal(result.code, 0, `${mechanism}: ${result.stderr}`);
      }
      const wrong = await kcatAs(saslBootstrap(), 'SCRAM-SHA-256', ALICE_512);
      assert.notEqual(wrong.code, 0);
      const described = await sluice([
        'configs',
        '--bootstrap-server',
        broker.bootstrap,
        '--describe',
        '--user',
        'alice',
      ]);
      assert.equal(
        described.stdout,
        "SCRAM credential configs for user-principal 'alice' are SCRAM-SHA-256=iterations=4096, SCRAM-SHA-512=iterations=8192\n",
      );
      // The cluster id is the formatted one.
      const info = await sluice(['storage', 'info', '--data-dir', dataDir]);
      assert.match(info.stdout, new RegExp(`cluster.id=${CLUSTER_ID}`));
    });

    it('a mechanism deleted after the first start stays deleted across a restart', async () => {
      const deleted = await sluice([
        'configs',
        '--bootstrap-server',
        broker.bootstrap,
        '--alter',
        '--user',
        'alice',
        '--delete-config',
        'SCRAM-SHA-512',
      ]);
      assert.equal(deleted.code, 0, deleted.stderr);
      await broker.stop();
      broker = await startBroker({ dataDir, configs });
      const refused = await kcatAs(saslBootstrap(), 'SCRAM-SHA-512', ALICE_512);
      assert.notEqual(refused.code, 0, 'the bootstrap is not applied again');
      assert.match(refused.stderr, /Authentication failed|SASL authentication error/i);
      const kept = await kcatAs(saslBootstrap(), 'SCRAM-SHA-256', ALICE_256);
      assert.equal(kept.code, 0, kept.stderr);
    });
  });

  describe('a 3-broker KRaft cluster', () => {
    let cluster: ClusterProcess;
    const saslBootstrap = (nodeId: number) =>
      `127.0.0.1:${cluster.brokers[nodeId - 1]!.layout.listenerPorts.SASL_PLAINTEXT!}`;

    before(async () => {
      cluster = await startCluster({
        brokers: 3,
        listeners: ['SASL_PLAINTEXT'],
        configs: { 'sasl.enabled.mechanisms': 'SCRAM-SHA-256,SCRAM-SHA-512' },
        addScram: ADD_SCRAM,
      });
      await waitForBrokers(cluster.bootstrap, 3);
    });
    after(async () => {
      await cluster?.stopAll();
      for (const broker of cluster?.brokers ?? [])
        assert.ok(!broker.output.includes(ALICE_256) && !broker.output.includes(ALICE_512));
    });

    it('accepts alice on every broker at its first start, without any user created since', async () => {
      for (const nodeId of [1, 2, 3]) {
        const result = await kcatAs(saslBootstrap(nodeId), 'SCRAM-SHA-512', ALICE_512);
        assert.equal(result.code, 0, `broker ${nodeId}: ${result.stderr}`);
      }
      const produced = await run(
        'kcat',
        [
          '-b',
          saslBootstrap(2),
          '-X',
          'security.protocol=SASL_PLAINTEXT',
          '-X',
          'sasl.mechanisms=SCRAM-SHA-256',
          '-X',
          'sasl.username=alice',
          '-X',
          `sasl.password=${ALICE_256}`,
          '-P',
          '-t',
          'bootstrapped',
          '-X',
          'acks=all',
        ],
        { input: 'one\ntwo\n', timeoutMs: 60_000 },
      );
      assert.equal(produced.code, 0, produced.stderr);
    });

    it('a deleted mechanism is refused everywhere, also after every broker restarted', async () => {
      const deleted = await sluice([
        'configs',
        '--bootstrap-server',
        cluster.bootstrap,
        '--alter',
        '--entity-type',
        'users',
        '--entity-name',
        'alice',
        '--delete-config',
        'SCRAM-SHA-512',
      ]);
      assert.equal(deleted.code, 0, deleted.stderr);
      for (const nodeId of [1, 2, 3])
        await waitFor(
          `SCRAM-SHA-512 refused on broker ${nodeId}`,
          async () =>
            (await kcatAs(saslBootstrap(nodeId), 'SCRAM-SHA-512', ALICE_512)).code !== 0 ? true : null,
          15_000,
        );
      await cluster.stopAll();
      await Promise.all([1, 2, 3].map((nodeId) => cluster.start(nodeId)));
      await waitForBrokers(cluster.bootstrap, 3);
      for (const nodeId of [1, 2, 3]) {
        await waitFor(
          `alice's SCRAM-SHA-256 on broker ${nodeId} after the restart`,
          async () =>
            (await kcatAs(saslBootstrap(nodeId), 'SCRAM-SHA-256', ALICE_256)).code === 0 ? true : null,
          30_000,
        );
        const refused = await kcatAs(saslBootstrap(nodeId), 'SCRAM-SHA-512', ALICE_512);
        assert.notEqual(refused.code, 0, `broker ${nodeId} must not bring the deleted credential back`);
      }
    });
  });
});
