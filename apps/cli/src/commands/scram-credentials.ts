/**
 * The two ways Kafka's tools spell a SCRAM credential, parsed with Kafka's rules and messages:
 * - kafka-configs.sh `--add-config 'SCRAM-SHA-256=[iterations=8192,password=alice-secret]'` (ConfigCommand):
 *   after the brackets are stripped, the value must match `(?:iterations=(-?[0-9]*),)?password=(.*)` whole;
 *   iterations default to 4096 (also for -1), fewer than 4096 is refused here, more than 16384 by the broker;
 * - kafka-storage.sh format `--add-scram 'SCRAM-SHA-256=[name=alice,password=alice-secret]'` (ScramParser):
 *   comma-separated name, password or salt (base64) with saltedpassword (base64), iterations (4096..16384);
 *   values may be double-quoted.
 *
 * Unlike Kafka, no message repeats what the user typed after a mechanism name: that text may hold a password.
 */
import { randomBytes } from 'node:crypto';
import {
  MAX_SCRAM_ITERATIONS,
  MIN_SCRAM_ITERATIONS,
  SCRAM_ALGORITHMS,
  scramKeys,
  scramSaltedPassword,
  type ScramAlgorithm,
  type ScramMechanismName,
} from '@sluice/protocol';
import { CliError } from '../cli-error.ts';

/** ConfigCommand's DefaultScramIterations. */
const DEFAULT_SCRAM_ITERATIONS = 4096;

/** Kafka's ScramMechanism.isScram: exactly one of the mechanism names, case included. */
export function isScramMechanism(name: string): name is ScramMechanismName {
  return Object.hasOwn(SCRAM_ALGORITHMS, name);
}

/** The name Kafka's internal ScramMechanism enum prints (SCRAM_SHA_256), as its messages show it. */
function enumName(algorithm: ScramAlgorithm): string {
  return algorithm.name.replace(/-/g, '_');
}

/** A kafka-configs.sh SCRAM value (brackets already stripped): the iterations and the password. */
export function parseConfigsCredential(
  mechanism: ScramMechanismName,
  value: string,
): { iterations: number; password: string } {
  const algorithm = SCRAM_ALGORITHMS[mechanism];
  const match = /^(?:iterations=(-?[0-9]*),)?password=(.*)$/s.exec(value);
  const iterations =
    match?.[1] === undefined || match[1] === '-1' ? DEFAULT_SCRAM_ITERATIONS : Number.parseInt(match[1], 10);
  if (!match || Number.isNaN(iterations))
    throw new CliError(
      `Invalid credential property ${enumName(algorithm)}=(value not shown): expected [iterations=N,]password=P`,
    );
  if (iterations < MIN_SCRAM_ITERATIONS)
    throw new CliError(
      `Iterations ${iterations} is less than the minimum ${MIN_SCRAM_ITERATIONS} required for ${mechanism}`,
    );
  return { iterations, password: match[2]! };
}

/** A UserScramCredentialRecord's data: what kafka-storage.sh format writes into the bootstrap metadata. */
export interface ScramCredentialRecordData {
  name: string;
  mechanism: number;
  salt: Buffer;
  storedKey: Buffer;
  serverKey: Buffer;
  iterations: number;
}

/** Splits `key=value` at the first '=' and drops one pair of surrounding double quotes from the value. */
function component(text: string): [string, string] {
  const equals = text.indexOf('=');
  if (equals < 0) throw new CliError('No equals sign found in a SCRAM component (component not shown)');
  let value = text.slice(equals + 1);
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  return [text.slice(0, equals), value];
}

/** Java's basic Base64 decoder: the standard alphabet, padding optional. `shown` is what an error may print. */
function base64Of(text: string, what: string, shown: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.replace(/=+$/, '').length % 4 === 1)
    throw new CliError(`Failed to decode given ${what}: ${shown}`);
  return Buffer.from(text, 'base64');
}

/** One kafka-storage.sh `--add-scram` argument as the UserScramCredentialRecord Kafka's formatter writes. */
export function parseAddScram(argument: string): ScramCredentialRecordData {
  const input = argument.trim();
  const equals = input.indexOf('=');
  if (equals < 0) throw new CliError(`Failed to find equals sign in SCRAM argument '${input}'`);
  const mechanismName = input.slice(0, equals);
  const config = input.slice(equals + 1);
  if (!isScramMechanism(mechanismName))
    throw new CliError(`The add-scram mechanism ${mechanismName} is not supported.`);
  if (!config.startsWith('[')) throw new CliError('Expected configuration string to start with [');
  if (!config.endsWith(']')) throw new CliError('Expected configuration string to end with ]');
  const algorithm = SCRAM_ALGORITHMS[mechanismName];
  const components = new Map(config.slice(1, -1).split(',').map(component));
  const take = (key: string) => {
    const value = components.get(key);
    components.delete(key);
    return value;
  };
  const name = take('name');
  if (name === undefined) throw new CliError("You must supply 'name' to add-scram");
  const saltText = take('salt');
  const salt = saltText === undefined ? undefined : base64Of(saltText, 'salt', saltText);
  const iterationsText = take('iterations');
  const iterations = iterationsText === undefined ? DEFAULT_SCRAM_ITERATIONS : Number(iterationsText);
  if (
    iterationsText !== undefined &&
    (!/^[+-]?\d+$/.test(iterationsText) || !Number.isSafeInteger(iterations))
  )
    throw new CliError(`Failed to parse iterations count: ${iterationsText}`);
  const password = take('password');
  const saltedPasswordText = take('saltedpassword');
  if (password === undefined) {
    if (saltedPasswordText === undefined)
      throw new CliError("You must supply one of 'password' or 'saltedpassword' to add-scram");
    if (salt === undefined) throw new CliError("You must supply 'salt' with 'saltedpassword' to add-scram");
  }
  if (components.size > 0)
    throw new CliError(`Unknown SCRAM configurations: ${[...components.keys()].join(', ')}`);
  if (iterations < MIN_SCRAM_ITERATIONS)
    throw new CliError(
      `The 'iterations' value must be >= ${MIN_SCRAM_ITERATIONS} for add-scram using ${enumName(algorithm)}`,
    );
  if (iterations > MAX_SCRAM_ITERATIONS)
    throw new CliError(
      `The 'iterations' value must be <= ${MAX_SCRAM_ITERATIONS} for add-scram using ${enumName(algorithm)}`,
    );
  const usedSalt = salt ?? randomBytes(32);
  const saltedPassword =
    password !== undefined
      ? scramSaltedPassword(algorithm, password, usedSalt, iterations)
      : base64Of(saltedPasswordText!, 'saltedPassword', '(value not shown)');
  return {
    name,
    mechanism: algorithm.code,
    salt: usedSalt,
    iterations,
    ...scramKeys(algorithm, saltedPassword),
  };
}
