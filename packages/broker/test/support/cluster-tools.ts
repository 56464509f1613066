/**
 * What the process-level cluster tests share: the `sluice` CLI as an operator runs it, kcat as the reference
 * producer and metadata reader, and polling for a cluster state to be reached.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, runOk } from './run.ts';

/** The sluice command line's entry point. */
export const SLUICE_BIN = fileURLToPath(new URL('../../../../apps/cli/bin/sluice.mjs', import.meta.url));

/** `sluice ARGS...` against the cluster, as an operator runs it; resolves with its output. */
export function sluice(args: string[]) {
  return runOk(process.execPath, [SLUICE_BIN, ...args], { timeoutMs: 60_000 });
}

export function createTopic(
  bootstrap: string,
  topic: string,
  partitions: number,
  replicationFactor: number,
  configs: string[] = [],
) {
  return runOk(
    process.execPath,
    [
      SLUICE_BIN,
      'topics',
      'create',
      '--bootstrap-server',
      bootstrap,
      '--topic',
      topic,
      '--partitions',
      String(partitions),
      '--replication-factor',
      String(replicationFactor),
      ...configs.flatMap((config) => ['--config', config]),
    ],
    { timeoutMs: 60_000 },
  );
}

/** kcat as an acks=all producer of one record, without retries so a refusal shows; resolves with what it reported. */
export function produceOne(bootstrap: string, topic: string, value: string) {
  return run(
    'kcat',
    [
      '-b',
      bootstrap,
      '-P',
      '-t',
      topic,
      '-p',
      '0',
      '-X',
      'acks=all',
      '-X',
      'retries=0',
      '-X',
      'message.timeout.ms=5000',
    ],
    { input: `${value}\n`, timeoutMs: 30_000 },
  );
}

/** The path of a client program in test/clients/. */
export const script = (name: string) => fileURLToPath(new URL(`../clients/${name}`, import.meta.url));

/** What kcat's metadata listing says of one partition: leader, replicas and ISR. */
export async function partitionState(bootstrap: string, topic: string, partition: number) {
  const { stdout } = await runOk('kcat', ['-b', bootstrap, '-L', '-t', topic, '-m', '5']);
  const match = new RegExp(
    `partition ${partition}, leader (-?\\d+), replicas: ([\\d,]*), isrs: ([\\d,]*)`,
  ).exec(stdout);
  if (!match) return null;
  const ids = (text: string) => (text ? text.split(',').map(Number).sort() : []);
  return { leader: Number(match[1]), replicas: ids(match[2]!), isr: ids(match[3]!) };
}

/** The bytes of a partition replica's segment files. */
export function logBytes(dir: string): number {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.log'))
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** Polls `probe` every 250 ms until it returns non-null (errors count as null), or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every partition of `topics` as kcat's metadata listing shows it (replicas and ISR sorted; `preferred` is the
 * first replica of the assignment). */
export async function partitionStates(bootstrap: string, topics: string[]) {
  const states: {
    topic: string;
    partition: number;
    leader: number;
    preferred: number;
    replicas: number[];
    isr: number[];
  }[] = [];
  for (const topic of topics) {
    const { stdout } = await runOk('kcat', ['-b', bootstrap, '-L', '-t', topic, '-m', '5']);
    const pattern = /partition (\d+), leader (-?\d+), replicas: ([\d,]*), isrs: ([\d,]*)/g;
    const ids = (text: string) => (text ? text.split(',').map(Number).sort() : []);
    for (const m of stdout.matchAll(pattern))
      states.push({
        topic,
        partition: Number(m[1]),
        leader: Number(m[2]),
        preferred: Number(m[3]!.split(',')[0]),
        replicas: ids(m[3]!),
        isr: ids(m[4]!),
      });
  }
  return states;
}

/**
 * Kafka's failure-detection settings, shortened so that fault tests take seconds: a broker is fenced 3 s after
 * its last heartbeat, and a follower leaves the ISR 3 s after it stopped catching up.
 */
export const FAST_FAILURE_DETECTION = {
  'broker.session.timeout.ms': '3000',
  'broker.heartbeat.interval.ms': '500',
  'replica.lag.time.max.ms': '3000',
} as const;

/** How many brokers the cluster's metadata lists (live ones: unfenced and not shutting down). */
export async function brokerCount(bootstrap: string): Promise<number> {
  const { stdout } = await runOk('kcat', ['-b', bootstrap, '-L', '-m', '5']);
  return Number(/(\d+) brokers:/.exec(stdout)?.[1] ?? 0);
}

/** Waits until the metadata lists `count` brokers. */
export function waitForBrokers(bootstrap: string, count: number): Promise<true> {
  return waitFor(`${count} brokers in metadata`, async () =>
    (await brokerCount(bootstrap)) === count ? true : null,
  );
}
