/** A usage or input error: printed as one line with the usage, exit code 2, no stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/**
 * The cluster refused some of what a well-formed command asked (Kafka's AdminCommandFailedException): printed
 * without the usage, exit code 1.
 */
export class CommandFailedError extends Error {
  override readonly name = 'CommandFailedError';
}

/** Parses repeated `name=value` flags (--config) into an ordered map. */
export function parseConfigPairs(entries: readonly string[], flag = '--config'): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const entry of entries) {
    const separator = entry.indexOf('=');
    if (separator <= 0) throw new CliError(`${flag} expects name=value, got "${entry}"`);
    pairs.set(entry.slice(0, separator).trim(), entry.slice(separator + 1));
  }
  return pairs;
}
