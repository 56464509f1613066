import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LocalMetadataStore } from './security-metadata.ts';

const ACL = {
  id: 'QbnKy9MlT8eWcXXd6oH2Hw',
  resourceType: 2,
  resourceName: 'orders',
  patternType: 3,
  principal: 'User:alice',
  host: '*',
  operation: 3,
  permissionType: 3,
};

describe('LocalMetadataStore (a standalone broker’s security metadata)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-security-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('applies an operation’s records, tells listeners, and finds them again after a restart', async () => {
    const store = new LocalMetadataStore(dir, 'cluster', 1);
    const seen: number[] = [];
    store.onChange((image) => seen.push(image.acls.size));
    const answer = await store.run(() => ({
      records: [{ type: 'AccessControlEntryRecord', data: ACL }],
      response: 'created',
    }));
    assert.equal(answer, 'created');
    assert.deepEqual(seen, [1]);
    assert.deepEqual(new LocalMetadataStore(dir, 'cluster', 1).image().acls.get(ACL.id), ACL);
  });

  it('refuses a file cut short instead of starting with half the ACLs', () => {
    const path = join(dir, 'security-metadata.bin');
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 3));
    assert.throws(() => new LocalMetadataStore(dir, 'cluster', 1), /truncated/);
  });

  it('rejects an operation that fails and changes nothing', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'sluice-security-'));
    const store = new LocalMetadataStore(fresh, 'cluster', 1);
    await assert.rejects(
      store.run(() => {
        throw new Error('invalid');
      }),
      /invalid/,
    );
    assert.equal(store.image().acls.size, 0);
    rmSync(fresh, { recursive: true, force: true });
  });
});
