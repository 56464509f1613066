/**
 * Login rate limiting: after MAX_FAILURES failed attempts for one username from one address, or 4 times as
 * many from one address for any usernames, within WINDOW_MS, further attempts are refused until the window
 * has passed. A success clears the username's count. Memory is bounded: windows are pruned, and at most
 * MAX_TRACKED keys are kept (the oldest go first).
 */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
const MAX_TRACKED = 10_000;

interface Window {
  failures: number;
  startedAt: number;
}

export class LoginRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  private keys(username: string, address: string): [string, number][] {
    return [
      [`user:${username.toLowerCase()}|${address}`, MAX_FAILURES],
      [`address:${address}`, MAX_FAILURES * 4],
    ];
  }

  private current(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && this.now() - window.startedAt >= WINDOW_MS) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  /** Milliseconds until another attempt is allowed; 0 when allowed now. */
  retryAfterMs(username: string, address: string): number {
    let wait = 0;
    for (const [key, limit] of this.keys(username, address)) {
      const window = this.current(key);
      if (window && window.failures >= limit)
        wait = Math.max(wait, window.startedAt + WINDOW_MS - this.now());
    }
    return wait;
  }

  recordFailure(username: string, address: string): void {
    for (const [key] of this.keys(username, address)) {
      const window = this.current(key);
      if (window) window.failures++;
      else {
        if (this.windows.size >= MAX_TRACKED) this.windows.delete(this.windows.keys().next().value!);
        this.windows.set(key, { failures: 1, startedAt: this.now() });
      }
    }
  }

  recordSuccess(username: string, address: string): void {
    this.windows.delete(this.keys(username, address)[0]![0]);
  }
}
