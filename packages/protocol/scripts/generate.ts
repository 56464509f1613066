/**
 * Regenerates src/generated from Kafka's message specs.
 *
 * The specs are read from ../shared/kafka-protocol beside the repository (override with KAFKA_PROTOCOL_SPECS);
 * the output is committed so the project builds without them, and a test fails when it drifts.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll } from './codegen.ts';

export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const generatedRoot = join(packageRoot, 'src', 'generated');
export const specRoot =
  process.env.KAFKA_PROTOCOL_SPECS ?? join(packageRoot, '..', '..', '..', 'shared', 'kafka-protocol');

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = generateAll(specRoot);
  rmSync(generatedRoot, { recursive: true, force: true });
  for (const [path, text] of files) {
    const target = join(generatedRoot, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  console.log(
    `generated ${listFiles(generatedRoot).length} files in ${relative(process.cwd(), generatedRoot)}`,
  );
}
