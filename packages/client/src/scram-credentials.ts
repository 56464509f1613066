/**
 * SCRAM credentials over Kafka's APIs, as Kafka's Admin client offers them (describeUserScramCredentials,
 * alterUserScramCredentials): an upsertion carries a random salt and the salted password, computed here, so the
 * password itself never leaves the process that holds it.
 */
import { randomBytes } from 'node:crypto';
import {
  ApiKey,
  ErrorCode,
  SCRAM_ALGORITHMS,
  scramAlgorithmByCode,
  scramSaltedPasswordAsync,
  type ScramMechanismName,
} from '@sluice/protocol';
import { KafkaError, throwIfError, type ClusterClient } from './cluster-client.ts';

/** Bytes of random salt per credential (Kafka's ScramFormatter draws a random string of about this size). */
const SALT_BYTES = 32;

export interface ScramCredentialInfo {
  /** The mechanism's name, or "mechanism N" for a code this client does not know. */
  mechanism: ScramMechanismName | `mechanism ${number}`;
  iterations: number;
}

export interface UserScramCredentials {
  user: string;
  credentials: ScramCredentialInfo[];
}

/**
 * Every user with SCRAM credentials (`users` null), or the named users; a user without credentials is left out
 * rather than failing the whole answer (Kafka answers RESOURCE_NOT_FOUND for it). Other refusals are thrown.
 */
export async function describeUserScramCredentials(
  client: ClusterClient,
  users: readonly string[] | null = null,
): Promise<UserScramCredentials[]> {
  const response = await (
    await client.any()
  ).request(ApiKey.DescribeUserScramCredentials, {
    users: users === null ? null : users.map((name) => ({ name })),
  });
  throwIfError(response.errorCode, response.errorMessage);
  const described: UserScramCredentials[] = [];
  for (const result of response.results) {
    if (result.errorCode === ErrorCode.RESOURCE_NOT_FOUND) continue;
    if (result.errorCode !== ErrorCode.NONE)
      throw new KafkaError(result.errorCode, `user ${result.user}: ${result.errorMessage ?? ''}`);
    described.push({
      user: result.user,
      credentials: result.credentialInfos.map(({ mechanism, iterations }) => ({
        mechanism: scramAlgorithmByCode(mechanism)?.name ?? (`mechanism ${mechanism}` as const),
        iterations,
      })),
    });
  }
  return described;
}

export interface ScramCredentialUpsertion {
  user: string;
  mechanism: ScramMechanismName;
  iterations: number;
  password: string;
}

/** Adds or replaces one user's credential for one mechanism; the broker's refusal is thrown as a KafkaError. */
export async function upsertUserScramCredential(
  client: ClusterClient,
  { user, mechanism, iterations, password }: ScramCredentialUpsertion,
): Promise<void> {
  const algorithm = SCRAM_ALGORITHMS[mechanism];
  const salt = randomBytes(SALT_BYTES);
  const saltedPassword = await scramSaltedPasswordAsync(algorithm, password, salt, iterations);
  await alter(client, {
    deletions: [],
    upsertions: [{ name: user, mechanism: algorithm.code, iterations, salt, saltedPassword }],
  });
}

/** Removes one user's credential for one mechanism (RESOURCE_NOT_FOUND when it has none). */
export async function deleteUserScramCredential(
  client: ClusterClient,
  user: string,
  mechanism: ScramMechanismName,
): Promise<void> {
  await alter(client, {
    deletions: [{ name: user, mechanism: SCRAM_ALGORITHMS[mechanism].code }],
    upsertions: [],
  });
}

async function alter(
  client: ClusterClient,
  body: {
    deletions: { name: string; mechanism: number }[];
    upsertions: {
      name: string;
      mechanism: number;
      iterations: number;
      salt: Buffer;
      saltedPassword: Buffer;
    }[];
  },
): Promise<void> {
  const response = await (await client.any()).request(ApiKey.AlterUserScramCredentials, body);
  const failed = response.results.find((r) => r.errorCode !== ErrorCode.NONE);
  if (failed) throw new KafkaError(failed.errorCode, `user ${failed.user}: ${failed.errorMessage ?? ''}`);
}
