import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConnectClusters } from './connect.ts';

describe('Connect clusters from SLUICE_CONNECT_URL and --connect-url', () => {
  it('takes URLs and NAME=URL entries, comma-separated or repeated, naming the unnamed ones', () => {
    assert.deepEqual(parseConnectClusters(['http://127.0.0.1:8083/']), [
      { name: 'connect', url: 'http://127.0.0.1:8083' },
    ]);
    assert.deepEqual(
      parseConnectClusters(['prod=https://connect.example:8083, http://localhost:8084', 'x=http://h:1']),
      [
        { name: 'prod', url: 'https://connect.example:8083' },
        { name: 'connect-2', url: 'http://localhost:8084' },
        { name: 'x', url: 'http://h:1' },
      ],
    );
    assert.deepEqual(parseConnectClusters(['']), []);
  });

  it('refuses what is not an http(s) URL, and two clusters of one name', () => {
    assert.throws(() => parseConnectClusters(['ftp://h:1']), /http:\/\/ or https:\/\//);
    assert.throws(
      () => parseConnectClusters(['a=http://h:1,a=http://h:2']),
      /two Connect clusters are named "a"/,
    );
  });
});
