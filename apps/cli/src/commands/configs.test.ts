import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CliError } from '../cli-error.ts';
import { javaDouble, parseAddConfig } from './configs.ts';

describe('sluice configs', () => {
  it("prints quota values as Java's Double.toString does, as kafka-configs.sh prints them", () => {
    assert.equal(javaDouble(1048576), '1048576.0');
    assert.equal(javaDouble(10485760), '1.048576E7');
    assert.equal(javaDouble(1e7), '1.0E7');
    assert.equal(javaDouble(12.5), '12.5');
    assert.equal(javaDouble(0.0005), '5.0E-4');
    assert.equal(javaDouble(0.001), '0.001');
    assert.equal(javaDouble(9.223372036854776e18), '9.223372036854776E18');
  });

  it('reads --add-config as kafka-configs.sh does: commas outside brackets, brackets stripped', () => {
    assert.deepEqual(
      [...parseAddConfig('producer_byte_rate=1024, consumer_byte_rate = 2048,k=[a,b]')],
      [
        ['producer_byte_rate', '1024'],
        ['consumer_byte_rate', '2048'],
        ['k', 'a,b'],
      ],
    );
    assert.throws(() => parseAddConfig('producer_byte_rate'), CliError);
    assert.throws(() => parseAddConfig('a=b=c'), CliError);
    assert.throws(() => parseAddConfig('bad key=1'), /Invalid character found for config key: bad key/);
  });
});
