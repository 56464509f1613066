import type { RouterOutputs } from '~/trpc/outputs';

type Member = RouterOutputs['groups']['detail']['members'][number];

/** "orders 0, 1, 2 · payments 3": a member's partitions by topic, in order. */
function assignmentByTopic(member: Member): { topic: string; partitions: number[] }[] {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of member.assignment) {
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
  }
  return [...byTopic.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, partitions]) => ({ topic, partitions: partitions.sort((a, b) => a - b) }));
}

export function Members({ members, state }: { members: Member[]; state: string }) {
  if (members.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No members: the group is {state}. Its committed offsets stay until they expire.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Members">
      {members.map((member) => {
        const topics = assignmentByTopic(member);
        return (
          <li key={member.memberId} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0">
            <p className="text-sm">
              <span className="font-semibold">{member.clientId || 'no client id'}</span>{' '}
              <span className="text-zinc-600 dark:text-zinc-400">on {member.host}</span>
              {member.groupInstanceId && (
                <span className="text-zinc-600 dark:text-zinc-400">
                  {' '}
                  · static member {member.groupInstanceId}
                </span>
              )}
            </p>
            <p
              className="truncate font-mono text-xs text-zinc-500 dark:text-zinc-400"
              title={member.memberId}
            >
              {member.memberId}
            </p>
            {topics.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">No partitions assigned</p>
            ) : (
              <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {topics.map(({ topic, partitions }) => (
                  <div key={topic} className="flex gap-1.5">
                    <dt className="font-medium">{topic}</dt>
                    <dd className="text-zinc-700 tabular-nums dark:text-zinc-300">
                      {partitions.length === 1 ? 'partition' : 'partitions'} {partitions.join(', ')}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ul>
  );
}
