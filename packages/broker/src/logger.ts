/**
 * The broker's logger, on pino: one JSON object per line on stderr (time, level, name, msg, and err with its
 * stack) when stderr is not a terminal, for log shippers; on a terminal, readable lines in the form Sluice has
 * always printed ("2026-01-01T00:00:00.000Z INFO [broker] message"). SLUICE_LOG_FORMAT=json|text overrides the
 * choice; SLUICE_LOG_LEVEL picks the threshold (debug, info, warn, error, silent).
 *
 * Writes are synchronous: a process that exits right after logging (a failed start, `process.exit` after a
 * clean stop) loses nothing. Every logger of the process shares one destination.
 */
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  /** Whether debug messages are written, so a hot path builds its message only then. */
  readonly debugEnabled?: boolean;
}

let root: PinoLogger | null = null;

function rootLogger(): PinoLogger {
  root ??= pino(
    {
      level: 'debug',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    logFormat() === 'json' ? pino.destination({ dest: 2, sync: true }) : readableStderr(),
  );
  return root;
}

function logFormat(): 'json' | 'text' {
  const format = process.env.SLUICE_LOG_FORMAT;
  if (format === 'json' || format === 'text') return format;
  return process.stderr.isTTY ? 'text' : 'json';
}

/** Renders pino's JSON lines as "time LEVEL [name] msg", with an error's stack after the message. */
function readableStderr(): DestinationStream {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as {
        time: string;
        level: string;
        name?: string;
        msg: string;
        err?: { stack?: string };
      };
      const cause = entry.err?.stack ? `: ${entry.err.stack}` : '';
      process.stderr.write(
        `${entry.time} ${entry.level.toUpperCase()} [${entry.name ?? ''}] ${entry.msg}${cause}\n`,
      );
    },
  };
}

export function createLogger(name: string, level: LogLevel = defaultLevel()): Logger {
  const log = rootLogger().child({ name });
  log.level = level;
  return {
    debug: (m) => log.debug(m),
    info: (m) => log.info(m),
    warn: (m) => log.warn(m),
    error: (m, e) => {
      if (e === undefined) log.error(m);
      else if (e instanceof Error) log.error({ err: e }, m);
      else log.error(`${m}: ${String(e)}`);
    },
    get debugEnabled() {
      return log.isLevelEnabled('debug');
    },
  };
}

function defaultLevel(): LogLevel {
  const value = process.env.SLUICE_LOG_LEVEL;
  return value !== undefined && value in LEVELS ? (value as LogLevel) : 'info';
}

/**
 * Logs an error once per cause rather than once per occurrence: a disk that is full fails every Produce, and
 * thousands of identical stack traces would bury everything else. The first occurrence of a cause is logged
 * with its stack; later ones within `windowMs` are counted, and the count is logged with the next occurrence
 * after the window.
 */
export class OncePerCauseLog {
  private readonly seen = new Map<string, { loggedAt: number; suppressed: number }>();

  constructor(
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    private readonly windowMs = 60_000,
  ) {}

  error(cause: string, message: string, error: unknown): void {
    const now = this.now();
    const entry = this.seen.get(cause);
    if (entry && now - entry.loggedAt < this.windowMs) {
      entry.suppressed++;
      return;
    }
    const repeats = entry?.suppressed ? ` (${entry.suppressed} more times since it was last logged)` : '';
    this.log.error(`${message}${repeats}`, entry ? causeText(error) : error);
    this.seen.set(cause, { loggedAt: now, suppressed: 0 });
    // Causes are few (error codes and messages), but a flood of distinct ones must not grow the map forever.
    if (this.seen.size > MAX_CAUSES) this.seen.delete(this.seen.keys().next().value!);
  }
}

const MAX_CAUSES = 1000;

/** After the first report of a cause, the message alone: the stack was already logged. */
function causeText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
