/**
 * The broker's side of a SCRAM-SHA-256 or SCRAM-SHA-512 exchange (RFC 5802, RFC 7677), as Kafka's
 * ScramSaslServer serves it.
 *
 * The credential math is shared with clients (@sluice/protocol's sasl/scram.ts).
 *
 * Exchange: client-first `n,[a=authzid],n=user,r=cnonce[,ext]` -> server-first `r=cnonce+snonce,s=salt,i=iters`
 * -> client-final `c=biws,r=nonce,p=proof` -> server-final `v=signature`.
 *
 * Invariants: an unknown user is answered like a known one, with a made-up salt and the same iteration count,
 * and fails only at the proof, with the same message as a wrong password, so no answer tells which users
 * exist; the proof is compared in constant time; channel binding (`p=`) and delegation tokens
 * (`tokenauth=true`) are refused, as a broker without them must.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  MIN_SCRAM_ITERATIONS,
  scramHash,
  scramHmac,
  scramKeys,
  type ScramAlgorithm,
  type ScramMechanismName,
} from '@sluice/protocol';
import type { ScramCredential } from '../../metadata/metadata-image.ts';
import { SaslAuthenticationError, type SaslServer, type SaslStep } from './sasl-server.ts';

/** The stored form of a credential, from the salted password AlterUserScramCredentials carries. */
export function credentialFromSaltedPassword(
  algorithm: ScramAlgorithm,
  saltedPassword: Buffer,
  salt: Buffer,
  iterations: number,
): ScramCredential {
  return { salt, iterations, ...scramKeys(algorithm, saltedPassword) };
}

/** Attributes of a SCRAM message: `k=v` pairs separated by commas, values may contain "=". */
function attributes(message: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of message.split(',')) {
    const eq = part.indexOf('=');
    if (eq !== 1) throw new SaslAuthenticationError('Invalid SCRAM message: malformed attribute');
    map.set(part[0]!, part.slice(2));
  }
  return map;
}

/** saslname unescaping (RFC 5802 5.1): "=2C" is ",", "=3D" is "="; any other "=" is invalid. */
function unescapeUsername(name: string): string {
  if (/=(?!2C|3D)/.test(name)) throw new SaslAuthenticationError('Invalid SCRAM username encoding');
  return name.replace(/=2C/g, ',').replace(/=3D/g, '=');
}

const PRINTABLE_NONCE = /^[\x21-\x2b\x2d-\x7e]+$/;

export class ScramSaslServer implements SaslServer {
  readonly mechanism: ScramMechanismName;
  private state: 'first' | 'final' | 'done' = 'first';
  private username = '';
  private credential: ScramCredential | null = null;
  private clientFirstBare = '';
  private serverFirst = '';
  private nonce = '';
  private gs2Header = '';

  constructor(
    private readonly algorithm: ScramAlgorithm,
    /** The user's credential for this mechanism, or undefined for an unknown user. */
    private readonly lookup: (username: string) => ScramCredential | undefined,
    /** A per-broker secret that makes an unknown user's made-up salt stable across attempts. */
    private readonly fakeSaltSecret: Buffer,
  ) {
    this.mechanism = algorithm.name;
  }

  private failed(): SaslAuthenticationError {
    this.state = 'done';
    return new SaslAuthenticationError(
      `Authentication failed during authentication due to invalid credentials with SASL mechanism ${this.mechanism}`,
    );
  }

  evaluate(token: Buffer): SaslStep {
    try {
      if (this.state === 'first') return this.clientFirst(token.toString('utf8'));
      if (this.state === 'final') return this.clientFinal(token.toString('utf8'));
    } catch (error) {
      this.state = 'done';
      throw error;
    }
    throw new SaslAuthenticationError('Authentication failed: the SCRAM exchange is over');
  }

  private clientFirst(message: string): SaslStep {
    const match = /^([nyp])(=[^,]*)?,(a=[^,]*)?,(.*)$/s.exec(message);
    if (!match) throw new SaslAuthenticationError('Invalid SCRAM client first message');
    if (match[1] === 'p') throw new SaslAuthenticationError('SCRAM channel binding is not supported');
    this.gs2Header = message.slice(0, message.length - match[4]!.length);
    this.clientFirstBare = match[4]!;
    if (/(^|,)tokenauth=true(,|$)/.test(this.clientFirstBare))
      throw new SaslAuthenticationError('Authentication failed: delegation tokens are not supported');
    const attrs = attributes(this.clientFirstBare);
    const name = attrs.get('n');
    const clientNonce = attrs.get('r');
    if (name === undefined || !clientNonce || !PRINTABLE_NONCE.test(clientNonce))
      throw new SaslAuthenticationError('Invalid SCRAM client first message');
    if (!this.clientFirstBare.startsWith('n='))
      throw new SaslAuthenticationError('Invalid SCRAM client first message');
    this.username = unescapeUsername(name);
    const authorizationId = match[3] ? unescapeUsername(match[3].slice(2)) : '';
    if (authorizationId !== '' && authorizationId !== this.username)
      throw new SaslAuthenticationError(
        'Authentication failed: Client requested an authorization id that is different from username',
      );
    this.credential = this.lookup(this.username) ?? null;
    const salt = this.credential?.salt ?? this.fakeSalt();
    const iterations = this.credential?.iterations ?? MIN_SCRAM_ITERATIONS;
    this.nonce = clientNonce + randomBytes(24).toString('base64');
    this.serverFirst = `r=${this.nonce},s=${salt.toString('base64')},i=${iterations}`;
    this.state = 'final';
    return { challenge: Buffer.from(this.serverFirst, 'utf8'), authenticatedUser: null };
  }

  private fakeSalt(): Buffer {
    return scramHmac(this.algorithm, this.fakeSaltSecret, this.username).subarray(0, 16);
  }

  private clientFinal(message: string): SaslStep {
    const proofAt = message.lastIndexOf(',p=');
    if (proofAt < 0) throw new SaslAuthenticationError('Invalid SCRAM client final message');
    const withoutProof = message.slice(0, proofAt);
    const attrs = attributes(message);
    if (attrs.get('c') !== Buffer.from(this.gs2Header, 'utf8').toString('base64'))
      throw new SaslAuthenticationError('Invalid SCRAM client final message: channel binding does not match');
    // Kafka checks that the nonce ends with the server's: librdkafka 2.0 sends its client nonce again in front.
    if (!attrs.get('r')?.endsWith(this.nonce)) throw new SaslAuthenticationError('Invalid SCRAM nonce');
    const proof = Buffer.from(attrs.get('p') ?? '', 'base64');
    const credential = this.credential;
    if (!credential || proof.length !== this.algorithm.keyLength) throw this.failed();
    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const clientSignature = scramHmac(this.algorithm, credential.storedKey, authMessage);
    const clientKey = Buffer.alloc(proof.length);
    for (let i = 0; i < proof.length; i++) clientKey[i] = proof[i]! ^ clientSignature[i]!;
    const computed = scramHash(this.algorithm, clientKey);
    if (computed.length !== credential.storedKey.length || !timingSafeEqual(computed, credential.storedKey))
      throw this.failed();
    const serverSignature = scramHmac(this.algorithm, credential.serverKey, authMessage);
    this.state = 'done';
    return {
      challenge: Buffer.from(`v=${serverSignature.toString('base64')}`, 'utf8'),
      authenticatedUser: this.username,
    };
  }
}
