/**
 * A network partition, with each of 3 brokers on its own test host (a network namespace joined to the others by
 * a bridge): the broker that is both the active controller and a partition's leader is cut off. On its side a
 * client in its namespace finds it still leading: it acknowledges no acks=all write, while acks=1 writes land in
 * its log only (the divergent log of KIP-101). The majority elects a new controller and a new partition leader
 * with a higher leader epoch and takes acks=all writes at the same offsets. Once the link is back the old leader
 * truncates its divergent suffix, fetches the new leader's records and rejoins the ISR: every acknowledged
 * record is there exactly once, nothing written only on the isolated side is, and the replicas' logs are
 * byte-identical.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startCluster, type ClusterProcess } from './support/cluster-process.ts';
import { kcatReadAll } from './support/kcat.ts';
import { createTestNetwork, type TestNetwork } from './support/netns.ts';
import { run, runOk } from './support/run.ts';

const SLUICE = fileURLToPath(new URL('../../../apps/cli/bin/sluice.mjs', import.meta.url));
const script = (name: string) => fileURLToPath(new URL(`./clients/${name}`, import.meta.url));
const TOPIC = 'partitioned';
const BEFORE = 20;
const DURING = 20;
const ISOLATED_ACKS_ALL = 3;
const ISOLATED_ACKS_ONE = 8;

interface PartitionView {
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    const value = await probe().catch((error: unknown) => {
      lastError = error;
      return null;
    });
    if (value !== null) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${lastError ? `; last error: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The segment files of one replica of the partition, concatenated in offset order. */
function replicaBytes(cluster: ClusterProcess, nodeId: number, partition: number): Buffer {
  const dir = join(cluster.brokers[nodeId - 1]!.layout.dataDir, `${TOPIC}-${partition}`);
  const segments = readdirSync(dir)
    .filter((name) => name.endsWith('.log'))
    .sort();
  return Buffer.concat(segments.map((name) => readFileSync(join(dir, name))));
}

describe('a 3-broker cluster on three test hosts, its leader cut off by a network partition', () => {
  let network: TestNetwork | undefined;
  let cluster: ClusterProcess | undefined;
  /** The isolated broker: the active controller, and the leader of `partition`. */
  let isolated = 0;
  let partition = 0;
  let oldEpoch = 0;
  let acknowledged: string[] = [];

  const address = (nodeId: number) => {
    const broker = cluster!.brokers[nodeId - 1]!.layout;
    return `${broker.host}:${broker.port}`;
  };
  const majority = () =>
    cluster!.brokers
      .map((b) => b.layout.nodeId)
      .filter((id) => id !== isolated)
      .map(address);

  /** What broker `nodeId` answers a Metadata request for the topic with (run on its side of the partition). */
  const metadataOf = async (nodeId: number) => {
    const args = [script('platformatic-partitions.mjs'), address(nodeId), TOPIC];
    const { command, args: full } =
      nodeId === isolated && network ? network.inHost(nodeId, process.execPath, args) : { command: process.execPath, args };
    const { stdout } = await runOk(command, full, { timeoutMs: 20_000 });
    return JSON.parse(stdout) as { controllerId: number; partitions: PartitionView[] };
  };

  /** kafkajs writes `count` records, one request each; what it printed for each: "ack V" or "failed V ERROR". */
  const produce = async (
    from: 'root' | number,
    bootstrap: string,
    acks: number,
    prefix: string,
    count: number,
    timeoutMs: number,
  ) => {
    const args = [
      script('kafkajs-produce.mjs'),
      bootstrap,
      TOPIC,
      String(partition),
      String(acks),
      prefix,
      String(count),
      String(timeoutMs),
    ];
    const { command, args: full } =
      from === 'root' ? { command: process.execPath, args } : network!.inHost(from, process.execPath, args);
    const { stdout } = await runOk(command, full, { timeoutMs: 90_000 });
    return stdout.split('\n').filter(Boolean);
  };

  before(async () => {
    network = createTestNetwork(3);
    const hosts = network.hosts;
    cluster = await startCluster({
      brokers: 3,
      hosts: hosts.map((h) => h.address),
      commandPrefix: (nodeId) => ['ip', 'netns', 'exec', hosts[nodeId - 1]!.namespace],
      configs: {
        'broker.session.timeout.ms': '3000',
        'broker.heartbeat.interval.ms': '500',
        'replica.lag.time.max.ms': '3000',
      },
    });
  });

  after(async () => {
    try {
      await cluster?.stopAll();
    } finally {
      network?.teardown();
    }
  });

  it('creates a topic with 3 replicas in sync on the three hosts; the controller leads one partition', async () => {
    const bootstrap = cluster!.bootstrap;
    await waitFor('three brokers in metadata', async () => {
      const { stdout } = await runOk('kcat', ['-b', bootstrap, '-L', '-m', '5']);
      return /3 brokers:/.test(stdout) ? true : null;
    });
    await runOk(
      process.execPath,
      [
        SLUICE,
        'topics',
        'create',
        '--bootstrap-server',
        bootstrap,
        '--topic',
        TOPIC,
        '--partitions',
        '3',
        '--replication-factor',
        '3',
        '--config',
        'min.insync.replicas=2',
      ],
      { timeoutMs: 60_000 },
    );
    const view = await waitFor('every partition led with 3 in sync', async () => {
      const metadata = await metadataOf(1);
      const ready = metadata.partitions.every((p) => p.leader > 0 && p.isr.length === 3);
      return ready && metadata.controllerId > 0 ? metadata : null;
    });
    isolated = view.controllerId;
    partition = view.partitions.findIndex((p) => p.leader === isolated);
    assert.ok(partition >= 0, `the controller ${isolated} leads a partition: ${JSON.stringify(view)}`);
    oldEpoch = view.partitions[partition]!.leaderEpoch;

    const written = await produce('root', bootstrap, -1, 'before-', BEFORE, 10_000);
    assert.deepEqual(
      written,
      Array.from({ length: BEFORE }, (_, n) => `ack before-${n}`),
    );
    acknowledged.push(...Array.from({ length: BEFORE }, (_, n) => `before-${n}`));
  });

  it('cut off, the old leader acknowledges no acks=all write; its acks=1 writes stay in its log only', async () => {
    network!.cut(isolated);
    const own = address(isolated);
    const refused = await produce(isolated, own, -1, 'isolated-all-', ISOLATED_ACKS_ALL, 2000);
    assert.equal(refused.length, ISOLATED_ACKS_ALL, refused.join('\n'));
    for (const line of refused) assert.match(line, /^failed isolated-all-\d+ /, refused.join('\n'));

    const taken = await run(
      network!.inHost(isolated, 'kcat', [])['command'],
      network!.inHost(isolated, 'kcat', [
        '-b',
        own,
        '-P',
        '-t',
        TOPIC,
        '-p',
        String(partition),
        '-X',
        'acks=1',
        '-X',
        'retries=0',
        '-X',
        'message.timeout.ms=5000',
      ]).args,
      {
        input: Array.from({ length: ISOLATED_ACKS_ONE }, (_, n) => `isolated-one-${n}\n`).join(''),
        timeoutMs: 30_000,
      },
    );
    assert.equal(taken.code, 0, taken.stderr);
    const local = replicaBytes(cluster!, isolated, partition).toString('latin1');
    for (let n = 0; n < ISOLATED_ACKS_ONE; n++)
      assert.ok(local.includes(`isolated-one-${n}`), `isolated-one-${n} is in the old leader's log`);
  });

  it('the majority elects a new controller and a new leader with a higher leader epoch, and takes acks=all writes', async () => {
    const [first] = majority();
    const view = await waitFor('a new leader on the majority side', async () => {
      const metadata = await metadataOf(cluster!.brokers.find((b) => address(b.layout.nodeId) === first)!.layout.nodeId);
      const p = metadata.partitions[partition]!;
      return metadata.controllerId > 0 && metadata.controllerId !== isolated && p.leader > 0 && p.leader !== isolated
        ? { controllerId: metadata.controllerId, ...p }
        : null;
    });
    assert.ok(view.leaderEpoch > oldEpoch, `leader epoch ${view.leaderEpoch} > ${oldEpoch}`);
    assert.ok(!view.isr.includes(isolated), `the isolated broker left the ISR: ${view.isr.join(',')}`);

    const written = await produce('root', majority().join(','), -1, 'during-', DURING, 10_000);
    assert.deepEqual(
      written,
      Array.from({ length: DURING }, (_, n) => `ack during-${n}`),
    );
    acknowledged.push(...Array.from({ length: DURING }, (_, n) => `during-${n}`));
  });

  it('healed, the old leader truncates its divergent records, rejoins the ISR, and every replica holds the same log', async () => {
    network!.heal(isolated);
    const view = await waitFor('the old leader back in the ISR', async () => {
      const p = (await metadataOf(isolated)).partitions[partition]!;
      return p.isr.length === 3 && p.leader !== isolated ? p : null;
    });
    assert.ok(view.leaderEpoch > oldEpoch);

    const output = cluster!.brokers[isolated - 1]!.output;
    assert.match(
      output,
      new RegExp(`Truncating ${TOPIC}-${partition} from \\d+ to ${BEFORE}\\b`),
      'the old leader truncates to where the new leader epoch starts',
    );
    const stored = await kcatReadAll(cluster!.bootstrap, TOPIC, { partition });
    assert.deepEqual(stored, acknowledged, 'every acknowledged record exactly once, in order, and nothing else');

    const nodeIds = cluster!.brokers.map((b) => b.layout.nodeId);
    const identical = await waitFor(
      'byte-identical replicas',
      async () => {
        const logs = nodeIds.map((id) => replicaBytes(cluster!, id, partition));
        return logs.every((log) => log.equals(logs[0]!)) ? logs[0]! : null;
      },
      15_000,
    );
    assert.ok(!identical.toString('latin1').includes('isolated-'), 'no record of the isolated side survives');
  });
});
