/**
 * Who a connection is (Kafka's KafkaPrincipal): a type and a name, written "User:alice" in ACLs, quotas and logs.
 * PLAINTEXT connections are User:ANONYMOUS; SASL connections are the authenticated user; SSL connections with a
 * client certificate are the name ssl.principal.mapping.rules makes of its subject.
 */
export interface KafkaPrincipal {
  /** Always "User" for the principals brokers build (Kafka's DefaultKafkaPrincipalBuilder). */
  type: string;
  name: string;
}

export const USER_TYPE = 'User';
export const ANONYMOUS: KafkaPrincipal = { type: USER_TYPE, name: 'ANONYMOUS' };

export function principalToString(principal: KafkaPrincipal): string {
  return `${principal.type}:${principal.name}`;
}

/** Parses "Type:name" (the name may contain colons); throws on text without a type. */
export function parsePrincipal(text: string): KafkaPrincipal {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new Error(`Principal "${text}" is not of the form Type:name`);
  return { type: text.slice(0, colon), name: text.slice(colon + 1) };
}
