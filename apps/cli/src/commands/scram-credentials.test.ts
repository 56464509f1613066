import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SCRAM_ALGORITHMS, scramKeys, scramSaltedPassword } from '@sluice/protocol';
import { parseAddConfig } from './configs.ts';
import { parseAddScram, parseConfigsCredential } from './scram-credentials.ts';

describe("kafka-configs.sh's SCRAM values", () => {
  it('reads iterations and password after --add-config stripped the brackets', () => {
    const added = parseAddConfig(
      'SCRAM-SHA-256=[iterations=8192,password=alice-secret],SCRAM-SHA-512=[password=other]',
    );
    assert.deepEqual(parseConfigsCredential('SCRAM-SHA-256', added.get('SCRAM-SHA-256')!), {
      iterations: 8192,
      password: 'alice-secret',
    });
    assert.deepEqual(parseConfigsCredential('SCRAM-SHA-512', added.get('SCRAM-SHA-512')!), {
      iterations: 4096,
      password: 'other',
    });
    assert.deepEqual(parseConfigsCredential('SCRAM-SHA-512', 'iterations=-1,password=a,b=c'), {
      iterations: 4096,
      password: 'a,b=c',
    });
  });

  it('refuses what ConfigCommand refuses, without repeating the value (it may hold a password)', () => {
    assert.throws(
      () => parseConfigsCredential('SCRAM-SHA-256', 'iterations=1000,password=x'),
      /^CliError: Iterations 1000 is less than the minimum 4096 required for SCRAM-SHA-256$/,
    );
    assert.throws(
      () => parseConfigsCredential('SCRAM-SHA-512', 'pasword=hunter2'),
      (error: Error) =>
        /^Invalid credential property SCRAM_SHA_512=/.test(error.message) &&
        !error.message.includes('hunter2'),
    );
  });
});

describe("kafka-storage.sh format's --add-scram", () => {
  it('derives the stored and server keys from the password, the given salt and iterations', () => {
    const salt = Buffer.from('1lv4pdnw4fwq7notcxm0yy1k7q');
    const record = parseAddScram(
      `SCRAM-SHA-256=[name=alice,salt="${salt.toString('base64')}",iterations=8192,password=alice-secret]`,
    );
    const algorithm = SCRAM_ALGORITHMS['SCRAM-SHA-256'];
    assert.deepEqual(record, {
      name: 'alice',
      mechanism: 1,
      salt,
      iterations: 8192,
      ...scramKeys(algorithm, scramSaltedPassword(algorithm, 'alice-secret', salt, 8192)),
    });
  });

  it('takes a salted password with its salt, and draws a salt and 4096 iterations by default', () => {
    const salt = Buffer.alloc(16, 7);
    const saltedPassword = Buffer.alloc(64, 9);
    const record = parseAddScram(
      `SCRAM-SHA-512=[name=bob,salt=${salt.toString('base64')},saltedpassword=${saltedPassword.toString('base64')}]`,
    );
    assert.deepEqual(
      record.storedKey,
      scramKeys(SCRAM_ALGORITHMS['SCRAM-SHA-512'], saltedPassword).storedKey,
    );
    const drawn = parseAddScram('SCRAM-SHA-512=[name=carol,password=p]');
    assert.equal(drawn.iterations, 4096);
    assert.equal(drawn.salt.length, 32);
  });

  it("refuses with ScramParser's messages", () => {
    const refused = (argument: string, message: string) =>
      assert.throws(() => parseAddScram(argument), { name: 'CliError', message });
    refused('SCRAM-SHA-1=[name=a,password=b]', 'The add-scram mechanism SCRAM-SHA-1 is not supported.');
    refused('SCRAM-SHA-256', "Failed to find equals sign in SCRAM argument 'SCRAM-SHA-256'");
    refused('SCRAM-SHA-256=name=a,password=b]', 'Expected configuration string to start with [');
    refused('SCRAM-SHA-256=[name=a,password=b', 'Expected configuration string to end with ]');
    refused('SCRAM-SHA-256=[password=b]', "You must supply 'name' to add-scram");
    refused('SCRAM-SHA-256=[name=a]', "You must supply one of 'password' or 'saltedpassword' to add-scram");
    refused(
      'SCRAM-SHA-256=[name=a,saltedpassword=AAAA]',
      "You must supply 'salt' with 'saltedpassword' to add-scram",
    );
    refused('SCRAM-SHA-256=[name=a,password=b,colour=red]', 'Unknown SCRAM configurations: colour');
    refused('SCRAM-SHA-256=[name=a,password=b,iterations=many]', 'Failed to parse iterations count: many');
    refused(
      'SCRAM-SHA-256=[name=a,password=b,iterations=4095]',
      "The 'iterations' value must be >= 4096 for add-scram using SCRAM_SHA_256",
    );
    refused(
      'SCRAM-SHA-512=[name=a,password=b,iterations=16385]',
      "The 'iterations' value must be <= 16384 for add-scram using SCRAM_SHA_512",
    );
  });
});
