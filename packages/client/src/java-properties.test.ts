import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJavaProperties } from './java-properties.ts';

test('reads properties as java.util.Properties.load does', () => {
  const text = [
    '# a comment',
    '! another',
    '   ',
    'bootstrap.servers=127.0.0.1:9092',
    'key.converter : org.apache.kafka.connect.json.JsonConverter',
    'spaced value with spaces',
    'listeners = http://:8083,\\',
    '    http://127.0.0.1:8084',
    'escaped\\=key=a\\tb\\nc\\u00e9',
    'trailing.backslash.pair=C:\\\\temp\\\\',
    'empty=',
    'bootstrap.servers=localhost:9093',
  ].join('\r\n');
  assert.deepEqual(parseJavaProperties(text), {
    'bootstrap.servers': 'localhost:9093',
    'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
    spaced: 'value with spaces',
    listeners: 'http://:8083,http://127.0.0.1:8084',
    'escaped=key': 'a\tb\ncé',
    'trailing.backslash.pair': 'C:\\temp\\',
    empty: '',
  });
});
