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
