/**
 * `promise`, or a rejection naming `what` once `ms` have passed: for per-broker calls that a stopped or
 * SIGSTOPped broker must not hold up (a Kafka request waits request.timeout.ms, 30 s, for its answer).
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
