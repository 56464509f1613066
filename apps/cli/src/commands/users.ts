/**
 * `sluice users`: SCRAM users (AlterUserScramCredentials, DescribeUserScramCredentials).
 *
 *   --list                                    every user with SCRAM credentials, mechanisms and iterations
 *   --describe USER                           one user
 *   --create USER | --alter USER              add or replace a credential: --mechanism SCRAM-SHA-256|SCRAM-SHA-512
 *                                             (default SCRAM-SHA-256), --password P or --password-stdin,
 *                                             --iterations N (default 4096, Kafka's minimum)
 *   --delete USER [--mechanism M]             remove one mechanism's credential, or all of the user's
 *
 * The password never leaves this process: a random salt is drawn here and only the salted password is sent,
 * as Kafka's admin client does. Prefer --password-stdin: a --password shows in the process list.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { throwIfError } from '@sluice/client';
import {
  ApiKey,
  ErrorCode,
  SCRAM_ALGORITHMS,
  errorCodes,
  scramAlgorithmByCode,
  scramSaltedPassword,
  type ScramMechanismName,
} from '@sluice/protocol';
import { CONNECTION_OPTIONS, adminClient } from '../admin-client.ts';
import { CliError, CommandFailedError } from '../cli-error.ts';

const errorNameOf = (code: number) => errorCodes.get(code)?.name ?? `error ${code}`;

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

function mechanismOf(text: string | undefined): ScramMechanismName {
  const name = (text ?? 'SCRAM-SHA-256').toUpperCase();
  if (name !== 'SCRAM-SHA-256' && name !== 'SCRAM-SHA-512')
    throw new CliError(`--mechanism must be SCRAM-SHA-256 or SCRAM-SHA-512, got ${text}`);
  return name;
}

export async function usersCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...CONNECTION_OPTIONS,
      list: { type: 'boolean', default: false },
      describe: { type: 'string' },
      create: { type: 'string' },
      alter: { type: 'string' },
      delete: { type: 'string' },
      mechanism: { type: 'string' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      iterations: { type: 'string', default: '4096' },
    },
    strict: true,
  });
  const actions = [values.list, values.describe, values.create, values.alter, values.delete].filter(
    (v) => v !== undefined && v !== false,
  );
  if (actions.length !== 1)
    throw new CliError('give exactly one of --list, --describe, --create, --alter, --delete');

  const client = adminClient(values);
  try {
    const connection = await client.any();
    if (values.list || values.describe !== undefined) {
      const response = await connection.request(ApiKey.DescribeUserScramCredentials, {
        users: values.describe !== undefined ? [{ name: values.describe }] : null,
      });
      throwIfError(response.errorCode, response.errorMessage);
      for (const result of response.results) {
        if (result.errorCode !== ErrorCode.NONE)
          throw new CommandFailedError(
            `${result.user}: ${result.errorMessage ?? errorNameOf(result.errorCode)}`,
          );
        const credentials = result.credentialInfos
          .map(
            (c) =>
              `${scramAlgorithmByCode(c.mechanism)?.name ?? `mechanism ${c.mechanism}`}=iterations=${c.iterations}`,
          )
          .join(', ');
        console.log(`SCRAM credential configs for user-principal '${result.user}' are ${credentials}`);
      }
      return;
    }

    const user = (values.create ?? values.alter ?? values.delete)!;
    let deletions: { name: string; mechanism: number }[] = [];
    let upsertions: {
      name: string;
      mechanism: number;
      iterations: number;
      salt: Buffer;
      saltedPassword: Buffer;
    }[] = [];
    if (values.delete !== undefined) {
      const mechanisms = values.mechanism
        ? [SCRAM_ALGORITHMS[mechanismOf(values.mechanism)].code]
        : await existingMechanisms(user);
      deletions = mechanisms.map((mechanism) => ({ name: user, mechanism }));
    } else {
      const algorithm = SCRAM_ALGORITHMS[mechanismOf(values.mechanism)];
      const iterations = Number(values.iterations);
      if (!Number.isInteger(iterations)) throw new CliError('--iterations must be a whole number');
      if ((values.password === undefined) === !values['password-stdin'])
        throw new CliError('give the password with exactly one of --password or --password-stdin');
      const password = values['password-stdin'] ? await readStdinLine() : values.password!;
      if (password === '') throw new CliError('the password must not be empty');
      const salt = randomBytes(32);
      upsertions = [
        {
          name: user,
          mechanism: algorithm.code,
          iterations,
          salt,
          saltedPassword: scramSaltedPassword(algorithm, password, salt, iterations),
        },
      ];
    }
    const response = await connection.request(ApiKey.AlterUserScramCredentials, { deletions, upsertions });
    for (const result of response.results) {
      if (result.errorCode !== ErrorCode.NONE)
        throw new CommandFailedError(
          `Error altering SCRAM credentials of user '${result.user}': ${result.errorMessage ?? errorNameOf(result.errorCode)}`,
        );
    }
    console.log(`Completed updating SCRAM credentials of user-principal '${user}'.`);

    async function existingMechanisms(name: string): Promise<number[]> {
      const described = await connection.request(ApiKey.DescribeUserScramCredentials, { users: [{ name }] });
      const result = described.results[0];
      if (!result || result.errorCode !== ErrorCode.NONE)
        throw new CommandFailedError(`User '${name}' has no SCRAM credentials`);
      return result.credentialInfos.map((c) => c.mechanism);
    }
  } finally {
    client.close();
  }
}
