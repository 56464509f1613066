/**
 * `npm run bench [suite ...]`: runs the benchmark suites (all by default), prints each table and rewrites
 * BENCHMARKS.md at the repository root. Benchmarks are never part of `npm test`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSuite, machineDescription, type SuiteResult } from './harness.ts';
import { brokerSuite } from './broker.ts';
import { cleanerSuite } from './cleaner.ts';
import { competitorsSuite } from './competitors.ts';
import { consoleSuite } from './console.ts';
import { protocolSuite } from './protocol.ts';
import { replicationSuite } from './replication.ts';
import { tlsSuite } from './tls.ts';

const suites: Record<string, () => Promise<SuiteResult>> = {
  protocol: protocolSuite,
  broker: brokerSuite,
  competitors: competitorsSuite,
  console: consoleSuite,
  replication: replicationSuite,
  tls: tlsSuite,
  cleaner: cleanerSuite,
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; available: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}

const sections: string[] = [];
for (const name of requested.length > 0 ? requested : Object.keys(suites)) {
  console.log(`running ${name} ...`);
  const section = formatSuite(await suites[name]!());
  console.log(`\n${section}\n`);
  sections.push(section);
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const target = join(root, 'BENCHMARKS.md');
// Running some suites keeps the other suites' sections from their last run, in their place.
if (requested.length > 0 && existsSync(target)) {
  const previous = readFileSync(target, 'utf8')
    .split(/^(?=## )/m)
    .slice(1);
  const titleOf = (section: string) => section.split('\n', 1)[0]!;
  const fresh = new Map(sections.map((s) => [titleOf(s), s]));
  const merged = previous.map((old) => fresh.get(titleOf(old)) ?? old.trimEnd());
  for (const [title, section] of fresh)
    if (!previous.some((old) => titleOf(old) === title)) merged.push(section);
  sections.splice(0, sections.length, ...merged);
}
const document = [
  '# Sluice benchmarks',
  '',
  'Written by `npm run bench`; do not edit by hand. Figures are from one run on the machine below, each beside',
  'a limit of the same machine measured in the same run. On 2 cores, load generators compete with the code under',
  'test for CPU, so figures are conservative. `npm run bench SUITE` reruns one suite; the other sections keep',
  'the figures of their last run.',
  '',
  `Run: ${new Date().toISOString()} on ${machineDescription()}.`,
  '',
  ...sections.flatMap((s) => [s, '']),
].join('\n');
writeFileSync(target, document);
console.log('wrote BENCHMARKS.md');
