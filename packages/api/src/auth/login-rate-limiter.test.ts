import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoginRateLimiter, MAX_FAILURES, WINDOW_MS } from './login-rate-limiter.ts';

test('blocks a username from an address after five failures, until the window passes', () => {
  let now = 0;
  const limiter = new LoginRateLimiter(() => now);
  for (let i = 0; i < MAX_FAILURES; i++) {
    assert.equal(limiter.retryAfterMs('vera', '10.0.0.1'), 0, `attempt ${i + 1} allowed`);
    limiter.recordFailure('vera', '10.0.0.1');
  }
  assert.equal(limiter.retryAfterMs('vera', '10.0.0.1'), WINDOW_MS, 'blocked for the window');
  assert.equal(limiter.retryAfterMs('VERA', '10.0.0.1'), WINDOW_MS, 'usernames compare case-insensitively');
  assert.equal(limiter.retryAfterMs('vera', '10.0.0.2'), 0, 'another address is not blocked');
  assert.equal(
    limiter.retryAfterMs('otto', '10.0.0.1'),
    0,
    'another user from the address is not blocked yet',
  );
  now += WINDOW_MS;
  assert.equal(limiter.retryAfterMs('vera', '10.0.0.1'), 0, 'allowed again after the window');
});

test('blocks an address that guesses many usernames, and a success clears the user count', () => {
  const limiter = new LoginRateLimiter(() => 0);
  for (let i = 0; i < MAX_FAILURES * 4; i++) limiter.recordFailure(`user-${i}`, '10.0.0.9');
  assert.ok(limiter.retryAfterMs('fresh-user', '10.0.0.9') > 0, 'the address is blocked for everyone');
  const other = new LoginRateLimiter(() => 0);
  for (let i = 0; i < MAX_FAILURES - 1; i++) other.recordFailure('vera', '10.0.0.1');
  other.recordSuccess('vera', '10.0.0.1');
  other.recordFailure('vera', '10.0.0.1');
  assert.equal(other.retryAfterMs('vera', '10.0.0.1'), 0, 'counting starts over after a success');
});
