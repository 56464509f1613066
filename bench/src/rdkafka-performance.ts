/**
 * librdkafka's own load tool, rdkafka_performance, as CLIENTS.md describes: compiled against the librdkafka the
 * tests build from node-rdkafka@3.6.1's source (test/support/librdkafka.ts), but optimised (-O2; the tests' -O0
 * copy would measure the client), with OpenSSL for the SSL and SASL_SSL (SCRAM) cases. Built once per machine into a cache folder in the OS temp dir (about 2 minutes
 * on 2 cores); later runs reuse it.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtLibrdkafka } from '../../packages/broker/test/support/librdkafka.ts';
import { runOk } from '../../packages/broker/test/support/run.ts';

const NODE_RDKAFKA = 'node-rdkafka@3.6.1';
const CACHE = join(tmpdir(), `sluice-bench-rdkafka-${NODE_RDKAFKA.replace('@', '-')}-ssl`);

/** The path of the rdkafka_performance executable, building it first if this machine has none yet. */
export async function rdkafkaPerformance(): Promise<string> {
  const binary = join(CACHE, 'rdkafka_performance');
  if (existsSync(binary)) return binary;
  const library = await builtLibrdkafka('-O2', true);
  mkdirSync(CACHE, { recursive: true });
  const work = mkdtempSync(join(CACHE, 'build-'));
  try {
    const partial = join(work, 'rdkafka_performance');
    await runOk(
      'gcc',
      [
        '-O2',
        `-I${join(library, 'src')}`,
        join(library, 'examples', 'rdkafka_performance.c'),
        join(library, 'src', 'librdkafka.a'),
        '-lssl',
        '-lcrypto',
        '-lm',
        '-lz',
        '-ldl',
        '-lpthread',
        '-lrt',
        '-o',
        partial,
      ],
      { timeoutMs: 120_000 },
    );
    // Another run may have finished first: either build is as good.
    if (!existsSync(binary)) renameSync(partial, binary);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return binary;
}
