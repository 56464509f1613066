/**
 * `sluice connect standalone WORKER.properties [CONNECTOR.properties ...]` and
 * `sluice connect distributed WORKER.properties`: a Kafka Connect worker, as connect-standalone.sh and
 * connect-distributed.sh run one, with Kafka Connect's worker and connector settings.
 */
import { CliError } from '../cli-error.ts';

const USAGE = `usage: sluice connect standalone WORKER.properties [CONNECTOR.properties ...]
       sluice connect distributed WORKER.properties`;

export async function connectCommand(args: string[]): Promise<void> {
  const [mode, workerProperties, ...connectorProperties] = args;
  if (mode === 'standalone' || mode === 'distributed') {
    if (workerProperties === undefined || workerProperties.startsWith('-')) throw new CliError(USAGE);
    if (mode === 'distributed' && connectorProperties.length > 0)
      throw new CliError(`distributed mode takes connectors through the REST API, not files\n${USAGE}`);
    const { startStandalone, consoleLogger } = await import('@sluice/connect/runtime');
    const worker = await startStandalone(workerProperties, connectorProperties, consoleLogger);
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      consoleLogger('info', 'Kafka Connect stopping');
      void worker.stop().then(
        () => {
          consoleLogger('info', 'Kafka Connect stopped');
          process.exit(0);
        },
        (error: unknown) => {
          consoleLogger('error', `Kafka Connect did not stop cleanly: ${(error as Error).message}`);
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    return;
  }
  throw new CliError(USAGE);
}
