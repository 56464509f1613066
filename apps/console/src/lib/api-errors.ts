/** The tRPC error code an API call failed with (UNAUTHORIZED, NOT_FOUND, ...), if the server gave one. */
export function apiErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('data' in error)) return undefined;
  const { data } = error as { data?: { code?: unknown } | null };
  return typeof data?.code === 'string' ? data.code : undefined;
}

/**
 * Answers that asking again will not change: no cluster behind this console, no session, no such group, a bad
 * input. Retrying or polling those only delays saying so.
 */
const PERMANENT = new Set([
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PRECONDITION_FAILED',
  'UNPROCESSABLE_CONTENT',
]);

export function isPermanentApiError(error: unknown): boolean {
  const code = apiErrorCode(error);
  return code !== undefined && PERMANENT.has(code);
}

/** A refetchInterval that polls every `ms` until the query fails in a way polling cannot fix. */
export function refreshEvery(ms: number) {
  return (query: { state: { error: unknown } }): number | false =>
    isPermanentApiError(query.state.error) ? false : ms;
}
