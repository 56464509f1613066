/**
 * The committed migrations in drizzle/ must describe src/schema.ts exactly: a schema edit without
 * `npm run generate -w @sluice/db` would otherwise ship a database that lacks what the code expects.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

test('drizzle-kit generates nothing new from the schema against the committed migrations', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'sluice-migrations-'));
  try {
    const out = join(scratch, 'drizzle');
    cpSync(join(PACKAGE_DIR, 'drizzle'), out, { recursive: true });
    const before = readdirSync(out, { recursive: true }).sort();
    const result = spawnSync(
      'npx',
      // drizzle-kit resolves --out against the working directory even when it is absolute, hence relative().
      [
        'drizzle-kit',
        'generate',
        '--dialect=sqlite',
        '--schema=./src/schema.ts',
        `--out=${relative(PACKAGE_DIR, out)}`,
      ],
      { cwd: PACKAGE_DIR, encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /No schema changes/);
    assert.deepEqual(readdirSync(out, { recursive: true }).sort(), before);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
