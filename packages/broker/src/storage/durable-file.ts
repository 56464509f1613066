/**
 * Crash-safe small files (checkpoints, metadata snapshots): write to a temp file, fsync it, rename it over the
 * target, fsync the directory. After a crash the target holds either the old or the new content, never a mix.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

export function writeFileDurably(path: string, content: string | Buffer): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  fsyncDirectory(dirname(path));
}

export function fsyncDirectory(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * writeFileDurably with every step in libuv's thread pool, for writers that must not hold up requests (the
 * cleaner's checkpoint after a pass). Its temp file has a name of its own, so it never mixes with a concurrent
 * writeFileDurably of the same file; whichever rename comes last wins, each content whole.
 */
export async function writeFileDurablyInBackground(path: string, content: string | Buffer): Promise<void> {
  const temp = `${path}.${randomUUID()}.tmp`;
  const file = await open(temp, 'w');
  try {
    await file.writeFile(content);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, path);
  const directory = await open(dirname(path), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
