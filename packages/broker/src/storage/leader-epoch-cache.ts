/**
 * The leader epoch cache of one replica's log (Kafka's LeaderEpochFileCache): for each leader epoch seen in the
 * log, the offset of its first record. It answers OffsetForLeaderEpoch and the Raft Fetch divergence check, so a
 * follower can find where its log parted from the leader's (KIP-101, KIP-279).
 *
 * On disk, `leader-epoch-checkpoint` in the partition directory, as Kafka writes it:
 *   line 1: the format version, `0`
 *   line 2: the number of entries
 *   then one `<epoch> <startOffset>` line per entry, oldest first.
 * It is rewritten whole (temp file, fsync, rename) on every change; changes are rare (a new epoch, a truncation).
 *
 * Invariants: entries strictly increase in both epoch and start offset; an assignment that would break that
 * removes the entries it contradicts first (a leader's new epoch supersedes whatever an old leader wrote there).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from './durable-file.ts';

export const LEADER_EPOCH_CHECKPOINT_FILE = 'leader-epoch-checkpoint';
const CHECKPOINT_VERSION = 0;
/** Kafka's UNDEFINED_EPOCH and UNDEFINED_EPOCH_OFFSET. */
export const UNDEFINED_EPOCH = -1;
export const UNDEFINED_EPOCH_OFFSET = -1;

export interface EpochEntry {
  epoch: number;
  startOffset: number;
}

export interface EpochEndOffset {
  epoch: number;
  endOffset: number;
}

export class LeaderEpochCache {
  private entries: EpochEntry[];
  private readonly path: string;

  /** Loads the checkpoint in `dir`; a missing file is an empty cache (the caller may rebuild it from the log). */
  constructor(dir: string) {
    this.path = join(dir, LEADER_EPOCH_CHECKPOINT_FILE);
    this.entries = existsSync(this.path) ? parseCheckpoint(readFileSync(this.path, 'utf8'), this.path) : [];
  }

  get fileExists(): boolean {
    return existsSync(this.path);
  }

  /** Every entry, oldest first. */
  epochEntries(): readonly EpochEntry[] {
    return this.entries;
  }

  get latestEpoch(): number | undefined {
    return this.entries.at(-1)?.epoch;
  }

  get earliestEntry(): EpochEntry | undefined {
    return this.entries[0];
  }

  /**
   * Records that `epoch` starts at `startOffset`. A repeat of the latest epoch at a later offset changes nothing;
   * entries with an epoch or start offset at or above the new one are removed first.
   */
  assign(epoch: number, startOffset: number): void {
    if (epoch < 0 || startOffset < 0) return;
    const latest = this.entries.at(-1);
    if (latest && latest.epoch === epoch && latest.startOffset <= startOffset) return;
    this.entries = this.entries.filter((e) => e.epoch < epoch && e.startOffset < startOffset);
    this.entries.push({ epoch, startOffset });
    this.write();
  }

  /**
   * OffsetForLeaderEpoch: the largest epoch at or below `requestedEpoch` and the offset where it ends (the start
   * of the next epoch, or the log end offset for the latest). An epoch above all known ones is undefined; one
   * below all known ones ends where the first known one starts.
   */
  endOffsetFor(requestedEpoch: number, logEndOffset: number): EpochEndOffset {
    const undefinedAnswer = { epoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET };
    if (requestedEpoch === UNDEFINED_EPOCH) return undefinedAnswer;
    if (this.latestEpoch === requestedEpoch) return { epoch: requestedEpoch, endOffset: logEndOffset };
    const higher = this.entries.find((e) => e.epoch > requestedEpoch);
    if (!higher) return undefinedAnswer;
    const floor = this.entries.findLast((e) => e.epoch <= requestedEpoch);
    return { epoch: floor?.epoch ?? requestedEpoch, endOffset: higher.startOffset };
  }

  /** The epoch of the record at `offset`, or undefined when the cache does not reach back that far. */
  epochForOffset(offset: number): number | undefined {
    return this.entries.findLast((e) => e.startOffset <= offset)?.epoch;
  }

  /** The log was truncated to end at `endOffset`: epochs starting at or after it are gone. */
  truncateFromEnd(endOffset: number): void {
    if (endOffset < 0) return;
    const latest = this.entries.at(-1);
    if (!latest || latest.startOffset < endOffset) return;
    this.entries = this.entries.filter((e) => e.startOffset < endOffset);
    this.write();
  }

  /**
   * The log now starts at `startOffset`: epochs wholly before it are gone, and the epoch covering it now starts
   * there.
   */
  truncateFromStart(startOffset: number): void {
    const earliest = this.entries[0];
    if (!earliest || earliest.startOffset >= startOffset) return;
    const covering = this.entries.findLastIndex((e) => e.startOffset <= startOffset);
    const kept = this.entries.slice(covering);
    kept[0] = { epoch: kept[0]!.epoch, startOffset };
    this.entries = kept;
    this.write();
  }

  clearAndFlush(): void {
    this.entries = [];
    this.write();
  }

  private write(): void {
    const lines = [String(CHECKPOINT_VERSION), String(this.entries.length)];
    for (const e of this.entries) lines.push(`${e.epoch} ${e.startOffset}`);
    writeFileDurably(this.path, `${lines.join('\n')}\n`);
  }
}

function parseCheckpoint(text: string, path: string): EpochEntry[] {
  const lines = text.split('\n').filter((line) => line.length > 0);
  const fail = (why: string) => new Error(`malformed ${path}: ${why}`);
  if (Number(lines[0]) !== CHECKPOINT_VERSION) throw fail(`unknown version ${lines[0]}`);
  const count = Number(lines[1]);
  if (!Number.isInteger(count) || count < 0 || lines.length !== count + 2)
    throw fail(`expected ${lines[1]} entries, found ${lines.length - 2}`);
  return lines.slice(2).map((line) => {
    const [epoch, startOffset] = line.split(' ').map(Number);
    if (!Number.isInteger(epoch) || !Number.isInteger(startOffset)) throw fail(`bad entry "${line}"`);
    return { epoch: epoch!, startOffset: startOffset! };
  });
}
