/**
 * A small benchmark harness: runs an operation repeatedly for a fixed time after a warm-up and reports
 * throughput. Figures mean little alone, so every suite reports them beside a machine limit measured in the
 * same run (memcpy, disk, loopback socket), as a ratio.
 */
import { cpus } from 'node:os';

export interface Measurement {
  name: string;
  /** Bytes processed per second, in MB/s (10^6). */
  mbPerSecond: number;
  operationsPerSecond: number;
  /** Ratio to the suite's reference limit, when it has one. */
  ratio?: number;
  note?: string;
}

export interface SuiteResult {
  title: string;
  limit: { name: string; mbPerSecond: number };
  measurements: Measurement[];
  notes: string[];
  /** A table of its own, for suites whose figures are not throughputs (times, memory, frame rates). */
  table?: { headers: string[]; rows: string[][] };
  /** Further tables after `table`, each under its caption, for suites that measure more than one kind of figure. */
  moreTables?: { caption: string; headers: string[]; rows: string[][] }[];
}

function markdownTable(headers: string[], rows: string[][]): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

const WARMUP_MS = 300;
const MEASURE_MS = Number(process.env.BENCH_MS ?? 1500);

/** Runs `operation` (sync or async) for MEASURE_MS after a warm-up; `bytes` is what one operation processes. */
export async function measure(
  name: string,
  bytes: number,
  operation: () => unknown,
  note?: string,
): Promise<Measurement> {
  for (const deadline = performance.now() + WARMUP_MS; performance.now() < deadline;) await operation();
  let operations = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < MEASURE_MS) {
    for (let i = 0; i < 8; i++) await operation();
    operations += 8;
    elapsed = performance.now() - started;
  }
  const seconds = elapsed / 1000;
  const result: Measurement = {
    name,
    mbPerSecond: (operations * bytes) / seconds / 1e6,
    operationsPerSecond: operations / seconds,
  };
  if (note !== undefined) result.note = note;
  return result;
}

/** memcpy speed: Buffer.copy between two 64 MiB buffers, the ceiling for any byte-moving code in this process. */
export async function measureMemcpy(): Promise<Measurement> {
  const size = 64 * 2 ** 20;
  const source = Buffer.alloc(size, 7);
  const target = Buffer.allocUnsafe(size);
  return measure('memcpy (Buffer.copy, 64 MiB)', size, () => source.copy(target));
}

export function machineDescription(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}`;
}

export function formatSuite(suite: SuiteResult): string {
  if (suite.table) {
    const { headers, rows } = suite.table;
    const lines = [
      `## ${suite.title}`,
      '',
      `Reference: ${suite.limit.name}.`,
      '',
      ...markdownTable(headers, rows),
    ];
    for (const more of suite.moreTables ?? [])
      lines.push('', more.caption, '', ...markdownTable(more.headers, more.rows));
    if (suite.notes.length > 0) lines.push('', ...suite.notes.map((n) => `- ${n}`));
    return lines.join('\n');
  }
  const lines = [
    `## ${suite.title}`,
    '',
    `Reference limit: ${suite.limit.name} = ${suite.limit.mbPerSecond.toFixed(0)} MB/s (measured in this run).`,
    '',
    '| benchmark | MB/s | ops/s | ratio to limit | note |',
    '| --- | ---: | ---: | ---: | --- |',
    ...suite.measurements.map(
      (m) =>
        `| ${m.name} | ${m.mbPerSecond.toFixed(0)} | ${m.operationsPerSecond.toFixed(0)} | ${
          m.ratio === undefined ? '' : `${(m.ratio * 100).toFixed(1)}%`
        } | ${m.note ?? ''} |`,
    ),
  ];
  if (suite.notes.length > 0) lines.push('', ...suite.notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

export function withRatios(measurements: Measurement[], limitMbPerSecond: number): Measurement[] {
  return measurements.map((m) => ({ ...m, ratio: m.mbPerSecond / limitMbPerSecond }));
}
