/**
 * The log cleaner's broker configs, read from the config store and changeable at runtime as in Kafka
 * (LogCleaner is a BrokerReconfigurable): log.cleaner.threads, log.cleaner.dedupe.buffer.size,
 * log.cleaner.io.buffer.size, log.cleaner.io.buffer.load.factor, log.cleaner.io.max.bytes.per.second and
 * log.cleaner.backoff.ms, set with AlterConfigs on the broker or the cluster default.
 */
import { ConfigError } from '../config/config-def.ts';
import type { BrokerConfigStore, BrokerReconfigurable } from '../config/config-store.ts';
import type { CleanerSettings, LogManager } from './log-manager.ts';

/** LogCleaner.ReconfigurableConfigs. */
const CLEANER_CONFIGS: ReadonlySet<string> = new Set([
  'log.cleaner.threads',
  'log.cleaner.dedupe.buffer.size',
  'log.cleaner.io.buffer.size',
  'log.cleaner.io.buffer.load.factor',
  'log.cleaner.io.max.bytes.per.second',
  'log.cleaner.backoff.ms',
]);

export function cleanerSettings(config: BrokerConfigStore): CleanerSettings & { backoffMs: number } {
  return {
    backoffMs: config.getNumber('log.cleaner.backoff.ms'),
    dedupeBufferBytes: config.getNumber('log.cleaner.dedupe.buffer.size'),
    threads: config.getNumber('log.cleaner.threads'),
    ioMaxBytesPerSecond: config.getNumber('log.cleaner.io.max.bytes.per.second'),
  };
}

/** Applies dynamic changes to the running cleaner, refusing thread counts as Kafka's validateReconfiguration does. */
export class LogCleanerReconfiguration implements BrokerReconfigurable {
  readonly reconfigurableConfigs = CLEANER_CONFIGS;

  constructor(
    private readonly config: BrokerConfigStore,
    private readonly logs: LogManager,
  ) {}

  validateReconfiguration(next: BrokerConfigStore): void {
    const threads = next.getNumber('log.cleaner.threads');
    const current = this.config.getNumber('log.cleaner.threads');
    if (threads < 1) throw new ConfigError('Log cleaner threads should be at least 1');
    if (threads < Math.floor(current / 2))
      throw new ConfigError(
        `Log cleaner threads cannot be reduced to less than half the current value ${current}`,
      );
    if (threads > current * 2)
      throw new ConfigError(
        `Log cleaner threads cannot be increased to more than double the current value ${current}`,
      );
  }

  reconfigure(): void {
    this.logs.reconfigureCleaner(cleanerSettings(this.config));
  }
}
