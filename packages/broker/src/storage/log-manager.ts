/**
 * All partition logs of one data directory, and the files that describe them, in Kafka's formats:
 * - `<topic>-<partition>/`: the segments of each partition;
 * - `recovery-point-offset-checkpoint`, `log-start-offset-checkpoint`, `replication-offset-checkpoint`:
 *   text files "0\n<count>\n<topic> <partition> <offset>\n...", written durably (temp + fsync + rename);
 * - `cleaner-offset-checkpoint`: each compacted log's first dirty offset (the log cleaner's progress);
 * - `.kafka_cleanshutdown`: present only after a clean shutdown (every log flushed and checkpointed). When it is
 *   missing at start, each log is recovered from its recovery point and torn tails are truncated.
 */
import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../clock.ts';
import type { LogConfig } from '../config/log-config.ts';
import { causeOf } from '../handlers/request-failure.ts';
import type { Logger, OncePerCauseLog } from '../logger.ts';
import { writeFileDurably, writeFileDurablyInBackground } from './durable-file.ts';
import {
  NO_HISTORY,
  cleanerStatus,
  type CleanerHistory,
  type PartitionCleanerStatus,
} from './cleaner-status.ts';
import { CleanerThrottle } from './cleaner-io.ts';
import { CleanerThreads } from './cleaner-threads.ts';
import {
  applyCleaning,
  compactSegments,
  needsCleaning,
  releaseTask,
  snapshotCleaning,
  type CleanerOptions,
  type CleaningSnapshot,
} from './log-cleaner.ts';
import { PartitionLog } from './partition-log.ts';

const CLEAN_SHUTDOWN_FILE = '.kafka_cleanshutdown';
const RECOVERY_POINT_FILE = 'recovery-point-offset-checkpoint';
const LOG_START_OFFSET_FILE = 'log-start-offset-checkpoint';
const HIGH_WATERMARK_FILE = 'replication-offset-checkpoint';
const CLEANER_OFFSET_FILE = 'cleaner-offset-checkpoint';

export function partitionDirName(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

function readCheckpoint(path: string): Map<string, number> {
  const offsets = new Map<string, number>();
  if (!existsSync(path)) return offsets;
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const line of lines.slice(2)) {
    const match = /^(\S+) (\d+) (-?\d+)$/.exec(line.trim());
    if (match) offsets.set(partitionDirName(match[1]!, Number(match[2])), Number(match[3]));
  }
  return offsets;
}

/** Kafka's checkpoint file format: version 0, the number of entries, then `topic partition offset` lines. */
function checkpointText(entries: [string, number, number][]): string {
  const lines = ['0', String(entries.length), ...entries.map(([t, p, o]) => `${t} ${p} ${o}`)];
  return `${lines.join('\n')}\n`;
}

function writeCheckpoint(path: string, entries: [string, number, number][]): void {
  writeFileDurably(path, checkpointText(entries));
}

/** The log cleaner's broker configs, all dynamic in Kafka (LogCleaner.ReconfigurableConfigs). */
export interface CleanerSettings {
  /** log.cleaner.dedupe.buffer.size: the key maps of all cleaner threads together. */
  dedupeBufferBytes: number;
  /** log.cleaner.threads; absent or 0 (tests only) cleans on the event loop's thread. */
  threads?: number;
  /** log.cleaner.io.max.bytes.per.second, all threads together; absent or Infinity: no limit. */
  ioMaxBytesPerSecond?: number;
}

export interface LoadedPartition {
  topic: string;
  partition: number;
  config: LogConfig;
}

export class LogManager {
  private readonly logs = new Map<string, PartitionLog>();
  private readonly timers: NodeJS.Timeout[] = [];
  /** Each log's compaction passes and failures, by "<topic>-<partition>", for status pages and metrics. */
  private readonly cleanerHistory = new Map<string, CleanerHistory>();
  private cleanerPass: Promise<void> | null = null;
  private cleanerThreads: CleanerThreads | null = null;
  /** replication-offset-checkpoint as found at start: where a replica's high watermark resumes. */
  private checkpointedHighWatermarks = new Map<string, number>();
  private readonly cleanerStop = new AbortController();
  /** Ends the cleaner's rest between rounds early (reconfigureCleaner). */
  private cleanerWake: AbortController | null = null;
  /** log.cleaner.io.max.bytes.per.second, shared by every cleaner thread. */
  private readonly throttle = CleanerThrottle.create(Infinity);
  readonly wasCleanShutdown: boolean;

  constructor(
    readonly dataDir: string,
    private readonly clock: Clock,
    private readonly log: Logger,
    /** Background failures (a full disk fails every checkpoint and flush) are logged once per cause. */
    private readonly errorLog: OncePerCauseLog,
  ) {
    const marker = join(dataDir, CLEAN_SHUTDOWN_FILE);
    this.wasCleanShutdown = existsSync(marker);
    // From now until a clean close the data may change: a crash must trigger recovery.
    rmSync(marker, { force: true });
  }

  /** Opens the logs of the partitions the metadata knows; directories of unknown partitions are left alone. */
  loadAll(partitions: LoadedPartition[]): void {
    const recoveryPoints = readCheckpoint(join(this.dataDir, RECOVERY_POINT_FILE));
    const logStartOffsets = readCheckpoint(join(this.dataDir, LOG_START_OFFSET_FILE));
    const cleanerOffsets = readCheckpoint(join(this.dataDir, CLEANER_OFFSET_FILE));
    this.checkpointedHighWatermarks = readCheckpoint(join(this.dataDir, HIGH_WATERMARK_FILE));
    for (const { topic, partition, config } of partitions) {
      const key = partitionDirName(topic, partition);
      const started = Date.now();
      const log = new PartitionLog(join(this.dataDir, key), topic, partition, config, {
        recoveryPoint: recoveryPoints.get(key) ?? 0,
        logStartOffset: logStartOffsets.get(key) ?? 0,
        cleanShutdown: this.wasCleanShutdown,
        now: this.clock.now(),
      });
      log.cleanerCheckpoint = cleanerOffsets.get(key) ?? 0;
      this.logs.set(key, log);
      if (!this.wasCleanShutdown) {
        this.log.info(`recovered ${key} to offset ${log.logEndOffset} in ${Date.now() - started} ms`);
      }
    }
  }

  get(topic: string, partition: number): PartitionLog | undefined {
    return this.logs.get(partitionDirName(topic, partition));
  }

  all(): PartitionLog[] {
    return [...this.logs.values()];
  }

  /** The high watermark the last checkpoint before this start recorded for a log, if any. */
  checkpointedHighWatermark(topic: string, partition: number): number | undefined {
    return this.checkpointedHighWatermarks.get(partitionDirName(topic, partition));
  }

  /** Opens (creating it when new) a partition's log; `replicated` for a replica of a replicated partition. */
  create(
    topic: string,
    partition: number,
    config: LogConfig,
    options: { replicated?: boolean } = {},
  ): PartitionLog {
    const key = partitionDirName(topic, partition);
    const existing = this.logs.get(key);
    if (existing) return existing;
    let log: PartitionLog;
    try {
      log = new PartitionLog(join(this.dataDir, key), topic, partition, config, {
        recoveryPoint: 0,
        logStartOffset: 0,
        cleanShutdown: true,
        now: this.clock.now(),
        ...(options.replicated ? { replicated: {} } : {}),
      });
    } catch (error) {
      rmSync(join(this.dataDir, key), { recursive: true, force: true });
      throw error;
    }
    this.logs.set(key, log);
    return log;
  }

  /** Removes a partition's log: renamed aside first (as Kafka's `-delete` suffix), then deleted. */
  delete(topic: string, partition: number): void {
    const key = partitionDirName(topic, partition);
    const log = this.logs.get(key);
    if (!log) return;
    this.logs.delete(key);
    this.cleanerHistory.delete(key);
    log.close();
    const aside = join(this.dataDir, `${key}.${Date.now().toString(36)}-delete`);
    renameSync(log.dir, aside);
    rmSync(aside, { recursive: true, force: true });
  }

  /**
   * The partition directories in the data directory (`<topic>-<partition>`), whatever the metadata says: a cluster
   * member opens every log it has before the metadata log tells it which it still hosts, as Kafka's LogManager
   * does. The metadata log's own directory and deletions in progress are not partition logs.
   */
  discoverPartitionDirs(excluded: ReadonlySet<string>): { topic: string; partition: number }[] {
    const found: { topic: string; partition: number }[] = [];
    for (const entry of readdirSync(this.dataDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || excluded.has(entry.name) || entry.name.endsWith('-delete')) continue;
      const match = /^(.+)-(\d+)$/.exec(entry.name);
      if (match) found.push({ topic: match[1]!, partition: Number(match[2]) });
    }
    return found;
  }

  /** Removes leftovers of deletions interrupted by a crash. */
  cleanDeletedDirectories(): void {
    for (const name of readdirSync(this.dataDir)) {
      if (name.endsWith('-delete')) rmSync(join(this.dataDir, name), { recursive: true, force: true });
    }
  }

  /** Starts the periodic work: retention, time-based flushes, checkpoints and producer id expiration. */
  startBackgroundTasks(intervals: {
    retentionCheckMs: number;
    flushCheckMs: number;
    checkpointMs: number;
    /** producer.id.expiration.check.interval.ms, and producer.id.expiration.ms as it is now (dynamic). */
    producerExpiration?: { checkMs: number; expirationMs: () => number };
  }): void {
    const every = (name: string, ms: number, task: () => void) => {
      const timer = setInterval(() => {
        try {
          task();
        } catch (error) {
          this.errorLog.error(`${name}: ${causeOf(error)}`, `background ${name} failed`, error);
        }
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every('retention', intervals.retentionCheckMs, () => this.enforceRetention());
    every('flush', intervals.flushCheckMs, () => {
      for (const log of this.logs.values()) log.maybeFlushOnTime(this.clock.now());
    });
    every('checkpoint', intervals.checkpointMs, () => this.checkpoint());
    const { producerExpiration } = intervals;
    if (producerExpiration) {
      every('producer expiration', producerExpiration.checkMs, () => {
        const expireBefore = this.clock.now() - producerExpiration.expirationMs();
        for (const log of this.logs.values()) log.producers.expire(expireBefore);
      });
    }
  }

  enforceRetention(): number {
    let deleted = 0;
    for (const log of this.logs.values()) deleted += log.enforceRetention(this.clock.now());
    if (deleted > 0) this.checkpoint();
    return deleted;
  }

  checkpoint(): void {
    const entries = (value: (log: PartitionLog) => number): [string, number, number][] =>
      [...this.logs.values()].map((log) => [log.topic, log.partition, value(log)]);
    writeCheckpoint(
      join(this.dataDir, RECOVERY_POINT_FILE),
      entries((log) => log.recoveryPoint),
    );
    writeCheckpoint(
      join(this.dataDir, LOG_START_OFFSET_FILE),
      entries((log) => log.logStartOffset),
    );
    writeCheckpoint(
      join(this.dataDir, HIGH_WATERMARK_FILE),
      entries((log) => log.highWatermark),
    );
    writeCheckpoint(
      join(this.dataDir, CLEANER_OFFSET_FILE),
      entries((log) => log.cleanerCheckpoint),
    );
  }

  /**
   * The log cleaner: one pass over every log that needs compaction, then log.cleaner.backoff.ms of rest, until
   * stopCleaner(). `settings` is read at every round, so dynamic changes to the cleaner's configs apply from the
   * next round (reconfigureCleaner starts it at once). A log whose pass fails (an I/O error, a corrupt batch) is
   * marked uncleanable, with the reason, and skipped until the broker restarts or the log is deleted, as Kafka's
   * LogCleanerManager does.
   */
  startCleaner(settings: () => CleanerSettings & { backoffMs: number }): void {
    const loop = async () => {
      const { signal } = this.cleanerStop;
      while (!signal.aborted) {
        const current = settings();
        await this.cleanAll(current);
        // The rest between rounds ends early when the cleaner is stopped or reconfigured; it never keeps the
        // process alive.
        this.cleanerWake = new AbortController();
        await sleep(current.backoffMs, undefined, {
          signal: AbortSignal.any([signal, this.cleanerWake.signal]),
          ref: false,
        }).catch(() => undefined);
      }
    };
    this.cleanerPass = loop().catch((error: unknown) => this.log.error('log cleaner stopped', error));
  }

  /**
   * Applies changed cleaner settings (Kafka's LogCleaner.reconfigure): the I/O rate at once, to passes already
   * running too; the thread count, buffer and backoff from the round it starts now. Passes already running
   * finish on the threads they started on.
   */
  reconfigureCleaner(settings: CleanerSettings): void {
    this.throttle.setRate(settings.ioMaxBytesPerSecond ?? Infinity);
    this.cleanerWake?.abort();
  }

  /**
   * Cleans every log due for it; resolves when done. With `settings.threads` the passes run on that many
   * cleaner threads, as many logs at a time; without, on this thread one log at a time. Either way the snapshot
   * and the swap happen here, between requests.
   */
  async cleanAll(settings: CleanerSettings): Promise<number> {
    const threads = settings.threads ?? 0;
    if (threads > 0 && (!this.cleanerThreads || this.cleanerThreads.size !== threads)) {
      // Between rounds: no task is running on the old threads.
      void this.cleanerThreads?.close();
      this.cleanerThreads = new CleanerThreads(threads);
    }
    this.throttle.setRate(settings.ioMaxBytesPerSecond ?? Infinity);
    const pool = threads > 0 ? this.cleanerThreads : null;
    const due = [...this.logs].filter(
      ([key, log]) =>
        this.cleanerHistory.get(key)?.uncleanableReason == null && needsCleaning(log, this.clock.now()),
    );
    // log.cleaner.dedupe.buffer.size is the memory of all cleaner threads together, as in Kafka; so is the
    // throttle's rate.
    const perThread: CleanerOptions = {
      dedupeBufferBytes: Math.floor(settings.dedupeBufferBytes / Math.max(1, threads)),
      throttle: this.throttle,
    };
    let cleaned = 0;
    const worker = async () => {
      for (let next = due.shift(); next && !this.cleanerStop.signal.aborted; next = due.shift()) {
        if (await this.cleanOne(next[0], next[1], perThread, pool)) cleaned++;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, threads) }, worker));
    if (cleaned > 0) {
      try {
        // A pass moves only the cleaner's checkpoint; it is written off the event loop, as Kafka's cleaner
        // threads write it. A crash before it lands costs only a pass done again.
        await writeFileDurablyInBackground(
          join(this.dataDir, CLEANER_OFFSET_FILE),
          checkpointText(
            [...this.logs.values()].map((log) => [log.topic, log.partition, log.cleanerCheckpoint]),
          ),
        );
      } catch (error) {
        // The cleaner carries on; the periodic checkpoint writes its progress once it can.
        this.errorLog.error(`checkpoint: ${causeOf(error)}`, 'checkpoint after cleaning failed', error);
      }
    }
    return cleaned;
  }

  /** One pass over one log; true when it cleaned something. */
  private async cleanOne(
    key: string,
    log: PartitionLog,
    options: CleanerOptions,
    pool: CleanerThreads | null,
  ): Promise<boolean> {
    const now = this.clock.now();
    if (this.logs.get(key) !== log || !needsCleaning(log, now)) return false;
    const history = { ...(this.cleanerHistory.get(key) ?? NO_HISTORY) };
    this.cleanerHistory.set(key, history);
    history.cleaning = true;
    let snapshot: CleaningSnapshot | null = null;
    try {
      snapshot = snapshotCleaning(log, now, options);
      if (!snapshot) return false;
      const plan = pool ? await pool.run(snapshot.task) : await compactSegments(snapshot.task);
      // The log may have been deleted meanwhile; applyCleaning checks that its segments are still the same.
      const result = plan && this.logs.get(key) === log ? await applyCleaning(log, snapshot, plan) : null;
      if (!result) return false;
      history.lastPass = { ...result, startedAt: now, durationMs: this.clock.now() - now };
      history.passes++;
      history.bytesRemoved += result.bytesBefore - result.bytesAfter;
      history.recordsRemoved += result.recordsRemoved;
      this.log.info(
        `cleaned ${key} up to offset ${result.cleanedUpTo}: ${result.segmentsCleaned} segment(s), ` +
          `${result.bytesBefore} -> ${result.bytesAfter} bytes, ${result.recordsRemoved} record(s) removed`,
      );
      return true;
    } catch (error) {
      if (this.cleanerStop.signal.aborted) return false;
      const changed = snapshot !== null && snapshot.segments.some((s) => !log.closedSegments().includes(s));
      if (changed || this.logs.get(key) !== log) {
        // Retention, truncation or deletion removed what the pass was reading: the next pass starts over.
        this.log.info(`cleaning ${key} abandoned: its segments changed during the pass`);
        return false;
      }
      // Kafka's markPartitionUncleanable: this log is skipped until the broker restarts or the log is deleted;
      // the others carry on.
      history.uncleanableReason = error instanceof Error ? error.message : String(error);
      this.errorLog.error(
        `cleaner: ${causeOf(error)}`,
        `cleaning ${key} failed; the partition is marked uncleanable`,
        error,
      );
      return false;
    } finally {
      if (snapshot) releaseTask(snapshot.task);
      history.cleaning = false;
    }
  }

  /** The cleaner's view of every log on this broker, compacted or not. */
  cleanerStatus(): PartitionCleanerStatus[] {
    const now = this.clock.now();
    return [...this.logs].map(([key, log]) => cleanerStatus(log, now, this.cleanerHistory.get(key)));
  }

  /** Stops the cleaner; a pass in progress ends without a swap, or after its swap (never half-swapped). */
  async stopCleaner(): Promise<void> {
    this.cleanerStop.abort();
    // Passes running on cleaner threads are dropped (a thread never writes the data directory).
    await this.cleanerThreads?.close();
    await this.cleanerPass;
  }

  /** Clean shutdown: flush every log, checkpoint, then leave the marker that lets the next start skip recovery. */
  close(): void {
    for (const timer of this.timers) clearInterval(timer);
    void this.cleanerThreads?.close();
    const now = this.clock.now();
    for (const log of this.logs.values()) log.flush(now);
    this.checkpoint();
    for (const log of this.logs.values()) log.close(true);
    this.logs.clear();
    writeFileDurably(join(this.dataDir, CLEAN_SHUTDOWN_FILE), '');
  }
}
