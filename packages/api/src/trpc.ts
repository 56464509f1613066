import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import type { Database } from '@sluice/db';
import type { ClusterSource } from './cluster-source/cluster-source.ts';

/** What every procedure can reach. The server builds one per process; nothing in it is per request yet. */
export interface ApiContext {
  db: Database;
  startedAt: Date;
  version: string;
  /** The Kafka cluster the console shows; null when the server runs without one. */
  cluster: ClusterSource | null;
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

/** Procedures that read the Kafka cluster: PRECONDITION_FAILED when the server has none. */
export const clusterProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.cluster) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'this console is not connected to a Kafka cluster',
    });
  }
  return next({ ctx: { ...ctx, cluster: ctx.cluster } });
});
