/**
 * The principal of a TLS client (Kafka's DefaultKafkaPrincipalBuilder with SslPrincipalMapper): the client
 * certificate's subject as an RFC 2253 distinguished name ("CN=alice,OU=eng,O=Example,C=DE", most specific
 * first), rewritten by `ssl.principal.mapping.rules`, becomes User:<name>. A client without a certificate is
 * User:ANONYMOUS.
 *
 * Rules, in order, first match wins: `DEFAULT` (the DN as it is) or `RULE:pattern/replacement/[L|U]` (a
 * regular expression on the whole DN, its replacement with $1..., then lower or upper case). A DN that no rule
 * matches fails authentication, as in Kafka.
 */
import type { X509Certificate } from 'node:crypto';
import { ConfigError } from '../config/config-def.ts';

export type PrincipalMappingRule =
  { kind: 'default' } | { kind: 'rule'; pattern: RegExp; replacement: string; caseChange: 'L' | 'U' | null };

export class NoMatchingRuleError extends Error {
  override readonly name = 'NoMatchingRuleError';
}

/** Parses ssl.principal.mapping.rules. Commas separate rules but may also appear inside a rule's pattern. */
export function parsePrincipalMappingRules(text: string): PrincipalMappingRule[] {
  const rules: PrincipalMappingRule[] = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const until = (): string => {
    let out = '';
    while (i < text.length && text[i] !== '/') {
      if (text[i] === '\\' && text[i + 1] === '/') {
        out += '/';
        i += 2;
      } else out += text[i++];
    }
    if (text[i] !== '/') throw new ConfigError(`Invalid rule in ssl.principal.mapping.rules: ${text}`);
    i++;
    return out;
  };
  for (;;) {
    skip();
    if (i >= text.length) break;
    if (text.startsWith('DEFAULT', i)) {
      rules.push({ kind: 'default' });
      i += 'DEFAULT'.length;
    } else if (text.startsWith('RULE:', i)) {
      i += 'RULE:'.length;
      const pattern = until();
      const replacement = until();
      let caseChange: 'L' | 'U' | null = null;
      if (text[i] === 'L' || text[i] === 'U') caseChange = text[i++] as 'L' | 'U';
      let regex: RegExp;
      try {
        regex = new RegExp(`^(?:${pattern})$`);
      } catch {
        throw new ConfigError(`Invalid regular expression in ssl.principal.mapping.rules: ${pattern}`);
      }
      rules.push({ kind: 'rule', pattern: regex, replacement, caseChange });
    } else {
      throw new ConfigError(`Invalid rule in ssl.principal.mapping.rules: ${text.slice(i)}`);
    }
    skip();
    if (i < text.length) {
      if (text[i] !== ',')
        throw new ConfigError(`Invalid rule in ssl.principal.mapping.rules: ${text.slice(i)}`);
      i++;
    }
  }
  return rules.length > 0 ? rules : [{ kind: 'default' }];
}

export function applyPrincipalMappingRules(rules: readonly PrincipalMappingRule[], dn: string): string {
  for (const rule of rules) {
    if (rule.kind === 'default') return dn;
    if (!rule.pattern.test(dn)) continue;
    const name = dn.replace(rule.pattern, rule.replacement);
    return rule.caseChange === 'L' ? name.toLowerCase() : rule.caseChange === 'U' ? name.toUpperCase() : name;
  }
  throw new NoMatchingRuleError(`No rules apply to ${dn}, rules ${rules.length}`);
}

/** RFC 2253 escaping of an attribute value. */
function escapeRdnValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}

/**
 * The subject of a certificate as Java's X500Principal.getName() writes it: RFC 2253, most specific RDN first.
 * Node lists the subject's attributes one per line in certificate order (least specific first).
 */
export function subjectDistinguishedName(certificate: X509Certificate): string {
  return certificate.subject
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const eq = line.indexOf('=');
      return `${line.slice(0, eq)}=${escapeRdnValue(line.slice(eq + 1))}`;
    })
    .reverse()
    .join(',');
}
