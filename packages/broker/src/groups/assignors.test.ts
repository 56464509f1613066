import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignedPartitionCount, rangeAssignor, uniformAssignor, type Assignment } from './assignors.ts';

const flat = (result: Map<string, Assignment>) =>
  Object.fromEntries(
    [...result].map(([member, assignment]) => [
      member,
      [...assignment]
        .flatMap(([topic, ps]) => [...ps].sort((a, b) => a - b).map((p) => `${topic}-${p}`))
        .sort(),
    ]),
  );

/** Every partition of a subscribed topic exactly once, and only to subscribers of its topic. */
function assertComplete(
  result: Map<string, Assignment>,
  members: { memberId: string; subscribedTopics: string[] }[],
  partitionCounts: Map<string, number>,
) {
  const seen = new Map<string, string>();
  for (const [memberId, assignment] of result) {
    const member = members.find((m) => m.memberId === memberId)!;
    for (const [topic, partitions] of assignment) {
      assert.ok(member.subscribedTopics.includes(topic), `${memberId} got ${topic} without subscribing`);
      for (const p of partitions) {
        assert.ok(!seen.has(`${topic}-${p}`), `${topic}-${p} assigned twice`);
        seen.set(`${topic}-${p}`, memberId);
      }
    }
  }
  for (const [topic, n] of partitionCounts) {
    if (!members.some((m) => m.subscribedTopics.includes(topic))) continue;
    for (let p = 0; p < n; p++) assert.ok(seen.has(`${topic}-${p}`), `${topic}-${p} unassigned`);
  }
}

test('range gives contiguous ranges per topic, the first members one more', () => {
  const members = [
    { memberId: 'b', subscribedTopics: ['t', 'u'] },
    { memberId: 'a', subscribedTopics: ['t', 'u'] },
  ];
  const counts = new Map([
    ['t', 3],
    ['u', 3],
  ]);
  const result = rangeAssignor({ members, partitionCounts: counts, previous: new Map() });
  assert.deepEqual(flat(result), { a: ['t-0', 't-1', 'u-0', 'u-1'], b: ['t-2', 'u-2'] });
  assertComplete(result, members, counts);
});

test('uniform balances identical subscriptions to within one partition', () => {
  const members = ['m1', 'm2', 'm3'].map((memberId) => ({ memberId, subscribedTopics: ['t', 'u'] }));
  const counts = new Map([
    ['t', 7],
    ['u', 4],
  ]);
  const result = uniformAssignor({ members, partitionCounts: counts, previous: new Map() });
  assertComplete(result, members, counts);
  const loads = [...result.values()].map(assignedPartitionCount);
  assert.ok(Math.max(...loads) - Math.min(...loads) <= 1, `loads ${loads.join(',')}`);
});

test('uniform is sticky: a joining member takes partitions only from the others, who keep the rest', () => {
  const counts = new Map([['t', 6]]);
  const two = ['m1', 'm2'].map((memberId) => ({ memberId, subscribedTopics: ['t'] }));
  const before = uniformAssignor({ members: two, partitionCounts: counts, previous: new Map() });
  const three = [...two, { memberId: 'm3', subscribedTopics: ['t'] }];
  const after = uniformAssignor({ members: three, partitionCounts: counts, previous: before });
  assertComplete(after, three, counts);
  for (const id of ['m1', 'm2']) {
    for (const p of after.get(id)!.get('t') ?? [])
      assert.ok(before.get(id)!.get('t')!.has(p), `${id} kept t-${p} rather than receiving it anew`);
    assert.equal(assignedPartitionCount(after.get(id)!), 2, `${id} holds two of six`);
  }
  assert.equal(assignedPartitionCount(after.get('m3')!), 2, 'the new member gets its share');
});

test('uniform with different subscriptions gives each topic only to its subscribers, balanced where possible', () => {
  const members = [
    { memberId: 'a', subscribedTopics: ['t'] },
    { memberId: 'b', subscribedTopics: ['t', 'u'] },
    { memberId: 'c', subscribedTopics: ['u'] },
  ];
  const counts = new Map([
    ['t', 4],
    ['u', 4],
    ['unsubscribed', 3],
  ]);
  const result = uniformAssignor({ members, partitionCounts: counts, previous: new Map() });
  assertComplete(result, members, counts);
  assert.deepEqual(
    [...result.values()].map(assignedPartitionCount).sort(),
    [2, 3, 3].sort(),
    'eight partitions over three members',
  );
});
