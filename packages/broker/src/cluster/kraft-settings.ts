/**
 * The settings that decide a node's place in a KRaft cluster, parsed and checked the way Kafka's KafkaConfig
 * checks them at start: `process.roles`, `node.id`, `controller.quorum.voters` (or, for a broker-only node,
 * `controller.quorum.bootstrap.servers`), `listeners`,
 * `advertised.listeners`, `controller.listener.names` and `listener.security.protocol.map`.
 *
 * Without `process.roles` a Sluice broker runs standalone: one node that is its own controller with no quorum,
 * which is what `npm start` and data folders written before clustering expect.
 */
import { ConfigError } from '../config/config-def.ts';

export type ProcessRole = 'broker' | 'controller';

export interface ListenerEndpoint {
  /** The listener name (PLAINTEXT, CONTROLLER, ...), upper case as Kafka normalizes it. */
  name: string;
  host: string;
  port: number;
}

export interface VoterEndpoint {
  nodeId: number;
  host: string;
  port: number;
}

export interface KRaftSettings {
  nodeId: number;
  roles: ReadonlySet<ProcessRole>;
  voters: ReadonlyMap<number, VoterEndpoint>;
  /** controller.quorum.bootstrap.servers: where a broker-only node without voters finds the quorum. */
  bootstrapServers: readonly { host: string; port: number }[];
  listeners: readonly ListenerEndpoint[];
  /** What clients are told (advertised.listeners, else listeners), controller listeners excluded. */
  advertisedListeners: readonly ListenerEndpoint[];
  controllerListenerNames: readonly string[];
  /** Listener name -> security protocol name (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL). */
  securityProtocols: ReadonlyMap<string, string>;
}

export interface RawKRaftSettings {
  nodeId: number;
  processRoles: readonly string[];
  controllerQuorumVoters: readonly string[];
  controllerQuorumBootstrapServers: readonly string[];
  listeners: readonly string[];
  advertisedListeners: readonly string[] | null;
  controllerListenerNames: readonly string[];
  listenerSecurityProtocolMap: readonly string[];
}

const SECURITY_PROTOCOLS = new Set(['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL']);

/** `host:port` with an optional bracketed IPv6 host; an empty host means every interface, as in Kafka. */
function parseHostPort(text: string, what: string): { host: string; port: number } {
  const match = /^(\[[^\]]*\]|[^:[\]]*):(\d+)$/.exec(text);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65535) throw new ConfigError(`Invalid ${what} "${text}": expected host:port`);
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

export function parseListeners(entries: readonly string[], configName: string): ListenerEndpoint[] {
  const listeners: ListenerEndpoint[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '') continue;
    const match = /^([A-Za-z0-9_]+):\/\/(.*)$/.exec(entry);
    if (!match) throw new ConfigError(`Invalid ${configName} entry "${entry}": expected NAME://host:port`);
    const name = match[1]!.toUpperCase();
    if (listeners.some((listener) => listener.name === name))
      throw new ConfigError(`Each listener must have a different name, listeners: ${entries.join(',')}`);
    listeners.push({ name, ...parseHostPort(match[2]!, `${configName} entry`) });
  }
  return listeners;
}

/** `controller.quorum.voters`: `id@host:port` entries (Kafka's QuorumConfig.parseVoterConnections). */
export function parseVoters(entries: readonly string[]): Map<number, VoterEndpoint> {
  const voters = new Map<number, VoterEndpoint>();
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '') continue;
    const match = /^(\d+)@(.+)$/.exec(entry);
    if (!match)
      throw new ConfigError(
        `Invalid entry "${entry}" in controller.quorum.voters: expected {id}@{host}:{port}`,
      );
    const nodeId = Number(match[1]);
    if (voters.has(nodeId)) throw new ConfigError(`Duplicate voter id ${nodeId} in controller.quorum.voters`);
    voters.set(nodeId, { nodeId, ...parseHostPort(match[2]!, 'controller.quorum.voters entry') });
  }
  return voters;
}

export function parseSecurityProtocolMap(entries: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '') continue;
    const [name, protocol] = entry.split(':');
    if (!name || !protocol || !SECURITY_PROTOCOLS.has(protocol.toUpperCase()))
      throw new ConfigError(`Invalid listener.security.protocol.map entry "${entry}"`);
    map.set(name.toUpperCase(), protocol.toUpperCase());
  }
  return map;
}

/** Parses and cross-checks the KRaft settings; returns null for a standalone broker (no process.roles). */
export function parseKRaftSettings(raw: RawKRaftSettings): KRaftSettings | null {
  if (raw.processRoles.length === 0) return null;
  const roles = new Set<ProcessRole>();
  for (const role of raw.processRoles.map((r) => r.trim().toLowerCase())) {
    if (role !== 'broker' && role !== 'controller')
      throw new ConfigError(`Unknown process role '${role}' (only 'broker' and 'controller' are allowed)`);
    if (roles.has(role)) throw new ConfigError(`Duplicate role names found in process.roles: ${role}`);
    roles.add(role);
  }
  const voters = parseVoters(raw.controllerQuorumVoters);
  const bootstrapServers = raw.controllerQuorumBootstrapServers
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => parseHostPort(entry, 'controller.quorum.bootstrap.servers entry'));
  // A controller needs the voter set: without controller.quorum.voters it would come from the log (KIP-853's
  // dynamic quorum, formatted with --standalone or --initial-controllers), which Sluice does not serve yet.
  if (voters.size === 0 && bootstrapServers.length > 0 && roles.has('controller'))
    throw new ConfigError(
      'A controller needs controller.quorum.voters: dynamic quorums (KIP-853, controller.quorum.bootstrap.servers alone) are not supported yet; controller.quorum.bootstrap.servers works for broker-only nodes.',
    );
  if (voters.size === 0 && bootstrapServers.length === 0)
    throw new ConfigError(
      'If using process.roles, either controller.quorum.bootstrap.servers must contain the set of bootstrap controllers or controller.quorum.voters must contain a parseable set of controllers.',
    );
  const isVoter = voters.has(raw.nodeId);
  const votersText = raw.controllerQuorumVoters.join(',');
  if (roles.has('controller') && !isVoter)
    throw new ConfigError(
      `If process.roles contains the 'controller' role, the node id ${raw.nodeId} must be included in the set of voters controller.quorum.voters=${votersText}`,
    );
  if (!roles.has('controller') && isVoter)
    throw new ConfigError(
      `If process.roles contains just the 'broker' role, the node id ${raw.nodeId} must not be included in the set of voters controller.quorum.voters=${votersText}`,
    );
  const controllerListenerNames = raw.controllerListenerNames
    .map((n) => n.trim().toUpperCase())
    .filter(Boolean);
  if (controllerListenerNames.length === 0)
    throw new ConfigError(
      'controller.listener.names must contain at least one value when running in KRaft mode.',
    );
  const listeners = parseListeners(raw.listeners, 'listeners');
  const controllerListeners = listeners.filter((l) => controllerListenerNames.includes(l.name));
  if (roles.has('controller') && controllerListeners.length === 0)
    throw new ConfigError(
      `controller.listener.names must contain at least one value appearing in the 'listeners' configuration when running the KRaft controller role`,
    );
  if (roles.has('broker') && !listeners.some((l) => !controllerListenerNames.includes(l.name)))
    throw new ConfigError('listeners must contain at least one listener that is not a controller listener');
  const securityProtocols = parseSecurityProtocolMap(raw.listenerSecurityProtocolMap);
  for (const listener of listeners) {
    if (!securityProtocols.has(listener.name)) {
      if (!SECURITY_PROTOCOLS.has(listener.name))
        throw new ConfigError(
          `No security protocol defined for listener ${listener.name} in listener.security.protocol.map`,
        );
      securityProtocols.set(listener.name, listener.name);
    }
  }
  const advertisedSource =
    raw.advertisedListeners && raw.advertisedListeners.length > 0
      ? parseListeners(raw.advertisedListeners, 'advertised.listeners')
      : listeners;
  const advertisedListeners = advertisedSource.filter((l) => !controllerListenerNames.includes(l.name));
  if (
    advertisedSource.some((l) => controllerListenerNames.includes(l.name)) &&
    raw.advertisedListeners?.length
  )
    throw new ConfigError(
      `The advertised.listeners config must not contain KRaft controller listeners from controller.listener.names when process.roles contains the broker role because Kafka clients that send requests via advertised listeners do not send requests to KRaft controllers -- they only send requests to KRaft brokers.`,
    );
  return {
    nodeId: raw.nodeId,
    roles,
    voters,
    bootstrapServers,
    listeners,
    advertisedListeners,
    controllerListenerNames,
    securityProtocols,
  };
}
