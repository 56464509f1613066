/**
 * Incremental fetch sessions (KIP-227). A consumer that opens a session sends its full partition list once;
 * later requests carry only changes, and responses list only partitions with something new (data, an error,
 * or a changed high watermark / log start offset).
 *
 * Session protocol, by (sessionId, sessionEpoch) of the request:
 * - (0, -1): a full fetch without a session;
 * - (0, 0): a full fetch that opens a session; the response carries its id;
 * - (id, n > 0): an incremental fetch; n must be the session's next epoch;
 * - (id, -1): closes the session and fetches in full without one.
 * Sessions live in a bounded cache (max.incremental.fetch.session.cache.slots, 1000); the least recently used
 * one is evicted when it is full.
 */
export const INITIAL_EPOCH = 0;
export const FINAL_EPOCH = -1;
const MAX_SESSIONS = 1000;

export interface SessionPartition {
  topic: string;
  topicId: string;
  partition: number;
  fetchOffset: bigint;
  partitionMaxBytes: number;
  /** The leader epoch the client believes current (-1: not checked), Fetch v9+. */
  currentLeaderEpoch: number;
  /** A follower's: the epoch of its last record (-1: unknown), for the divergence check of Fetch v12+. */
  lastFetchedEpoch: number;
  /** A follower's: its log start offset (-1 for consumers). */
  logStartOffset: bigint;
  /** What the last response told the client, to know whether anything changed since. */
  lastHighWatermark: bigint;
  lastLogStartOffset: bigint;
}

export interface FetchSession {
  id: number;
  nextEpoch: number;
  /** Keyed by `${topic}:${partition}`, in the order the client added them. */
  partitions: Map<string, SessionPartition>;
}

export function sessionKey(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}

export class FetchSessionCache {
  private readonly sessions = new Map<number, FetchSession>();
  private nextId = 1;

  create(partitions: Map<string, SessionPartition>): FetchSession {
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    const id = this.nextId;
    this.nextId = this.nextId >= 0x7fffffff ? 1 : this.nextId + 1;
    const session: FetchSession = { id, nextEpoch: 1, partitions };
    this.sessions.set(id, session);
    return session;
  }

  /** Looks a session up and marks it most recently used. */
  get(id: number): FetchSession | undefined {
    const session = this.sessions.get(id);
    if (session) {
      this.sessions.delete(id);
      this.sessions.set(id, session);
    }
    return session;
  }

  remove(id: number): void {
    this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }
}
