/**
 * SCRAM-SHA-256 and SCRAM-SHA-512 (RFC 5802, RFC 7677) as Kafka uses them: the credential math the broker, the
 * CLI and the console share, and the client side of the exchange (the broker's side is ScramSaslServer).
 *
 * Kafka stores, per user and mechanism, a salt, an iteration count, StoredKey = H(HMAC(SaltedPassword,
 * "Client Key")) and ServerKey = HMAC(SaltedPassword, "Server Key"); AlterUserScramCredentials carries the salt
 * and SaltedPassword = PBKDF2(password, salt, iterations), never the password.
 */
import { createHash, createHmac, pbkdf2, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export type ScramMechanismName = 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

export interface ScramAlgorithm {
  name: ScramMechanismName;
  /** Kafka's ScramMechanism code, as the SCRAM credential APIs and metadata records carry it. */
  code: number;
  hash: 'sha256' | 'sha512';
  keyLength: number;
}

export const SCRAM_ALGORITHMS: Readonly<Record<ScramMechanismName, ScramAlgorithm>> = {
  'SCRAM-SHA-256': { name: 'SCRAM-SHA-256', code: 1, hash: 'sha256', keyLength: 32 },
  'SCRAM-SHA-512': { name: 'SCRAM-SHA-512', code: 2, hash: 'sha512', keyLength: 64 },
};

/** Kafka's bounds on SCRAM iterations (ScramMechanism.minIterations / maxIterations). */
export const MIN_SCRAM_ITERATIONS = 4096;
export const MAX_SCRAM_ITERATIONS = 16384;

export function scramAlgorithmByCode(code: number): ScramAlgorithm | undefined {
  return Object.values(SCRAM_ALGORITHMS).find((a) => a.code === code);
}

export function scramHmac(algorithm: ScramAlgorithm, key: Buffer, text: string | Buffer): Buffer {
  return createHmac(algorithm.hash, key).update(text).digest();
}

export function scramHash(algorithm: ScramAlgorithm, data: Buffer): Buffer {
  return createHash(algorithm.hash).update(data).digest();
}

/** SaltedPassword = Hi(password, salt, iterations). */
export function scramSaltedPassword(
  algorithm: ScramAlgorithm,
  password: string,
  salt: Buffer,
  iterations: number,
): Buffer {
  return pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, algorithm.keyLength, algorithm.hash);
}

/**
 * SaltedPassword computed on libuv's thread pool: up to 16,384 rounds of PBKDF2 with SHA-512 take tens of
 * milliseconds, which a process that also runs a broker (the console's server) should not block its event
 * loop for.
 */
export function scramSaltedPasswordAsync(
  algorithm: ScramAlgorithm,
  password: string,
  salt: Buffer,
  iterations: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    pbkdf2(
      Buffer.from(password, 'utf8'),
      salt,
      iterations,
      algorithm.keyLength,
      algorithm.hash,
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/** StoredKey and ServerKey from the salted password (Kafka's ScramFormatter.generateCredential). */
export function scramKeys(
  algorithm: ScramAlgorithm,
  saltedPassword: Buffer,
): { storedKey: Buffer; serverKey: Buffer } {
  return {
    storedKey: scramHash(algorithm, scramHmac(algorithm, saltedPassword, 'Client Key')),
    serverKey: scramHmac(algorithm, saltedPassword, 'Server Key'),
  };
}

function escapeUsername(name: string): string {
  return name.replace(/=/g, '=3D').replace(/,/g, '=2C');
}

/** The client side of one SCRAM exchange. */
export class ScramClient {
  private readonly clientNonce = randomBytes(24).toString('base64');
  private clientFirstBare = '';
  private serverSignature: Buffer | null = null;

  constructor(
    private readonly algorithm: ScramAlgorithm,
    private readonly username: string,
    private readonly password: string,
  ) {}

  firstMessage(): Buffer {
    this.clientFirstBare = `n=${escapeUsername(this.username)},r=${this.clientNonce}`;
    return Buffer.from(`n,,${this.clientFirstBare}`, 'utf8');
  }

  /** The client-final message for the server-first message; throws if the server's message is malformed. */
  finalMessage(serverFirst: Buffer): Buffer {
    const text = serverFirst.toString('utf8');
    const attrs = new Map(text.split(',').map((part) => [part[0], part.slice(2)] as const));
    const nonce = attrs.get('r');
    const salt = attrs.get('s');
    const iterations = Number(attrs.get('i'));
    if (!nonce?.startsWith(this.clientNonce) || !salt || !Number.isInteger(iterations) || iterations <= 0)
      throw new Error('Invalid SCRAM server first message');
    const salted = scramSaltedPassword(
      this.algorithm,
      this.password,
      Buffer.from(salt, 'base64'),
      iterations,
    );
    const { storedKey, serverKey } = scramKeys(this.algorithm, salted);
    const withoutProof = `c=biws,r=${nonce}`;
    const authMessage = `${this.clientFirstBare},${text},${withoutProof}`;
    const clientKey = scramHmac(this.algorithm, salted, 'Client Key');
    const clientSignature = scramHmac(this.algorithm, storedKey, authMessage);
    const proof = Buffer.alloc(clientKey.length);
    for (let i = 0; i < proof.length; i++) proof[i] = clientKey[i]! ^ clientSignature[i]!;
    this.serverSignature = scramHmac(this.algorithm, serverKey, authMessage);
    return Buffer.from(`${withoutProof},p=${proof.toString('base64')}`, 'utf8');
  }

  /** Checks the server-final message: the server proves it knows the credential too. */
  verifyServerFinal(serverFinal: Buffer): void {
    const text = serverFinal.toString('utf8');
    if (text.startsWith('e=')) throw new Error(`SCRAM authentication failed: ${text.slice(2)}`);
    const signature = Buffer.from(text.startsWith('v=') ? text.slice(2) : '', 'base64');
    if (
      !this.serverSignature ||
      signature.length !== this.serverSignature.length ||
      !timingSafeEqual(signature, this.serverSignature)
    )
      throw new Error('Invalid SCRAM server signature: the broker does not know this credential');
  }
}
