/**
 * How long an open transaction has been running, and whether it is hanging: open longer than its own timeout
 * (its coordinator should have aborted it by then) or than the cluster's transaction.max.timeout.ms (no
 * producer may ask for longer), when the cluster says what that is. A transaction whose coordinator does not say
 * when it started has no age and is not judged.
 */
import type { OpenTransaction } from '../cluster-source/cluster-source.ts';

export interface TransactionAge {
  /** Milliseconds since it started; null when the start is unknown. */
  ageMs: number | null;
  hanging: boolean;
  /** Why it is flagged, in words for the page; null when it is not. */
  hangingReason: string | null;
}

const minutes = (ms: number) => `${Math.round((ms / 60_000) * 10) / 10} min`;

export function transactionAge(
  transaction: OpenTransaction,
  maxTimeoutMs: number | null,
  now: number,
): TransactionAge {
  if (transaction.startTimeMs === null) return { ageMs: null, hanging: false, hangingReason: null };
  const ageMs = Math.max(0, now - transaction.startTimeMs);
  if (ageMs > transaction.transactionTimeoutMs)
    return {
      ageMs,
      hanging: true,
      hangingReason: `open ${minutes(ageMs)}, longer than its timeout (${minutes(transaction.transactionTimeoutMs)})`,
    };
  if (maxTimeoutMs !== null && ageMs > maxTimeoutMs)
    return {
      ageMs,
      hanging: true,
      hangingReason: `open ${minutes(ageMs)}, longer than transaction.max.timeout.ms (${minutes(maxTimeoutMs)})`,
    };
  return { ageMs, hanging: false, hangingReason: null };
}
