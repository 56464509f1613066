/**
 * librdkafka newer than Debian's 2.0.2, for admin APIs 2.0.2 lacks (ListOffsets, DescribeTopics,
 * DescribeCluster and include_authorized_operations came in 2.3). Built, as CLIENTS.md describes, from the
 * librdkafka source that the npm package node-rdkafka ships: once per machine, into a cache folder in the OS
 * temp dir named by that package version, without TLS, SASL, zstd or optimisation (what these tests use
 * builds in about a minute of CPU). Later runs reuse it, and each C program is compiled once per version of its source.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runOk } from './run.ts';

const NODE_RDKAFKA = 'node-rdkafka@3.6.1';
const CACHE = join(tmpdir(), `sluice-librdkafka-${NODE_RDKAFKA.replace('@', '-')}`);
const BUILD_TIMEOUT_MS = 10 * 60_000;

/**
 * The folder of a built librdkafka (its `src/` holds rdkafka.h and librdkafka.a), building it if needed: -O0 for
 * the tests (quick to build), -O2 for benchmarks (which would otherwise measure an unoptimised client). With
 * `ssl`, OpenSSL is compiled in, which also brings SASL SCRAM (librdkafka implements SCRAM over OpenSSL's
 * primitives; only GSSAPI needs Cyrus SASL); programs then link with -lssl -lcrypto.
 */
export async function builtLibrdkafka(optimization: '-O0' | '-O2' = '-O0', ssl = false): Promise<string> {
  const name = `librdkafka${optimization === '-O0' ? '' : optimization}${ssl ? '-ssl' : ''}`;
  const built = join(CACHE, name);
  if (existsSync(join(built, 'src', 'librdkafka.a'))) return built;
  mkdirSync(CACHE, { recursive: true });
  const work = mkdtempSync(join(CACHE, 'build-'));
  try {
    await runOk('npm', ['pack', NODE_RDKAFKA, '--pack-destination', work], { cwd: work, timeoutMs: 120_000 });
    const tarball = `${NODE_RDKAFKA.replace('@', '-')}.tgz`;
    await runOk('tar', ['xzf', tarball, 'package/deps/librdkafka'], { cwd: work });
    const source = join(work, 'package', 'deps', 'librdkafka');
    const features = ['gssapi', 'sasl', 'zstd', 'lz4-ext', 'curl', 'regex-ext', 'c11threads'];
    if (!ssl) features.push('ssl');
    const enabled = ssl ? ['--enable-ssl'] : [];
    await runOk(
      './configure',
      [...features.map((f) => `--disable-${f}`), ...enabled, `--CFLAGS=${optimization}`],
      {
        cwd: source,
        timeoutMs: BUILD_TIMEOUT_MS,
      },
    );
    await runOk('make', ['-j2', '-C', 'src', 'librdkafka.a'], { cwd: source, timeoutMs: BUILD_TIMEOUT_MS });
    // Another run may have finished first: either build is as good.
    if (!existsSync(built)) renameSync(source, built);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return built;
}

/** Compiles one C program against librdkafka, once per version of its source; returns the executable's path. */
export async function compileLibrdkafkaProgram(source: string): Promise<string> {
  const library = await builtLibrdkafka();
  const digest = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16);
  const output = join(CACHE, 'programs', `${basename(source, '.c')}-${digest}`);
  if (existsSync(output)) return output;
  mkdirSync(join(CACHE, 'programs'), { recursive: true });
  const partial = `${output}.${process.pid}`;
  await runOk(
    'gcc',
    [
      '-O0',
      `-I${join(library, 'src')}`,
      source,
      join(library, 'src', 'librdkafka.a'),
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
  renameSync(partial, output);
  return output;
}
