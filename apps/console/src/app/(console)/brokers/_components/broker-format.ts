import type { RouterOutputs } from '~/trpc/outputs';

type BrokerProcess = RouterOutputs['brokers']['drills']['processes'][number];

/** "just now", "2.4 s ago", "3 min ago": how long before `now` a quorum replica last fetched or caught up. */
export function formatAgo(timestamp: number | null, now: number): string {
  if (timestamp === null) return 'unknown';
  const seconds = Math.max(0, (now - timestamp) / 1000);
  if (seconds < 0.5) return 'just now';
  if (seconds < 60) return `${seconds.toFixed(1)} s ago`;
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3_600)} h ago`;
}

/**
 * The process as the drill controller sees it, as a state and a detail: running (pid 4242), paused (pid 4242),
 * stopping, exited (SIGKILL), exited cleanly (code 0) after a graceful stop (the broker's controlled shutdown
 * finished).
 */
export function processParts(process: BrokerProcess): { state: string; detail: string | null } {
  switch (process.state) {
    case 'running':
    case 'paused':
      return { state: process.state, detail: `pid ${process.pid}` };
    case 'stopping':
      return { state: 'stopping', detail: null };
    case 'exited':
      if (process.lastExit === 'code 0') return { state: 'exited cleanly', detail: 'code 0' };
      return { state: 'exited', detail: process.lastExit };
  }
}

/** The process in one line: "running (pid 4242)", "exited (SIGKILL)", "exited cleanly (code 0)". */
export function formatProcess(process: BrokerProcess | undefined): string | null {
  if (!process) return null;
  const { state, detail } = processParts(process);
  return detail ? `${state} (${detail})` : state;
}
