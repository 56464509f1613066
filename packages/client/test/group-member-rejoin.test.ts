/**
 * Regression: a rejoin asked for while a join sequence was under way (Connect's leader asks when task configs
 * arrive as it assigns or starts connectors) was lost. The member cleared its rejoin flag only after SyncGroup,
 * so a request made meanwhile was wiped, and the stable member heartbeated on in the old generation. As in
 * Kafka, the flag is now cleared when JoinGroup answers, and a later request starts another join.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { ClusterClient } from '../src/cluster-client.ts';
import { GroupMember, type GroupGeneration } from '../src/group-member.ts';
import { startTestBroker, waitFor, type BrokerProcess } from './support.ts';

let broker: BrokerProcess;
let client: ClusterClient;

before(async () => {
  broker = await startTestBroker();
  client = new ClusterClient(broker.bootstrap);
});

after(async () => {
  client?.close();
  await broker?.stop();
});

it('a rejoin asked for during the assignment starts another generation once this one completes', async () => {
  const generations: GroupGeneration[] = [];
  let assignments = 0;
  const member: GroupMember = new GroupMember(
    client,
    { groupId: 'rejoin-during-assign', sessionTimeoutMs: 6_000, heartbeatIntervalMs: 200 },
    {
      protocolType: 'sluice-test',
      protocols: () => [{ name: 'v1', metadata: Buffer.alloc(0) }],
      assign: (_protocol, members) => {
        if (++assignments === 1) member.requestRejoin('the config changed while assigning');
        return Promise.resolve(new Map(members.map((m) => [m.memberId, Buffer.alloc(0)])));
      },
      onJoinComplete: (generation) => {
        generations.push(generation);
        return Promise.resolve();
      },
      onJoinPrepare: () => Promise.resolve(),
    },
  );
  await member.start();
  await waitFor('a second generation', () => generations.length >= 2, 10_000);
  assert.ok(generations[1]!.generationId > generations[0]!.generationId);
  assert.equal(assignments, 2);
  await member.stop();
});
