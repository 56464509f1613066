import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  connectorConfigFrom,
  inputKind,
  parseExtraConfigs,
  validationErrors,
} from './new-connector-values.ts';

describe('the new-connector form', () => {
  it('sends the class, the name and the non-blank values; blank means the default', () => {
    assert.deepEqual(
      connectorConfigFrom(
        'org.apache.kafka.connect.file.FileStreamSourceConnector',
        ' lines ',
        { file: '/tmp/in.txt', topic: 'lines', 'batch.size': ' ' },
        { 'key.converter': 'org.apache.kafka.connect.storage.StringConverter' },
      ),
      {
        'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
        name: 'lines',
        file: '/tmp/in.txt',
        topic: 'lines',
        'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      },
    );
  });

  it('reads extra configs as name=value lines and names the bad ones', () => {
    assert.deepEqual(parseExtraConfigs('# converters\na=b=c\n\nbad line\n'), {
      configs: { a: 'b=c' },
      errors: ['line 4: expected name=value, got "bad line"'],
    });
  });

  it("maps ConfigDef's types to inputs", () => {
    assert.equal(inputKind('BOOLEAN'), 'boolean');
    assert.equal(inputKind('PASSWORD'), 'password');
    assert.equal(inputKind('LONG'), 'number');
    assert.equal(inputKind('LIST'), 'text');
  });

  it("keeps Connect's errors by config, only where there are some", () => {
    const errors = validationErrors({
      error_count: 1,
      configs: [
        {
          value: {
            name: 'topic',
            errors: ['Missing required configuration "topic" which has no default value.'],
          },
        },
        { value: { name: 'file', errors: [] } },
        { value: null },
      ],
    });
    assert.deepEqual(
      [...errors],
      [['topic', ['Missing required configuration "topic" which has no default value.']]],
    );
  });
});
