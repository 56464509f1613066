/** kcat (librdkafka) as the reference reader in tests: everything in a topic, from the beginning, one line a record. */
import { runOk } from './run.ts';

export async function kcatReadAll(
  bootstrap: string,
  topic: string,
  options: { format?: string; partition?: number; timeoutMs?: number } = {},
): Promise<string[]> {
  const args = ['-b', bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-f', options.format ?? '%s\n'];
  if (options.partition !== undefined) args.push('-p', String(options.partition));
  const { stdout } = await runOk(
    'kcat',
    args,
    options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
  );
  return stdout.split('\n').filter((line) => line !== '');
}
