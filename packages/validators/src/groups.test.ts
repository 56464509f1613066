import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupDetailInput, lagHistoryInput } from './groups.ts';

test('a group id is any non-empty string', () => {
  assert.equal(groupDetailInput.safeParse({ groupId: 'orders.v2 (batch)' }).success, true);
  assert.equal(groupDetailInput.safeParse({ groupId: '' }).success, false);
});

test('lag history: the whole group, or a topic and partition together, over an ordered time range', () => {
  assert.equal(lagHistoryInput.safeParse({ groupId: 'g' }).success, true);
  assert.equal(lagHistoryInput.safeParse({ groupId: 'g', topic: 'orders', partition: 0 }).success, true);
  const topicOnly = lagHistoryInput.safeParse({ groupId: 'g', topic: 'orders' });
  assert.equal(topicOnly.success, false);
  assert.match(topicOnly.error?.issues[0]?.message ?? '', /together/);
  assert.equal(lagHistoryInput.safeParse({ groupId: 'g', partition: 0 }).success, false);
  assert.equal(lagHistoryInput.safeParse({ groupId: 'g', topic: 'bad name!', partition: 0 }).success, false);
  assert.equal(lagHistoryInput.safeParse({ groupId: 'g', since: 2, until: 1 }).success, false);
  assert.equal(lagHistoryInput.safeParse({ groupId: 'g', since: 1, until: 1 }).success, true);
});
