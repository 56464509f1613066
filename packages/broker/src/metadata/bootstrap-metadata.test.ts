import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { splitBatches } from '@sluice/protocol';
import { startController } from '../controller/controller-test-support.ts';
import { LocalMetadataStore } from '../security/security-metadata.ts';
import {
  BOOTSTRAP_FILE,
  DEFAULT_BOOTSTRAP_METADATA,
  readBootstrapMetadata,
  writeBootstrapMetadata,
} from './bootstrap-metadata.ts';
import type { MetadataRecord } from './metadata-record-serde.ts';

const ALICE: MetadataRecord = {
  type: 'UserScramCredentialRecord',
  data: {
    name: 'alice',
    mechanism: 1,
    salt: Buffer.alloc(32, 1),
    storedKey: Buffer.alloc(32, 2),
    serverKey: Buffer.alloc(32, 3),
    iterations: 8192,
  },
};

describe('bootstrap metadata (bootstrap.checkpoint)', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-bootstrap-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('is written as a snapshot (header, records, footer) and read back with metadata.version first', async () => {
    const dir = freshDir();
    await writeBootstrapMetadata(dir, [ALICE]);
    const { batches, trailingBytes } = splitBatches(readFileSync(join(dir, BOOTSTRAP_FILE)));
    assert.equal(trailingBytes, 0);
    assert.deepEqual(
      batches.map((b) => b.header.isControl),
      [true, false, true],
    );
    const read = await readBootstrapMetadata(dir);
    assert.deepEqual(read.records, [...DEFAULT_BOOTSTRAP_METADATA.records, ALICE]);
    assert.equal(read.source, join(dir, BOOTSTRAP_FILE));
  });

  it('defaults to metadata.version alone without the file, and refuses a damaged one', async () => {
    const dir = freshDir();
    assert.equal(await readBootstrapMetadata(dir), DEFAULT_BOOTSTRAP_METADATA);
    await writeBootstrapMetadata(dir, [ALICE]);
    const path = join(dir, BOOTSTRAP_FILE);
    const bytes = readFileSync(path);
    bytes[bytes.length - 10]! ^= 0xff;
    writeFileSync(path, bytes);
    await assert.rejects(readBootstrapMetadata(dir), /not a sequence of CRC-valid record batches/);
  });

  it('the first active controller of an empty log writes it: the credential is in the committed image', async () => {
    const dir = freshDir();
    await writeBootstrapMetadata(dir, [ALICE]);
    const { controller } = await startController({}, 0, { bootstrap: await readBootstrapMetadata(dir) });
    const credential = controller.image().scramCredentials.get('alice')?.get(1);
    assert.deepEqual(credential, {
      salt: ALICE.data.salt,
      storedKey: ALICE.data.storedKey,
      serverKey: ALICE.data.serverKey,
      iterations: 8192,
    });
    assert.equal(controller.image().features.get('metadata.version'), 21);
  });

  it('seeds a standalone broker’s security metadata at its first start only', async () => {
    const dir = freshDir();
    await writeBootstrapMetadata(dir, [ALICE]);
    const bootstrap = await readBootstrapMetadata(dir);
    const first = new LocalMetadataStore(dir, 'cluster', 1, undefined, bootstrap);
    assert.ok(first.image().scramCredentials.get('alice')?.has(1));
    await first.run(() => ({
      records: [{ type: 'RemoveUserScramCredentialRecord', data: { name: 'alice', mechanism: 1 } }],
      response: null,
    }));
    const restarted = new LocalMetadataStore(dir, 'cluster', 1, undefined, bootstrap);
    assert.equal(restarted.image().scramCredentials.has('alice'), false, 'a deleted user stays deleted');
  });
});
