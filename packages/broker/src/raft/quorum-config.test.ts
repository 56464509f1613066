import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { majorityOf, parseVoters } from './quorum-config.ts';

describe('controller.quorum.voters', () => {
  it('parses id@host:port entries, IPv6 in brackets', () => {
    const voters = parseVoters('1@127.0.0.1:19093, 2@localhost:19094,3@[::1]:19095');
    assert.deepEqual(
      [...voters.entries()],
      [
        [1, { host: '127.0.0.1', port: 19093 }],
        [2, { host: 'localhost', port: 19094 }],
        [3, { host: '::1', port: 19095 }],
      ],
    );
  });

  it('rejects malformed entries, duplicates and an empty list', () => {
    assert.throws(() => parseVoters('1@127.0.0.1'), /not id@host:port/);
    assert.throws(() => parseVoters('1@a:1,1@b:2'), /listed twice/);
    assert.throws(() => parseVoters(''), /empty/);
  });

  it('majority of 1, 3, 5 voters', () => {
    assert.deepEqual([1, 3, 5].map(majorityOf), [1, 2, 3]);
  });
});
