/**
 * A Sluice broker's log cleaner status, read from the broker itself. Kafka shows its cleaner only as JMX metrics
 * and log lines; a Sluice broker also serves it as JSON on its HTTP listener (GET /v1/cleaner[?topic=]), whose
 * port it reports as the broker config sluice.http.port (DescribeConfigs on its BROKER resource). The host is
 * the one the broker advertises in Metadata, where its clients reach it.
 *
 * The listener is unauthenticated, so nothing but a plain GET goes to it: no credentials, no cookies, no
 * redirect followed; the answer is size-bounded and validated before anyone sees it. Every failure is an answer
 * with a reason naming the broker, never a throw, so one broker cannot fail a view of the others.
 */
import { brokerCleanerStatusSchema, type PartitionCleanerStatus } from '@sluice/validators';
import { describeBrokerConfigs } from './acls.ts';
import type { ClusterClient } from './cluster-client.ts';
import { withDeadline } from './deadline.ts';

export const SLUICE_HTTP_PORT_CONFIG = 'sluice.http.port';

/** More than a broker's statuses of tens of thousands of partitions (about 600 bytes each). */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

export type BrokerCleanerAnswer =
  | { kind: 'read'; brokerId: number; statuses: PartitionCleanerStatus[] }
  /**
   * 'not-sluice': the broker does not know sluice.http.port (Apache Kafka); 'no-listener': a Sluice broker with
   * its HTTP listener off; 'failed': it did not answer, or answered something other than cleaner statuses.
   */
  | { kind: 'not-sluice' | 'no-listener' | 'failed'; brokerId: number; reason: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A host as a URL writes it: an IPv6 address in brackets. */
const hostForUrl = (host: string) => (host.includes(':') ? `[${host}]` : host);

class AnswerTooLarge extends Error {}

/** The body as text, refused past `limit` bytes (the listener is not authenticated; its answer is not trusted). */
async function boundedText(response: Response, limit: number): Promise<string> {
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > limit) throw new AnswerTooLarge(`an answer of ${length} bytes, more than ${limit}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AnswerTooLarge(`an answer of more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * GET /v1/cleaner's body as statuses, or why it is not: not JSON, or not the shape of cleaner statuses (the
 * first problem, with where it is).
 */
export function parseCleanerStatuses(body: string): PartitionCleanerStatus[] | string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return `an answer that is not JSON (${message(error)})`;
  }
  const parsed = brokerCleanerStatusSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length === 0 ? 'the answer' : issue.path.join('.');
  return `an answer that is not a list of cleaner statuses (${where}: ${issue.message})`;
}

/**
 * GET `url` (a broker's /v1/cleaner) as cleaner statuses, or what went wrong, worded to follow "broker N (URL)":
 * refused or unreachable, no answer by `deadline` (epoch ms; it bounds the body too, so a broker trickling bytes
 * cannot hold the caller), an HTTP error, more than `limit` bytes, or not cleaner statuses. Never throws.
 */
export async function getCleanerStatuses(
  url: string,
  deadline: number,
  limit = MAX_ANSWER_BYTES,
): Promise<PartitionCleanerStatus[] | string> {
  const ms = Math.max(1, deadline - Date.now());
  let body: string;
  try {
    const response = await fetch(url, {
      method: 'GET',
      headers: { accept: 'application/json' },
      credentials: 'omit',
      redirect: 'error',
      signal: AbortSignal.timeout(ms),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return `answered HTTP ${response.status}`;
    }
    body = await boundedText(response, limit);
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError')
      return `gave no whole answer within ${ms} ms`;
    if (error instanceof AnswerTooLarge) return `gave ${error.message}`;
    const cause = (error as { cause?: unknown }).cause;
    return `is unreachable (${message(error)}${cause ? `: ${message(cause)}` : ''})`;
  }
  const statuses = parseCleanerStatuses(body);
  return typeof statuses === 'string' ? `gave ${statuses}` : statuses;
}

async function readWithin(
  client: ClusterClient,
  brokerId: number,
  topic: string | null,
  deadline: number,
): Promise<BrokerCleanerAnswer> {
  let configured: string | null | undefined;
  try {
    const configs = await withDeadline(
      describeBrokerConfigs(client, brokerId, [SLUICE_HTTP_PORT_CONFIG]),
      Math.max(1, deadline - Date.now()),
      `broker ${brokerId}`,
    );
    configured = configs.get(SLUICE_HTTP_PORT_CONFIG);
  } catch (error) {
    return {
      kind: 'failed',
      brokerId,
      reason: `broker ${brokerId} did not describe its configs (${message(error)})`,
    };
  }
  if (configured === undefined)
    return { kind: 'not-sluice', brokerId, reason: `broker ${brokerId} has no ${SLUICE_HTTP_PORT_CONFIG}` };
  const port = Number(configured ?? -1);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    return { kind: 'no-listener', brokerId, reason: `broker ${brokerId} has no ${SLUICE_HTTP_PORT_CONFIG}` };
  const host = client.knownBrokers().find((b) => b.nodeId === brokerId)?.host;
  if (host === undefined)
    return { kind: 'failed', brokerId, reason: `broker ${brokerId} is not in the cluster metadata` };
  const query = topic === null ? '' : `?topic=${encodeURIComponent(topic)}`;
  const url = `http://${hostForUrl(host)}:${port}/v1/cleaner${query}`;
  const statuses = await getCleanerStatuses(url, deadline);
  return typeof statuses === 'string'
    ? { kind: 'failed', brokerId, reason: `broker ${brokerId} (${url}) ${statuses}` }
    : { kind: 'read', brokerId, statuses };
}

/**
 * Broker `brokerId`'s cleaner status of its partitions (of `topic` only, when given), within `timeoutMs` for the
 * whole exchange (DescribeConfigs, then the GET), or why it could not be read.
 */
export function readBrokerCleanerStatus(
  client: ClusterClient,
  brokerId: number,
  options: { topic?: string; timeoutMs: number },
): Promise<BrokerCleanerAnswer> {
  return readWithin(client, brokerId, options.topic ?? null, Date.now() + options.timeoutMs);
}

/**
 * Each broker's whole cleaner status, read at most once per `maxAgeMs`: a page polling every few seconds, or
 * several pages at once, share one read per broker (a read in flight too). A failed read is kept as long, so a
 * broker that does not answer is not asked again on every poll.
 */
export class BrokerCleanerStatusCache {
  private readonly answers = new Map<number, { at: number; answer: Promise<BrokerCleanerAnswer> }>();

  constructor(
    private readonly client: ClusterClient,
    private readonly options: { maxAgeMs: number; timeoutMs: number } = { maxAgeMs: 4_000, timeoutMs: 2_000 },
  ) {}

  read(brokerId: number): Promise<BrokerCleanerAnswer> {
    const now = Date.now();
    for (const [id, entry] of this.answers)
      if (now - entry.at >= this.options.maxAgeMs) this.answers.delete(id);
    const cached = this.answers.get(brokerId);
    if (cached) return cached.answer;
    const answer = readBrokerCleanerStatus(this.client, brokerId, { timeoutMs: this.options.timeoutMs });
    this.answers.set(brokerId, { at: now, answer });
    return answer;
  }
}
