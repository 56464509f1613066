/**
 * The authorizer: Kafka's StandardAuthorizer semantics over the ACLs in the (cluster or standalone) security
 * metadata, enabled by `authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer`.
 *
 * A decision (StandardAuthorizerData.authorize), in order:
 * 1. a principal listed in `super.users` may do anything;
 * 2. the ACLs that apply to the resource are its LITERAL ACLs, the LITERAL "*" ACLs of its type and the PREFIXED
 *    ACLs whose name starts the resource name; of those, an ACL matches when its principal is the requester or
 *    User:*, its host is the client's address or "*", and its operation is the requested one or ALL, where an
 *    ALLOW for READ, WRITE, DELETE or ALTER also allows DESCRIBE and an ALLOW for ALTER_CONFIGS also allows
 *    DESCRIBE_CONFIGS (a DENY denies only its own operation, or everything for ALL);
 * 3. a matching DENY wins over any ALLOW; else a matching ALLOW allows;
 * 4. when no ACL at all applies to the resource (whoever it names), `allow.everyone.if.no.acl.found` decides;
 *    otherwise the request is denied.
 *
 * `explainAuthorization` returns the rule that decided, so the console can say which ACL allows or denies.
 */
import type { MetadataImage, StandardAcl } from '../metadata/metadata-image.ts';
import type { BrokerConfigStore } from '../config/config-store.ts';
import { ConfigError } from '../config/config-def.ts';
import { AclOperation, type AclOperationCode, type ResourceTypeCode } from './acl-operations.ts';
import {
  AclPermissionType,
  PatternType,
  WILDCARD_HOST,
  WILDCARD_PRINCIPAL,
  WILDCARD_RESOURCE,
  describeBinding,
  nameOf,
  ResourceTypeFilter,
} from './acl-binding.ts';
import type { SecurityMetadata } from './security-metadata.ts';

/** The class names that select the StandardAuthorizer (KRaft's, and the ZooKeeper-era name some configs keep). */
export const STANDARD_AUTHORIZER_CLASS_NAMES: readonly string[] = [
  'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
  'kafka.security.authorizer.AclAuthorizer',
];

export interface AuthorizationRequest {
  /** "User:alice" */
  principal: string;
  /** The client's IP address. */
  host: string;
  operation: number;
  resourceType: number;
  resourceName: string;
}

export interface AuthorizerOptions {
  /** Principals ("User:admin") allowed everything: `super.users`, split on ";". */
  superUsers: ReadonlySet<string>;
  /** `allow.everyone.if.no.acl.found` */
  allowEveryoneIfNoAclFound: boolean;
}

/** What decided a request: the requester is a super user, one ACL, or the absence of (matching) ACLs. */
export type AuthorizationRule =
  | { kind: 'super-user' }
  | { kind: 'acl'; acl: StandardAcl }
  /** ACLs apply to the resource but none matches this principal, host and operation: denied. */
  | { kind: 'no-matching-acl' }
  /** No ACL applies to the resource at all: allow.everyone.if.no.acl.found decided. */
  | { kind: 'no-acl-found' };

export interface AuthorizationDecision {
  allowed: boolean;
  rule: AuthorizationRule;
}

const IMPLIES_DESCRIBE: ReadonlySet<number> = new Set([
  AclOperation.DESCRIBE,
  AclOperation.READ,
  AclOperation.WRITE,
  AclOperation.DELETE,
  AclOperation.ALTER,
]);
const IMPLIES_DESCRIBE_CONFIGS: ReadonlySet<number> = new Set([
  AclOperation.DESCRIBE_CONFIGS,
  AclOperation.ALTER_CONFIGS,
]);

/** Whether `acl` (already known to apply to the resource) matches the request, and how (StandardAuthorizerData.findResult). */
function aclMatches(acl: StandardAcl, request: AuthorizationRequest): boolean {
  if (acl.principal !== request.principal && acl.principal !== WILDCARD_PRINCIPAL) return false;
  if (acl.host !== WILDCARD_HOST && acl.host !== request.host) return false;
  if (acl.operation === AclOperation.ALL || acl.operation === request.operation) return true;
  if (acl.permissionType !== AclPermissionType.ALLOW) return false;
  if (request.operation === AclOperation.DESCRIBE) return IMPLIES_DESCRIBE.has(acl.operation);
  if (request.operation === AclOperation.DESCRIBE_CONFIGS) return IMPLIES_DESCRIBE_CONFIGS.has(acl.operation);
  return false;
}

interface ResourceTypeAcls {
  /** LITERAL ACLs by resource name, "*" included. */
  literal: Map<string, StandardAcl[]>;
  prefixed: StandardAcl[];
}

/** ACLs indexed by resource type and name, so a decision reads only the ACLs that can apply. */
export class AclIndex {
  private readonly byType = new Map<number, ResourceTypeAcls>();
  readonly size: number;

  constructor(acls: Iterable<StandardAcl>) {
    let size = 0;
    for (const acl of acls) {
      size++;
      let entry = this.byType.get(acl.resourceType);
      if (!entry) this.byType.set(acl.resourceType, (entry = { literal: new Map(), prefixed: [] }));
      if (acl.patternType === PatternType.PREFIXED) entry.prefixed.push(acl);
      else {
        const list = entry.literal.get(acl.resourceName);
        if (list) list.push(acl);
        else entry.literal.set(acl.resourceName, [acl]);
      }
    }
    this.size = size;
  }

  /** Every ACL that applies to the resource: its literal ACLs, the wildcard ACLs and the prefixes of its name. */
  private applicable(resourceType: number, resourceName: string): StandardAcl[] {
    const entry = this.byType.get(resourceType);
    if (!entry) return [];
    const found: StandardAcl[] = [];
    const literal = entry.literal.get(resourceName);
    if (literal) found.push(...literal);
    if (resourceName !== WILDCARD_RESOURCE) {
      const wildcard = entry.literal.get(WILDCARD_RESOURCE);
      if (wildcard) found.push(...wildcard);
    }
    for (const acl of entry.prefixed) if (resourceName.startsWith(acl.resourceName)) found.push(acl);
    return found;
  }

  explain(request: AuthorizationRequest, options: AuthorizerOptions): AuthorizationDecision {
    if (options.superUsers.has(request.principal) || options.superUsers.has(WILDCARD_PRINCIPAL)) {
      return { allowed: true, rule: { kind: 'super-user' } };
    }
    const applicable = this.applicable(request.resourceType, request.resourceName);
    if (applicable.length === 0) {
      return { allowed: options.allowEveryoneIfNoAclFound, rule: { kind: 'no-acl-found' } };
    }
    let allow: StandardAcl | null = null;
    for (const acl of applicable) {
      if (!aclMatches(acl, request)) continue;
      if (acl.permissionType === AclPermissionType.DENY)
        return { allowed: false, rule: { kind: 'acl', acl } };
      allow ??= acl;
    }
    return allow
      ? { allowed: true, rule: { kind: 'acl', acl: allow } }
      : { allowed: false, rule: { kind: 'no-matching-acl' } };
  }

  /**
   * Kafka's authorizeByResourceType (KIP-679): whether the principal may perform `operation` on at least one
   * resource of the type, as InitProducerId asks for WRITE on any topic. Allowed when an ALLOW ACL matches that no
   * DENY of the same or a wider pattern covers; a DENY on every resource ("*" or the empty prefix) denies.
   */
  allowsAnyOfType(request: Omit<AuthorizationRequest, 'resourceName'>, options: AuthorizerOptions): boolean {
    if (options.superUsers.has(request.principal) || options.superUsers.has(WILDCARD_PRINCIPAL)) return true;
    const entry = this.byType.get(request.resourceType);
    if (!entry) return options.allowEveryoneIfNoAclFound;
    const all = [...[...entry.literal.values()].flat(), ...entry.prefixed];
    const matching = all.filter((acl) => aclMatches(acl, { ...request, resourceName: acl.resourceName }));
    const denies = matching.filter((acl) => acl.permissionType === AclPermissionType.DENY);
    const coveredByDeny = (acl: StandardAcl) =>
      denies.some(
        (deny) =>
          (deny.patternType === PatternType.LITERAL &&
            (deny.resourceName === WILDCARD_RESOURCE ||
              (acl.patternType === PatternType.LITERAL && deny.resourceName === acl.resourceName))) ||
          (deny.patternType === PatternType.PREFIXED && acl.resourceName.startsWith(deny.resourceName)),
      );
    return matching.some((acl) => acl.permissionType === AclPermissionType.ALLOW && !coveredByDeny(acl));
  }
}

/** Decides one request against a set of ACLs, and says which rule decided (for the console's check). */
export function explainAuthorization(
  acls: Iterable<StandardAcl>,
  request: AuthorizationRequest,
  options: AuthorizerOptions,
): AuthorizationDecision {
  return new AclIndex(acls).explain(request, options);
}

/** A denial repeats at most once a minute in the log; at most this many distinct denials are remembered. */
const DENIAL_LOG_INTERVAL_MS = 60_000;
const MAX_LOGGED_DENIALS = 10_000;

/** Parses `super.users` ("User:alice;User:bob"), ignoring blanks around entries. */
export function parseSuperUsers(value: string | null): Set<string> {
  return new Set(
    (value ?? '')
      .split(';')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0),
  );
}

/** The broker's authorizer: decisions over the current security image, re-indexed on every ACL change. */
export class StandardAuthorizer {
  private index: AclIndex;
  private indexedAcls: MetadataImage['acls'];
  private readonly stopListening: () => void;
  /** When each denial was last logged, by principal, host, operation and resource (bounded). */
  private readonly deniedLoggedAt = new Map<string, number>();

  /** `logDenial` hears of refused requests (Kafka's kafka.authorizer.logger logs them at INFO). */
  constructor(
    security: SecurityMetadata,
    readonly options: AuthorizerOptions,
    private readonly logDenial: (message: string) => void = () => {},
  ) {
    this.indexedAcls = security.image().acls;
    this.index = new AclIndex(this.indexedAcls.values());
    this.stopListening = security.onChange((image) => {
      if (image.acls === this.indexedAcls) return;
      this.indexedAcls = image.acls;
      this.index = new AclIndex(image.acls.values());
    });
  }

  /** The ACLs decisions are made on, by id. */
  acls(): MetadataImage['acls'] {
    return this.indexedAcls;
  }

  explain(request: AuthorizationRequest): AuthorizationDecision {
    return this.index.explain(request, this.options);
  }

  /**
   * Whether the principal may. A refusal is logged (each distinct one at most once a minute) unless
   * `logIfDenied` is false, as for the filtering Kafka does quietly (topics left out of a Metadata answer).
   */
  authorize(
    principal: string,
    host: string,
    operation: AclOperationCode,
    resourceType: ResourceTypeCode,
    resourceName: string,
    logIfDenied = true,
  ): boolean {
    const decision = this.index.explain(
      { principal, host, operation, resourceType, resourceName },
      this.options,
    );
    if (!decision.allowed && logIfDenied) {
      this.noteDenial({ principal, host, operation, resourceType, resourceName }, decision.rule);
    }
    return decision.allowed;
  }

  private noteDenial(request: AuthorizationRequest, rule: AuthorizationRule): void {
    const { principal, host, operation, resourceType, resourceName } = request;
    const key = [principal, host, operation, resourceType, resourceName].join('\u0000');
    const now = Date.now();
    const last = this.deniedLoggedAt.get(key);
    if (last !== undefined && now - last < DENIAL_LOG_INTERVAL_MS) return;
    this.deniedLoggedAt.delete(key);
    this.deniedLoggedAt.set(key, now);
    if (this.deniedLoggedAt.size > MAX_LOGGED_DENIALS) {
      this.deniedLoggedAt.delete(this.deniedLoggedAt.keys().next().value!);
    }
    const because =
      rule.kind === 'acl'
        ? `ACL: ${describeBinding(rule.acl)}`
        : rule.kind === 'no-acl-found'
          ? 'no ACL for the resource (allow.everyone.if.no.acl.found=false)'
          : 'no ACL allowing it (DefaultDeny)';
    this.logDenial(
      `Principal = ${principal} is Denied operation = ${nameOf(AclOperation, operation)} from host = ${host} ` +
        `on resource = ${nameOf(ResourceTypeFilter, resourceType)}:${resourceName} based on ${because}`,
    );
  }

  /** Whether the principal may perform `operation` on some resource of the type (authorizeByResourceType). */
  authorizeAny(
    principal: string,
    host: string,
    operation: AclOperationCode,
    resourceType: ResourceTypeCode,
  ): boolean {
    return this.index.allowsAnyOfType({ principal, host, operation, resourceType }, this.options);
  }

  close(): void {
    this.stopListening();
  }
}

/**
 * The authorizer `authorizer.class.name` asks for: null when unset (everything is allowed, as in Kafka), the
 * StandardAuthorizer for its class names; any other class cannot be loaded by a TypeScript broker.
 */
export function authorizerFromConfig(
  config: BrokerConfigStore,
  security: SecurityMetadata,
  logDenial?: (message: string) => void,
): StandardAuthorizer | null {
  const className = (config.getOptional<string>('authorizer.class.name') ?? '').trim();
  if (className === '') return null;
  if (!STANDARD_AUTHORIZER_CLASS_NAMES.includes(className)) {
    throw new ConfigError(
      `authorizer.class.name=${className} is not available: Sluice provides ` +
        `org.apache.kafka.metadata.authorizer.StandardAuthorizer`,
    );
  }
  return new StandardAuthorizer(
    security,
    {
      superUsers: parseSuperUsers(config.getOptional<string>('super.users')),
      allowEveryoneIfNoAclFound: config.getOptional<boolean>('allow.everyone.if.no.acl.found') ?? false,
    },
    logDenial,
  );
}
