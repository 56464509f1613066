/**
 * librdkafka's own load tool, rdkafka_performance, as CLIENTS.md describes: built from the librdkafka source
 * that the npm package node-rdkafka@3.6.1 ships, optimised (-O2; the tests' copy is -O0 and would measure the
 * client), without TLS, SASL, zstd or curl, which a plaintext uncompressed benchmark never uses. Built once per
 * machine into a cache folder in the OS temp dir (about 2 minutes on 2 cores); later runs reuse it.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOk } from '../../packages/broker/test/support/run.ts';

const NODE_RDKAFKA = 'node-rdkafka@3.6.1';
const CACHE = join(tmpdir(), `sluice-bench-rdkafka-${NODE_RDKAFKA.replace('@', '-')}`);
const BUILD_TIMEOUT_MS = 15 * 60_000;

/** The path of the rdkafka_performance executable, building it first if this machine has none yet. */
export async function rdkafkaPerformance(): Promise<string> {
  const binary = join(CACHE, 'rdkafka_performance');
  if (existsSync(binary)) return binary;
  mkdirSync(CACHE, { recursive: true });
  const work = mkdtempSync(join(CACHE, 'build-'));
  try {
    await runOk('npm', ['pack', NODE_RDKAFKA, '--pack-destination', work], { cwd: work, timeoutMs: 120_000 });
    const tarball = `${NODE_RDKAFKA.replace('@', '-')}.tgz`;
    await runOk('tar', ['xzf', tarball, 'package/deps/librdkafka'], { cwd: work });
    const source = join(work, 'package', 'deps', 'librdkafka');
    const features = ['ssl', 'gssapi', 'sasl', 'zstd', 'lz4-ext', 'curl', 'regex-ext', 'c11threads'];
    await runOk('./configure', [...features.map((f) => `--disable-${f}`), '--CFLAGS=-O2'], {
      cwd: source,
      timeoutMs: BUILD_TIMEOUT_MS,
    });
    await runOk('make', ['-j2', '-C', 'src', 'librdkafka.a'], { cwd: source, timeoutMs: BUILD_TIMEOUT_MS });
    const partial = join(work, 'rdkafka_performance');
    await runOk(
      'gcc',
      [
        '-O2',
        `-I${join(source, 'src')}`,
        join(source, 'examples', 'rdkafka_performance.c'),
        join(source, 'src', 'librdkafka.a'),
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
