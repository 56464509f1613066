import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import type { Database } from '@sluice/db';

/** What every procedure can reach. The server builds one per process; nothing in it is per request yet. */
export interface ApiContext {
  db: Database;
  startedAt: Date;
  version: string;
}

const t = initTRPC.context<ApiContext>().create({
  transformer: superjson,
  // tRPC's default (anything but NODE_ENV=production) would send stack traces to browsers from a server
  // started without NODE_ENV, which is how `npm start` and `sluice serve` run until Next.js sets it.
  isDev: process.env.NODE_ENV === 'development',
  sse: {
    // Pings keep idle subscriptions alive through proxies; a client that hears nothing for longer reconnects.
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 30_000 },
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;
