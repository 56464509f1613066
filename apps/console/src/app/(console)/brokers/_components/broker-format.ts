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

/** The process as the drill controller sees it: "running (pid 4242)", "paused", "exited (SIGKILL)". */
export function formatProcess(process: BrokerProcess | undefined): string | null {
  if (!process) return null;
  switch (process.state) {
    case 'running':
      return `running (pid ${process.pid})`;
    case 'paused':
      return `paused (pid ${process.pid})`;
    case 'stopping':
      return 'stopping';
    case 'exited':
      return process.lastExit ? `exited (${process.lastExit})` : 'exited';
  }
}
