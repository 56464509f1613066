/**
 * A group member in a process of its own, for tests that kill it (SIGKILL: no LeaveGroup, no more heartbeats).
 * Arguments: bootstrap, group id, session timeout ms. Prints "joined <generation id> <member id>" after each join.
 */
import { ClusterClient } from '../src/cluster-client.ts';
import { GroupMember } from '../src/group-member.ts';

const [bootstrap, groupId, sessionTimeoutMs] = process.argv.slice(2);
const member = new GroupMember(
  new ClusterClient(bootstrap!, 'group-member-process'),
  {
    groupId: groupId!,
    sessionTimeoutMs: Number(sessionTimeoutMs),
    rebalanceTimeoutMs: 10_000,
    heartbeatIntervalMs: 500,
  },
  {
    protocolType: 'sluice-test',
    protocols: () => [{ name: 'v2', metadata: Buffer.from('child speaks v2') }],
    assign: (_protocol, members) =>
      Promise.resolve(new Map(members.map((m) => [m.memberId, Buffer.from(m.memberId)]))),
    onJoinComplete: (generation) => {
      process.stdout.write(`joined ${generation.generationId} ${generation.memberId}\n`);
      return Promise.resolve();
    },
    onJoinPrepare: () => Promise.resolve(),
  },
);
await member.start();
