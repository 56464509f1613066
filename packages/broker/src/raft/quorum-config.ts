/**
 * The quorum's settings, by Kafka's names (KafkaConfig / QuorumConfig): `controller.quorum.voters` lists the
 * static voters as `id@host:port` (KIP-595; KIP-853's dynamic voters are not served yet, so the voter set is
 * fixed for the life of the process), and the four timeouts keep Kafka's defaults.
 */
export interface VoterEndpoint {
  host: string;
  port: number;
}

export interface QuorumConfig {
  nodeId: number;
  /** The static voter set, by node id. */
  voters: ReadonlyMap<number, VoterEndpoint>;
  /**
   * controller.quorum.bootstrap.servers: controller endpoints an observer (a broker-only node) asks who leads
   * when it was given no voters; the answers' node endpoints tell it where the leader is (KIP-853).
   */
  bootstrapServers?: readonly { host: string; port: number }[];
  /** controller.quorum.election.timeout.ms: a candidate's election, and how long an unattached voter waits. */
  electionTimeoutMs: number;
  /** controller.quorum.fetch.timeout.ms: a follower that hears nothing from its leader this long becomes candidate. */
  fetchTimeoutMs: number;
  /** controller.quorum.election.backoff.max.ms: the cap of the exponential backoff between lost elections. */
  electionBackoffMaxMs: number;
  /** controller.quorum.request.timeout.ms */
  requestTimeoutMs: number;
  /** The cluster id every quorum request carries and every voter checks (INCONSISTENT_CLUSTER_ID). */
  clusterId: string;
}

export const QUORUM_DEFAULTS = {
  electionTimeoutMs: 1000,
  fetchTimeoutMs: 2000,
  electionBackoffMaxMs: 1000,
  requestTimeoutMs: 2000,
} as const;

/** Parses `controller.quorum.voters` ("1@127.0.0.1:19093,2@127.0.0.1:19094"). */
export function parseVoters(value: string): Map<number, VoterEndpoint> {
  const voters = new Map<number, VoterEndpoint>();
  for (const entry of value.split(',').map((s) => s.trim())) {
    if (entry === '') continue;
    const match = /^(\d+)@(.+):(\d+)$/.exec(entry);
    if (!match) throw new Error(`controller.quorum.voters: "${entry}" is not id@host:port`);
    const id = Number(match[1]);
    if (voters.has(id)) throw new Error(`controller.quorum.voters: voter ${id} is listed twice`);
    voters.set(id, { host: match[2]!.replace(/^\[(.*)\]$/, '$1'), port: Number(match[3]) });
  }
  if (voters.size === 0) throw new Error('controller.quorum.voters is empty');
  return voters;
}

/** The number of votes (or replicated voters) that make a majority of `voterCount`. */
export function majorityOf(voterCount: number): number {
  return Math.floor(voterCount / 2) + 1;
}
