/**
 * This machine's limits, measured in the same run as the figures they are compared with.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync, fdatasyncSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MiB = 2 ** 20;

/** Sequential buffered write of `totalBytes` in 1 MiB writes (page cache, no fsync), in MB/s. */
export function diskBufferedWriteMBps(totalBytes = 1024 * MiB): number {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-disk-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  const chunk = Buffer.alloc(MiB, 0x5a);
  const started = performance.now();
  for (let written = 0; written < totalBytes; written += chunk.length) writeSync(fd, chunk);
  const seconds = (performance.now() - started) / 1000;
  fdatasyncSync(fd);
  closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
  return totalBytes / seconds / 1e6;
}

/** One Node TCP stream over loopback with 1 MiB writes, sender and receiver in this process, in MB/s. */
export async function loopbackSocketMBps(totalBytes = 2048 * MiB): Promise<number> {
  const chunk = Buffer.alloc(MiB, 0x33);
  return new Promise((resolve, reject) => {
    let received = 0;
    let started = 0;
    const server = createServer((socket) => {
      socket.on('data', (data: Buffer) => {
        received += data.length;
        if (received >= totalBytes) {
          const seconds = (performance.now() - started) / 1000;
          socket.destroy();
          server.close();
          resolve(totalBytes / seconds / 1e6);
        }
      });
    });
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const client = connect(port, '127.0.0.1', () => {
        started = performance.now();
        let sent = 0;
        const pump = () => {
          while (sent < totalBytes) {
            sent += chunk.length;
            if (!client.write(chunk)) {
              client.once('drain', pump);
              return;
            }
          }
          client.end();
        };
        pump();
      });
      client.on('error', () => undefined);
    });
  });
}

/**
 * Writes back every dirty page (sync(1)), so a measurement does not start with a previous phase's gigabytes
 * still queued for the disk: on a machine with tens of GiB of page cache that backlog otherwise decides
 * what the next phase measures.
 */
export function settleDisk(): void {
  spawnSync('sync', { stdio: 'ignore' });
}
