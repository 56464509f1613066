/**
 * SCRAM users of the Kafka cluster (AlterUserScramCredentials), as the Kafka users page, the API and the CLI
 * check them before the broker does: Kafka's mechanisms, Kafka's bounds on iterations (ScramMechanism's 4,096 to
 * 16,384), a user name that is not empty. Not the console's own sign-in users (auth.ts).
 */
import { z } from 'zod';

export const SCRAM_MECHANISMS = ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export type ScramMechanism = (typeof SCRAM_MECHANISMS)[number];

/** Kafka's ScramMechanism.minIterations and maxIterations. */
export const SCRAM_MIN_ITERATIONS = 4096;
export const SCRAM_MAX_ITERATIONS = 16384;
/** What kafka-configs.sh and Kafka's Admin client use when none is given: the minimum. */
export const SCRAM_DEFAULT_ITERATIONS = 4096;

export const scramMechanism = z.enum(SCRAM_MECHANISMS, {
  error: 'the mechanism is SCRAM-SHA-256 or SCRAM-SHA-512',
});

/**
 * The SCRAM user name, which is also the principal's name (User:<name>). Kafka takes any non-empty string; the
 * console also refuses control characters and more than 255 characters, which are mistakes, not names.
 */
export const scramUser = z
  .string()
  .min(1, 'a user name cannot be empty')
  .max(255, 'a user name is at most 255 characters')
  .refine((name) => name.trim() === name, 'a user name cannot start or end with spaces')
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'a user name cannot contain control characters');

export const scramPassword = z
  .string()
  .min(1, 'a password cannot be empty')
  .max(1024, 'a password is at most 1,024 characters');

export const scramIterations = z
  .number({ error: 'iterations is a whole number' })
  .int('iterations is a whole number')
  .min(SCRAM_MIN_ITERATIONS, `Kafka needs at least ${SCRAM_MIN_ITERATIONS} iterations`)
  .max(SCRAM_MAX_ITERATIONS, `Kafka takes at most ${SCRAM_MAX_ITERATIONS} iterations`);

/** Adds a credential (create) or replaces one (rotate) for one user and mechanism. */
export const scramCredentialInput = z.object({
  user: scramUser,
  mechanism: scramMechanism,
  iterations: scramIterations,
  password: scramPassword,
});

export const deleteScramCredentialInput = z.object({ user: scramUser, mechanism: scramMechanism });

export type ScramCredentialInput = z.infer<typeof scramCredentialInput>;
