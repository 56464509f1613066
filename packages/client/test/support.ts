/** Shared by the client's integration tests: a real broker on a free port, topics, and polling for a condition. */
import type { ClusterClient } from '../src/cluster-client.ts';
import { startBroker, type BrokerProcess } from '../../broker/test/support/broker-process.ts';

export { startBroker, type BrokerProcess };

/** A broker whose groups rebalance at once (no initial rebalance delay), so tests do not wait it out. */
export function startTestBroker(
  configs: Record<string, string> = {},
  where: { dataDir?: string; port?: number } = {},
): Promise<BrokerProcess> {
  return startBroker({ ...where, configs: { 'group.initial.rebalance.delay.ms': '0', ...configs } });
}

export async function createTopic(
  client: ClusterClient,
  name: string,
  partitions: number,
  configs: Record<string, string> = {},
): Promise<void> {
  const [result] = await client.createTopics([
    {
      name,
      numPartitions: partitions,
      replicationFactor: 1,
      assignments: [],
      configs: Object.entries(configs).map(([configName, value]) => ({ name: configName, value })),
    },
  ]);
  if (result!.errorCode !== 0) throw new Error(`CreateTopics ${name}: error ${result!.errorCode}`);
}

export async function waitFor(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
