import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkCreateTopic,
  CUSTOM_RETENTION,
  EMPTY_CREATE_TOPIC_FORM,
  type CreateTopicFormValues,
} from './create-topic-values.ts';

const form = (changes: Partial<CreateTopicFormValues>): CreateTopicFormValues => ({
  ...EMPTY_CREATE_TOPIC_FORM,
  name: 'orders',
  ...changes,
});

test('a valid form becomes the API input, with only the configs the user chose', () => {
  assert.deepEqual(
    checkCreateTopic(
      form({
        partitions: '6',
        replicationFactor: '3',
        cleanupPolicy: 'compact,delete',
        retention: '86400000',
        minInsyncReplicas: '2',
        otherConfigs: [
          { name: 'max.message.bytes', value: '2097152' },
          { name: '', value: '' },
        ],
      }),
      3,
    ),
    {
      ok: true,
      input: {
        name: 'orders',
        partitions: 6,
        replicationFactor: 3,
        configs: {
          'cleanup.policy': 'compact,delete',
          'retention.ms': '86400000',
          'min.insync.replicas': '2',
          'max.message.bytes': '2097152',
        },
        validateOnly: false,
      },
    },
  );
  assert.deepEqual(checkCreateTopic(form({}), 1), {
    ok: true,
    input: { name: 'orders', partitions: 1, replicationFactor: 1, configs: {}, validateOnly: false },
  });
});

test('the shared guardrails land on the fields that set them', () => {
  assert.deepEqual(checkCreateTopic(form({ minInsyncReplicas: '2' }), 1), {
    ok: false,
    errors: { minInsyncReplicas: 'min.insync.replicas (2) cannot exceed the replication factor (1)' },
  });
  assert.deepEqual(checkCreateTopic(form({ replicationFactor: '3' }), 1), {
    ok: false,
    errors: { replicationFactor: 'the replication factor (3) cannot exceed the 1 live broker(s)' },
  });
  assert.deepEqual(checkCreateTopic(form({ retention: CUSTOM_RETENTION, customRetentionMs: '1 day' }), 1), {
    ok: false,
    errors: { customRetentionMs: 'retention.ms is a number of milliseconds (-1: forever)' },
  });
});

test('the guardrails show together with problems in other fields', () => {
  assert.deepEqual(
    checkCreateTopic(
      form({
        name: '',
        partitions: 'x',
        replicationFactor: '2',
        minInsyncReplicas: '3',
        otherConfigs: [{ name: 'Bad', value: '1' }],
      }),
      1,
    ),
    {
      ok: false,
      errors: {
        partitions: 'enter a whole number of partitions',
        name: 'a topic name cannot be empty',
        'otherConfigs.0.name': 'config names are lower case, as in "retention.ms"',
        replicationFactor: 'the replication factor (2) cannot exceed the 1 live broker(s)',
        minInsyncReplicas: 'min.insync.replicas (3) cannot exceed the replication factor (2)',
      },
    },
  );
});

test('names and numbers the schema refuses, in its own words where it has them', () => {
  const result = checkCreateTopic(form({ name: 'no spaces', partitions: '', replicationFactor: '1.5' }), 1);
  assert.deepEqual(result, {
    ok: false,
    errors: {
      name: 'a topic name uses only letters, digits, ".", "_" and "-"',
      partitions: 'enter a whole number of partitions',
      replicationFactor: 'enter a whole number of replicas',
    },
  });
  assert.deepEqual(checkCreateTopic(form({ partitions: '0' }), 1), {
    ok: false,
    errors: { partitions: 'at least one partition' },
  });
});

test('other config rows: bad names, repeats and configs that have a field of their own', () => {
  const result = checkCreateTopic(
    form({
      otherConfigs: [
        { name: 'Segment.Bytes', value: '1' },
        { name: 'retention.ms', value: '1000' },
        { name: 'max.message.bytes', value: '1' },
        { name: 'max.message.bytes', value: '2' },
        { name: '', value: 'orphan' },
      ],
    }),
    1,
  );
  assert.deepEqual(result, {
    ok: false,
    errors: {
      'otherConfigs.1.name': 'set retention.ms in its own field above',
      'otherConfigs.3.name': 'max.message.bytes is already set in another row',
      'otherConfigs.4.name': 'enter the config’s name, or remove the row',
      'otherConfigs.0.name': 'config names are lower case, as in "retention.ms"',
    },
  });
});
