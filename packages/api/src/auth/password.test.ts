import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, verifyPassword } from './password.ts';

test('scrypt hashes carry their parameters and a fresh salt, and verify only the right password', async () => {
  const first = await hashPassword('correct horse battery staple');
  const second = await hashPassword('correct horse battery staple');
  assert.match(first, /^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/, 'format');
  assert.notEqual(first, second, 'salted');
  assert.equal(await verifyPassword('correct horse battery staple', first), true, 'the right password');
  assert.equal(await verifyPassword('correct horse battery stapl', first), false, 'a wrong one');
  for (const bad of ['', 'plain', 'scrypt$1$2$3$x$y', 'bcrypt$16384$8$1$AAAA$BBBB'])
    assert.equal(await verifyPassword('x', bad), false, `malformed "${bad}" never matches`);
});
