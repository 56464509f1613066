/**
 * A network partition, with each of 3 brokers on its own test host (a network namespace joined to the others by
 * a bridge, support/netns.ts): a partition's leader is cut off, once when it is the active controller too and
 * once when it is not.
 *
 * On its side, a client in its namespace still finds it leading in the old leader epoch. It acknowledges no
 * acks=all write, although min.insync.replicas is 1: only the controller may shrink the ISR, and the cut-off
 * broker can have nothing committed. Its acks=1 writes land in its log only: the divergent log of KIP-101.
 * The majority (electing a new controller first if need be) fences the cut-off broker and elects a new partition
 * leader in a higher leader epoch, which takes acks=all writes at the same offsets. Once the link is back the old leader truncates
 * its divergent suffix to where the new epoch starts, fetches the new leader's records and rejoins the ISR:
 * every acknowledged record is there exactly once, nothing written only on the cut-off side is, and the
 * replicas' segment files are byte-identical.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTopic, script, waitFor } from './support/cluster-tools.ts';
import { startCluster, type ClusterProcess } from './support/cluster-process.ts';
import { kcatReadAll } from './support/kcat.ts';
import { createTestNetwork, type TestNetwork } from './support/netns.ts';
import { run, runOk } from './support/run.ts';

const TOPIC = 'partitioned';
const BEFORE = 20;
const DURING = 20;
/** Three acks=all writes of 2.5 s each outlast replica.lag.time.max.ms: the cut-off leader tries an ISR shrink. */
const CUT_OFF_ACKS_ALL = 3;
const ACKS_ALL_TIMEOUT_MS = 2500;
const CUT_OFF_ACKS_ONE = 8;

interface PartitionView {
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
}

interface MetadataView {
  controllerId: number;
  brokers: number[];
  partitions: PartitionView[];
}

const values = (prefix: string, count: number) => Array.from({ length: count }, (_, n) => `${prefix}${n}`);

/**
 * The scenario, with the cut-off partition leader either the active controller (it must also resign the quorum
 * leadership, and a new controller fences it) or a follower of the quorum (the controller, on the majority side,
 * fences it; once back, the higher epoch of its lone elections forces one more election, as Kafka 3.9 without
 * pre-vote does).
 */
const partitionedLeader = (cutOffIsController: boolean) => () => {
  let network: TestNetwork | undefined;
  let cluster: ClusterProcess | undefined;
  /** The cut-off broker: the leader of `partition` in `oldEpoch`. */
  let cutOff = 0;
  let partition = 0;
  let oldEpoch = 0;
  const acknowledged: string[] = [];

  const address = (nodeId: number) => {
    const { host, port } = cluster!.brokers[nodeId - 1]!.layout;
    return `${host}:${port}`;
  };
  const majority = () => cluster!.brokers.map((b) => b.layout.nodeId).filter((id) => id !== cutOff);

  /** A command line run in broker `nodeId`'s namespace, or in the driver's (the bridge reaches every broker). */
  const on = (side: number | 'driver', command: string, args: string[]) =>
    side === 'driver' ? { command, args } : network!.inHost(side, command, args);

  /** What broker `nodeId` answers a Metadata request for the topic with, asked from its own host. */
  const metadataOf = async (nodeId: number): Promise<MetadataView> => {
    const line = on(nodeId, process.execPath, [
      script('platformatic-partitions.mjs'),
      address(nodeId),
      TOPIC,
    ]);
    const { stdout } = await runOk(line.command, line.args, { timeoutMs: 20_000 });
    return JSON.parse(stdout) as MetadataView;
  };

  /** kafkajs writes records one request each, without retries; what it printed for each: "ack V" or "failed V ERROR". */
  const produce = async (
    side: number | 'driver',
    bootstrap: string,
    acks: number,
    prefix: string,
    count: number,
    timeoutMs: number,
  ) => {
    const line = on(side, process.execPath, [
      script('kafkajs-produce.mjs'),
      bootstrap,
      TOPIC,
      String(partition),
      String(acks),
      prefix,
      String(count),
      String(timeoutMs),
    ]);
    const { stdout } = await runOk(line.command, line.args, { timeoutMs: 90_000 });
    return stdout.split('\n').filter(Boolean);
  };

  /** The segment files of broker `nodeId`'s replica of the partition, concatenated in offset order. */
  const replicaBytes = (nodeId: number): Buffer => {
    const dir = join(cluster!.brokers[nodeId - 1]!.layout.dataDir, `${TOPIC}-${partition}`);
    const segments = readdirSync(dir)
      .filter((name) => name.endsWith('.log'))
      .sort();
    return Buffer.concat(segments.map((name) => readFileSync(join(dir, name))));
  };

  before(async () => {
    network = createTestNetwork(3);
    const { hosts } = network;
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
      // Nothing is left to check: a clean shutdown of a cluster that may still be split only takes time.
      for (const broker of cluster?.brokers ?? []) await cluster!.signal(broker.layout.nodeId, 'SIGKILL');
    } finally {
      network?.teardown();
    }
  });

  it(`creates a topic with 3 replicas in sync; ${cutOffIsController ? 'the active controller' : 'another broker'} leads one of its partitions`, async () => {
    const bootstrap = cluster!.bootstrap;
    await waitFor('three brokers in metadata', async () => {
      const { stdout } = await runOk('kcat', ['-b', bootstrap, '-L', '-m', '5']);
      return /3 brokers:/.test(stdout) ? true : null;
    });
    await createTopic(bootstrap, TOPIC, 3, 3);
    const view = await waitFor('every partition led with 3 in sync', async () => {
      const metadata = await metadataOf(1);
      const ready = metadata.partitions.every((p) => p.leader > 0 && p.isr.length === 3);
      return ready && metadata.controllerId > 0 ? metadata : null;
    });
    partition = view.partitions.findIndex((p) => (p.leader === view.controllerId) === cutOffIsController);
    assert.ok(partition >= 0, `a partition to cut off the leader of: ${JSON.stringify(view)}`);
    cutOff = view.partitions[partition]!.leader;
    oldEpoch = view.partitions[partition]!.leaderEpoch;

    const written = await produce('driver', bootstrap, -1, 'before-', BEFORE, 10_000);
    assert.deepEqual(written, values('ack before-', BEFORE));
    acknowledged.push(...values('before-', BEFORE));
  });

  it('cut off, the old leader acknowledges no acks=all write; its acks=1 writes stay in its log only', async () => {
    network!.cut(cutOff);
    const own = address(cutOff);
    const stale = (await metadataOf(cutOff)).partitions[partition]!;
    assert.deepEqual(
      [stale.leader, stale.leaderEpoch],
      [cutOff, oldEpoch],
      'on its side the old leader still leads',
    );

    const refused = await produce(cutOff, own, -1, 'cut-off-all-', CUT_OFF_ACKS_ALL, ACKS_ALL_TIMEOUT_MS);
    assert.deepEqual(
      refused,
      values('failed cut-off-all-', CUT_OFF_ACKS_ALL).map((v) => `${v} REQUEST_TIMED_OUT`),
    );
    assert.match(
      cluster!.brokers[cutOff - 1]!.output,
      new RegExp(`Shrinking ISR of ${TOPIC}-${partition} from [\\d,]+ to ${cutOff}:`),
      'the old leader proposed an ISR of itself alone, and the controller never committed it',
    );

    const kcat = on(cutOff, 'kcat', [
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
    ]);
    const taken = await run(kcat.command, kcat.args, {
      input: values('cut-off-one-', CUT_OFF_ACKS_ONE).join('\n') + '\n',
      timeoutMs: 30_000,
    });
    assert.equal(taken.code, 0, taken.stderr);
    const local = replicaBytes(cutOff).toString('latin1');
    for (const value of values('cut-off-one-', CUT_OFF_ACKS_ONE))
      assert.ok(local.includes(value), `${value} is in the old leader's log`);
    // Its high watermark stayed where the followers left it: a consumer on its side reads none of the suffix.
    const reader = on(cutOff, 'kcat', [
      '-b',
      own,
      '-C',
      '-t',
      TOPIC,
      '-p',
      String(partition),
      '-o',
      'beginning',
      '-e',
    ]);
    const read = await runOk(reader.command, reader.args);
    assert.deepEqual(read.stdout.split('\n').filter(Boolean), values('before-', BEFORE));
    // Check quorum (KIP-996's timer): hearing from no majority, a cut-off quorum leader resigns.
    if (cutOffIsController)
      assert.match(
        cluster!.brokers[cutOff - 1]!.output,
        /leader \d+ has not heard from a majority; resigning/,
      );
  });

  it('the majority elects a new controller and leader in a higher leader epoch, fences the old one, and takes acks=all writes', async () => {
    const [asked] = majority();
    const view = await waitFor('a new leader on the majority side', async () => {
      const metadata = await metadataOf(asked!);
      const p = metadata.partitions[partition]!;
      const moved = metadata.controllerId !== cutOff && p.leader > 0 && p.leader !== cutOff;
      return moved && !metadata.brokers.includes(cutOff) ? { ...metadata, ...p } : null;
    });
    assert.ok(majority().includes(view.controllerId), `controller ${view.controllerId}`);
    assert.ok(view.leaderEpoch > oldEpoch, `leader epoch ${view.leaderEpoch} > ${oldEpoch}`);
    const byId = (a: number, b: number) => a - b;
    assert.deepEqual([...view.isr].sort(byId), majority().sort(byId), 'the fenced broker left the ISR');

    const bootstrap = majority().map(address).join(',');
    const written = await produce('driver', bootstrap, -1, 'during-', DURING, 10_000);
    assert.deepEqual(written, values('ack during-', DURING));
    acknowledged.push(...values('during-', DURING));
  });

  it('healed, the old leader truncates its divergent records, rejoins the ISR, and every replica holds the same log', async () => {
    network!.heal(cutOff);
    // Asked on its own host: the old leader has learnt the new leader and epoch, and the ISR it is back in.
    const view = await waitFor('the old leader back in the ISR', async () => {
      const p = (await metadataOf(cutOff)).partitions[partition]!;
      return p.leaderEpoch > oldEpoch && p.isr.length === 3 ? p : null;
    });
    assert.ok(majority().includes(view.leader), `leader ${view.leader}`);

    // The new leader epoch starts where the last committed record of the old one ended.
    const divergent = BEFORE + CUT_OFF_ACKS_ALL + CUT_OFF_ACKS_ONE;
    assert.match(
      cluster!.brokers[cutOff - 1]!.output,
      new RegExp(`Truncating ${TOPIC}-${partition} from ${divergent} to ${BEFORE} `),
    );
    const stored = await kcatReadAll(cluster!.bootstrap, TOPIC, { partition });
    assert.deepEqual(
      stored,
      acknowledged,
      'every acknowledged record exactly once, in order, and nothing else',
    );

    const nodeIds = cluster!.brokers.map((b) => b.layout.nodeId);
    const logs = await waitFor(
      'byte-identical replicas',
      async () => {
        const all = nodeIds.map(replicaBytes);
        return all.every((log) => log.equals(all[0]!)) ? all : null;
      },
      15_000,
    );
    assert.ok(!logs[0]!.toString('latin1').includes('cut-off-'), 'no record of the cut-off side survives');
  });
};

describe(
  'a network partition cuts off a partition leader that is the active controller',
  partitionedLeader(true),
);
describe(
  'a network partition cuts off a partition leader that is not the controller',
  partitionedLeader(false),
);
