/**
 * SASL/PLAIN (RFC 4616) as Kafka's PlainSaslServer serves it: one token `[authzid] NUL authcid NUL passwd`,
 * checked against the users of the listener's JAAS config. The authorization id, when given, must be the user.
 * Unknown users and wrong passwords fail with the same message, and passwords are compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { SaslAuthenticationError, type SaslServer, type SaslStep } from './sasl-server.ts';

const INVALID = 'Authentication failed: Invalid username or password';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export class PlainSaslServer implements SaslServer {
  readonly mechanism = 'PLAIN';
  private done = false;

  constructor(private readonly users: ReadonlyMap<string, string>) {}

  evaluate(token: Buffer): SaslStep {
    if (this.done) throw new SaslAuthenticationError('Authentication failed: the PLAIN exchange is over');
    this.done = true;
    const parts = token.toString('utf8').split('\u0000');
    if (parts.length !== 3)
      throw new SaslAuthenticationError('Invalid SASL/PLAIN response: expected 3 tokens');
    const [authorizationId, username, password] = parts as [string, string, string];
    if (username === '') throw new SaslAuthenticationError('Authentication failed: username not specified');
    if (password === '') throw new SaslAuthenticationError('Authentication failed: password not specified');
    const expected = this.users.get(username);
    // Compared as digests so neither the length nor the content of the password shows in the time taken.
    const matches = timingSafeEqual(digest(expected ?? '\u0000unknown'), digest(password));
    if (expected === undefined || !matches) throw new SaslAuthenticationError(INVALID);
    if (authorizationId !== '' && authorizationId !== username)
      throw new SaslAuthenticationError(
        'Authentication failed: Client requested an authorization id that is different from username',
      );
    return { challenge: Buffer.alloc(0), authenticatedUser: username };
  }
}
