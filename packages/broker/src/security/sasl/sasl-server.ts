/**
 * One SASL exchange on the broker side (javax.security.sasl.SaslServer as Kafka uses it): the client's tokens in,
 * the server's challenges out, until the exchange completes with an authenticated user or fails.
 *
 * Invariants: a failure is a SaslAuthenticationError whose message is safe to send to the client and to log
 * (it never contains a password, a proof or a token); once complete or failed, a server takes no more tokens.
 */
export class SaslAuthenticationError extends Error {
  override readonly name = 'SaslAuthenticationError';
}

export interface SaslStep {
  /** The bytes to send back (possibly empty); null when nothing is due. */
  challenge: Buffer | null;
  /** Set once the exchange has succeeded: the authenticated user name. */
  authenticatedUser: string | null;
}

export interface SaslServer {
  readonly mechanism: string;
  /** Evaluates the client's next token; throws SaslAuthenticationError when authentication fails. */
  evaluate(token: Buffer): SaslStep;
}

/** SASL mechanisms Sluice serves (Kafka's names). GSSAPI and OAUTHBEARER are Kafka's too but not served here. */
export const SUPPORTED_SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export type SaslMechanism = (typeof SUPPORTED_SASL_MECHANISMS)[number];

export function isSupportedMechanism(name: string): name is SaslMechanism {
  return (SUPPORTED_SASL_MECHANISMS as readonly string[]).includes(name);
}
