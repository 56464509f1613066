/**
 * `sluice storage random-uuid|format|info`, modelled on kafka-storage.sh: a KRaft node's data directory must be
 * formatted with the cluster id (meta.properties: version, cluster.id, node.id, directory.id) before it starts.
 * `sluice cluster` formats the directories of the brokers it starts; this is for nodes started by hand, such as
 * a broker added to a running cluster, or for a cluster that starts with SCRAM users.
 *
 * format also writes the bootstrap metadata (`bootstrap.checkpoint` in the metadata log dir: metadata.version
 * and, for each `--add-scram 'SCRAM-SHA-256=[name=alice,password=...]'`, a UserScramCredentialRecord), which the
 * first active controller of an empty metadata log writes first, so the cluster's first start already accepts
 * those users; a standalone broker (a data dir formatted for it) takes them at its first start.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, parseConfigPairs } from '../cli-error.ts';
import { randomClusterId, writeMetaProperties } from './cluster.ts';
import { parseAddScram } from './scram-credentials.ts';

/** Kafka's Uuid in base64url, 22 characters. */
const CLUSTER_ID = /^[A-Za-z0-9_-]{22}$/;

export async function storageCommand(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      'data-dir': { type: 'string' },
      'cluster-id': { type: 'string', short: 't' },
      config: { type: 'string', multiple: true, default: [] },
      'ignore-formatted': { type: 'boolean', short: 'g', default: false },
      'add-scram': { type: 'string', short: 'S', multiple: true, default: [] },
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
      const configs = parseConfigPairs(values.config);
      const nodeId = Number(configs.get('node.id'));
      if (!Number.isInteger(nodeId) || nodeId < 0) throw new CliError('format needs --config node.id=N');
      // Every credential is checked before anything is written, as Kafka's formatter does.
      const scramRecords = values['add-scram'].map((argument) => ({
        type: 'UserScramCredentialRecord' as const,
        data: parseAddScram(argument),
      }));
      if (existsSync(join(dataDir, 'meta.properties'))) {
        if (values['ignore-formatted']) {
          console.log('All of the log directories are already formatted.');
          return;
        }
        throw new CliError(
          `Log directory ${dataDir} is already formatted. Use --ignore-formatted to ignore this directory and format the others.`,
        );
      }
      // The bootstrap first: a directory with meta.properties counts as formatted, and must have its bootstrap.
      const metadataDir = configs.get('metadata.log.dir') ?? dataDir;
      mkdirSync(metadataDir, { recursive: true });
      const { writeBootstrapMetadata } = await import('@sluice/broker');
      await writeBootstrapMetadata(metadataDir, scramRecords);
      writeMetaProperties(dataDir, clusterId, nodeId);
      console.log(`Formatted ${dataDir} for cluster ${clusterId} as node ${nodeId}.`);
      for (const { data } of scramRecords)
        console.log(`Added a SCRAM credential for user '${data.name}' to the bootstrap metadata.`);
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
