/** A minimal leveled logger writing one line per event to stderr; SLUICE_LOG_LEVEL picks the threshold. */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createLogger(name: string, level: LogLevel = defaultLevel()): Logger {
  const threshold = LEVELS[level];
  const emit = (lvl: LogLevel, message: string) => {
    if (LEVELS[lvl] >= threshold)
      process.stderr.write(`${new Date().toISOString()} ${lvl.toUpperCase()} [${name}] ${message}\n`);
  };
  return {
    debug: (m) => emit('debug', m),
    info: (m) => emit('info', m),
    warn: (m) => emit('warn', m),
    error: (m, e) =>
      emit('error', e === undefined ? m : `${m}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
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
