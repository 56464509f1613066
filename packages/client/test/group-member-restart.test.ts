/**
 * GroupMember through a coordinator restart: the heartbeats fail with the connection, the member finds the
 * coordinator again and is a member of the group once it is back, without anyone calling it.
 */
import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { ClusterClient } from '../src/cluster-client.ts';
import { GroupMember } from '../src/group-member.ts';
import { startTestBroker, waitFor, type BrokerProcess } from './support.ts';

let broker: BrokerProcess | null = null;
const clients: ClusterClient[] = [];
after(async () => {
  for (const c of clients) c.close();
  await broker?.stop();
});

it('finds the coordinator again after it restarts and stays in the group', async () => {
  broker = await startTestBroker();
  const { port, dataDir } = broker;
  const client = new ClusterClient(broker.bootstrap, 'group-member-restart', { requestTimeoutMs: 3_000 });
  clients.push(client);
  const errors: Error[] = [];
  const generations: number[] = [];
  const member = new GroupMember(
    client,
    {
      groupId: 'g-restart',
      sessionTimeoutMs: 6_000,
      rebalanceTimeoutMs: 10_000,
      heartbeatIntervalMs: 200,
      retryBackoffMs: 200,
      onError: (error) => errors.push(error),
    },
    {
      protocolType: 'sluice-test',
      protocols: () => [{ name: 'v1', metadata: Buffer.from('m') }],
      assign: (_protocol, members) =>
        Promise.resolve(new Map(members.map((m) => [m.memberId, Buffer.from('work')]))),
      onJoinComplete: (generation) => {
        generations.push(generation.generationId);
        return Promise.resolve();
      },
      onJoinPrepare: () => Promise.resolve(),
    },
  );
  await member.start();
  await broker.stop();
  await waitFor('a heartbeat fails', () => errors.length > 0);
  broker = await startTestBroker({}, { dataDir, port });
  // Past the session timeout: the coordinator would have dropped a member that did not find it again.
  await new Promise((resolve) => setTimeout(resolve, 7_000));
  await member.ensureActive();
  const described = await client.describeGroup('g-restart');
  assert.equal(described.groupState, 'Stable');
  assert.deepEqual(
    described.members.map((m) => m.memberId),
    [member.memberId],
  );
  assert.ok(member.generationId >= generations[0]!);
  await member.stop();
  assert.equal((await client.describeGroup('g-restart')).members.length, 0);
});
