/**
 * SCRAM credentials (Kafka's ScramControlManager): AlterUserScramCredentials turns upsertions and deletions
 * into UserScramCredentialRecord and RemoveUserScramCredentialRecord; DescribeUserScramCredentials reads the
 * image. The broker never sees a password: upsertions carry the salt and the salted password, from which the
 * stored and server keys are derived here.
 *
 * Validation, per user, as Kafka answers it: an empty name is UNACCEPTABLE_CREDENTIAL; an unknown mechanism is
 * UNSUPPORTED_SASL_MECHANISM; fewer than 4,096 or more than 16,384 iterations, or an empty salt or salted
 * password, is UNACCEPTABLE_CREDENTIAL; deleting a credential that does not exist is RESOURCE_NOT_FOUND; a user
 * altered twice for the same mechanism in one request is DUPLICATE_RESOURCE. A user with any failing
 * alteration has none of its alterations applied; other users' are.
 */
import {
  ErrorCode,
  MAX_SCRAM_ITERATIONS,
  MIN_SCRAM_ITERATIONS,
  scramAlgorithmByCode,
  type AlterUserScramCredentialsRequest,
  type AlterUserScramCredentialsResponse,
  type DescribeUserScramCredentialsRequest,
  type DescribeUserScramCredentialsResponse,
} from '@sluice/protocol';
import type { MetadataImage } from '../metadata/metadata-image.ts';
import type { MetadataRecord } from '../metadata/metadata-record-serde.ts';
import { credentialFromSaltedPassword } from '../security/sasl/scram.ts';
import type { ControlContext, ControllerResult } from './controller-result.ts';

type Failure = { errorCode: number; errorMessage: string };

export function alterUserScramCredentials(
  ctx: ControlContext,
  request: AlterUserScramCredentialsRequest,
): ControllerResult<AlterUserScramCredentialsResponse> {
  const users: string[] = [];
  const failures = new Map<string, Failure>();
  const recordsByUser = new Map<string, MetadataRecord[]>();
  const seen = new Set<string>();
  const fail = (user: string, errorCode: number, errorMessage: string) => {
    if (!failures.has(user)) failures.set(user, { errorCode, errorMessage });
  };
  const note = (user: string, mechanism: number): boolean => {
    if (!users.includes(user)) users.push(user);
    const key = `${mechanism}:${user}`;
    if (seen.has(key)) {
      fail(
        user,
        ErrorCode.DUPLICATE_RESOURCE,
        'A user credential cannot be altered twice in the same request',
      );
      return false;
    }
    seen.add(key);
    if (user === '') {
      fail(user, ErrorCode.UNACCEPTABLE_CREDENTIAL, 'Username must not be empty');
      return false;
    }
    if (!scramAlgorithmByCode(mechanism)) {
      fail(user, ErrorCode.UNSUPPORTED_SASL_MECHANISM, 'Unknown SCRAM mechanism');
      return false;
    }
    return true;
  };
  const add = (user: string, record: MetadataRecord) => {
    const records = recordsByUser.get(user) ?? [];
    records.push(record);
    recordsByUser.set(user, records);
  };

  for (const { name, mechanism } of request.deletions) {
    if (!note(name, mechanism)) continue;
    if (!ctx.image.scramCredentials.get(name)?.has(mechanism)) {
      fail(name, ErrorCode.RESOURCE_NOT_FOUND, 'Attempt to delete a user credential that does not exist');
      continue;
    }
    add(name, { type: 'RemoveUserScramCredentialRecord', data: { name, mechanism } });
  }
  for (const { name, mechanism, iterations, salt, saltedPassword } of request.upsertions) {
    if (!note(name, mechanism)) continue;
    const algorithm = scramAlgorithmByCode(mechanism)!;
    if (iterations < MIN_SCRAM_ITERATIONS) {
      fail(name, ErrorCode.UNACCEPTABLE_CREDENTIAL, 'Too few iterations');
      continue;
    }
    if (iterations > MAX_SCRAM_ITERATIONS) {
      fail(name, ErrorCode.UNACCEPTABLE_CREDENTIAL, 'Too many iterations');
      continue;
    }
    if (salt.length === 0 || saltedPassword.length === 0) {
      fail(name, ErrorCode.UNACCEPTABLE_CREDENTIAL, 'Credential must have a salt and a salted password');
      continue;
    }
    const credential = credentialFromSaltedPassword(algorithm, saltedPassword, Buffer.from(salt), iterations);
    add(name, { type: 'UserScramCredentialRecord', data: { name, mechanism, ...credential } });
  }

  const records: MetadataRecord[] = [];
  for (const user of users) if (!failures.has(user)) records.push(...(recordsByUser.get(user) ?? []));
  return {
    records,
    response: {
      throttleTimeMs: 0,
      results: users.map((user) => ({
        user,
        errorCode: failures.get(user)?.errorCode ?? ErrorCode.NONE,
        errorMessage: failures.get(user)?.errorMessage ?? null,
      })),
    },
  };
}

/** DescribeUserScramCredentials from an image: every user with credentials when `users` is null or empty. */
export function describeUserScramCredentials(
  image: Pick<MetadataImage, 'scramCredentials'>,
  request: DescribeUserScramCredentialsRequest,
): DescribeUserScramCredentialsResponse {
  const requested = request.users?.map((u) => u.name) ?? [];
  const names = requested.length > 0 ? requested : [...image.scramCredentials.keys()].sort();
  const counts = new Map<string, number>();
  for (const name of requested) counts.set(name, (counts.get(name) ?? 0) + 1);
  const results = [...new Set(names)].map((user) => {
    if ((counts.get(user) ?? 0) > 1)
      return {
        user,
        errorCode: ErrorCode.DUPLICATE_RESOURCE,
        errorMessage: 'Cannot describe SCRAM credentials for the same user twice in a single request',
        credentialInfos: [],
      };
    const credentials = image.scramCredentials.get(user);
    if (!credentials)
      return {
        user,
        errorCode: ErrorCode.RESOURCE_NOT_FOUND,
        errorMessage: 'Attempt to describe a user credential that does not exist',
        credentialInfos: [],
      };
    return {
      user,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      credentialInfos: [...credentials]
        .sort(([a], [b]) => a - b)
        .map(([mechanism, { iterations }]) => ({ mechanism, iterations })),
    };
  });
  return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, results };
}
