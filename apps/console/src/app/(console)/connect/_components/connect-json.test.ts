import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConnectorConfigJson, parseOffsetsJson } from './connect-json.ts';

describe('connector JSON in the console', () => {
  it('takes a config as an object of strings, and says what is wrong otherwise', () => {
    assert.deepEqual(parseConnectorConfigJson('{"connector.class": "X", "tasks.max": "1"}'), {
      ok: true,
      value: { 'connector.class': 'X', 'tasks.max': '1' },
    });
    const number = parseConnectorConfigJson('{"tasks.max": 1}');
    assert.equal(number.ok, false);
    assert.match(!number.ok ? number.error : '', /tasks\.max/);
    assert.match((parseConnectorConfigJson('{') as { error: string }).error, /^not JSON/);
  });

  it("takes KIP-875's offsets body, a null offset clearing a partition", () => {
    const body = { offsets: [{ partition: { filename: '/tmp/a' }, offset: null }] };
    assert.deepEqual(parseOffsetsJson(JSON.stringify(body)), { ok: true, value: body });
    assert.equal(parseOffsetsJson('{"offsets": []}').ok, false);
  });
});
