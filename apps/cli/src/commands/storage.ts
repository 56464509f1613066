/**
 * `sluice storage random-uuid|format|info`, modelled on kafka-storage.sh: a KRaft node's data directory must be
 * formatted with the cluster id (meta.properties: version, cluster.id, node.id, directory.id) before it starts.
 * `sluice cluster` formats the directories of the brokers it starts; this is for nodes started by hand, such as
 * a broker added to a running cluster.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, parseConfigPairs } from '../cli-error.ts';
import { randomClusterId, writeMetaProperties } from './cluster.ts';

/** Kafka's Uuid in base64url, 22 characters. */
const CLUSTER_ID = /^[A-Za-z0-9_-]{22}$/;

export function storageCommand(args: string[]): void {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      'data-dir': { type: 'string' },
      'cluster-id': { type: 'string', short: 't' },
      config: { type: 'string', multiple: true, default: [] },
      'ignore-formatted': { type: 'boolean', short: 'g', default: false },
    },
    strict: true,
  });
  switch (action) {
    case 'random-uuid':
      console.log(randomClusterId());
      return;
    case 'format': {
      const dataDir = values['data-dir'];
      const clusterId = values['cluster-id'];
      if (!dataDir) throw new CliError('format needs --data-dir');
      if (!clusterId || !CLUSTER_ID.test(clusterId))
        throw new CliError(
          'format needs --cluster-id, a 22-character id such as `sluice storage random-uuid` prints',
        );
      const nodeId = Number(parseConfigPairs(values.config).get('node.id'));
      if (!Number.isInteger(nodeId) || nodeId < 0) throw new CliError('format needs --config node.id=N');
      if (!writeMetaProperties(dataDir, clusterId, nodeId)) {
        if (values['ignore-formatted']) {
          console.log('All of the log directories are already formatted.');
          return;
        }
        throw new CliError(
          `Log directory ${dataDir} is already formatted. Use --ignore-formatted to ignore this directory and format the others.`,
        );
      }
      console.log(`Formatted ${dataDir} for cluster ${clusterId} as node ${nodeId}.`);
      return;
    }
    case 'info': {
      const dataDir = values['data-dir'];
      if (!dataDir) throw new CliError('info needs --data-dir');
      const path = join(dataDir, 'meta.properties');
      if (!existsSync(path)) throw new CliError(`No meta.properties found in ${dataDir}`);
      console.log(`Found log directory:\n  ${dataDir}\n\n${readFileSync(path, 'utf8')}`);
      return;
    }
    default:
      throw new CliError(`unknown storage action "${action ?? ''}" (random-uuid, format, info)`);
  }
}
