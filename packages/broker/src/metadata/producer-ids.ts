/**
 * Allocates producer ids for InitProducerId. Ids are handed out from blocks whose end is recorded durably
 * before any id of the block is used (`__cluster_metadata/producer-ids`), so a restarted broker never reuses
 * an id that may still have state in a log.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../storage/durable-file.ts';

const BLOCK_SIZE = 1000n;

/** Hands out producer ids; null when none is at hand yet (the producer is told to retry). */
export interface ProducerIdAllocator {
  allocate(): bigint | null;
}

export class ProducerIdManager implements ProducerIdAllocator {
  private next: bigint;
  private blockEnd: bigint;
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, '__cluster_metadata', 'producer-ids');
    const reserved = existsSync(this.file) ? BigInt(readFileSync(this.file, 'utf8').trim() || '0') : 0n;
    this.next = reserved;
    this.blockEnd = reserved;
  }

  allocate(): bigint {
    if (this.next >= this.blockEnd) {
      this.blockEnd = this.next + BLOCK_SIZE;
      writeFileDurably(this.file, `${this.blockEnd}\n`);
    }
    return this.next++;
  }
}
