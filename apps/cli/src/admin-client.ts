/**
 * The cluster connection every admin command shares: `--bootstrap-server HOST:PORT[,...]` and, for a secured
 * listener, `--command-config FILE` with Kafka's client properties (security.protocol, sasl.mechanism,
 * sasl.jaas.config, ssl.truststore.location, ...), as Kafka's tools take them.
 */
import { ClusterClient, connectionSecurityFromFile } from '@sluice/client';
import { CliError } from './cli-error.ts';

/** The parseArgs options of the connection flags. */
export const CONNECTION_OPTIONS = {
  'bootstrap-server': { type: 'string', default: '127.0.0.1:9092' },
  'command-config': { type: 'string' },
} as const;

export function adminClient(values: {
  'bootstrap-server': string;
  'command-config'?: string | undefined;
}): ClusterClient {
  const path = values['command-config'];
  if (path === undefined) return new ClusterClient(values['bootstrap-server']);
  let security;
  try {
    security = connectionSecurityFromFile(path);
  } catch (error) {
    throw new CliError(`--command-config ${(error as Error).message}`);
  }
  return new ClusterClient(values['bootstrap-server'], 'sluice-cli', { security });
}
