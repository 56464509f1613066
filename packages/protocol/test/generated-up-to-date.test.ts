/**
 * The committed codecs must be exactly what the generator writes from Kafka's specs today:
 * hand edits and stale output both fail here. Fix by running `npm run generate`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'node:test';
import { generateAll } from '../scripts/codegen.ts';
import { generatedRoot, specRoot } from '../scripts/generate.ts';

it('src/generated matches a fresh run of the generator', () => {
  assert.ok(
    existsSync(join(specRoot, 'messages')),
    `Kafka's message specs are not at ${specRoot}; set KAFKA_PROTOCOL_SPECS or place shared/ beside the repository`,
  );
  const expected = generateAll(specRoot);
  const onDisk = readdirSync(generatedRoot, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(generatedRoot, join(entry.parentPath, entry.name)))
    .sort();
  assert.deepEqual(
    onDisk,
    [...expected.keys()].sort(),
    'generated file list differs: run `npm run generate`',
  );
  for (const [path, text] of expected) {
    const actual = readFileSync(join(generatedRoot, path), 'utf8');
    assert.ok(
      actual === text,
      `src/generated/${path} differs from the generator's output: run \`npm run generate\``,
    );
  }
});
