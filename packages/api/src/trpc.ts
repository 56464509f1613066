import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { KafkaError } from '@sluice/client';
import type { Database } from '@sluice/db';
import type { UserRole } from '@sluice/db';
import type { ConnectClusterConfig } from '@sluice/validators';
import type { LoginRateLimiter } from './auth/login-rate-limiter.ts';
import type { SessionUser } from './auth/sessions.ts';
import type { ClusterSource } from './cluster-source/cluster-source.ts';
import { asPrincipal } from './cluster-source/principal-cluster-source.ts';
import type { DrillController } from './drills.ts';
import { kafkaTRPCError } from './kafka-errors.ts';

/** What the HTTP layer tells procedures about the request in flight. */
export interface RequestInfo {
  /** The client's address, for login rate limiting. */
  address: string;
  /** Whether the browser reached the server over HTTPS: session cookies are then marked Secure. */
  secure: boolean;
  /** The session cookie's token, if the request carried one. */
  sessionToken: string | null;
  /** Adds a Set-Cookie header to the response. */
  setCookie(value: string): void;
}

/** What every procedure can reach. Built per request by the server; `request` is null for in-process callers. */
export interface ApiContext {
  db: Database;
  startedAt: Date;
  version: string;
  /** The Kafka cluster the console shows; null when the server runs without one. */
  cluster: ClusterSource | null;
  /** Who is signed in (from the session cookie), or null. */
  user: SessionUser | null;
  request: RequestInfo | null;
  loginLimiter: LoginRateLimiter;
  /** Fault drills on the cluster's broker processes, when the process that started them offers them. */
  drills?: DrillController | null;
  /** The Kafka Connect clusters the console manages, by their REST URLs (none when absent). */
  connectClusters?: readonly ConnectClusterConfig[];
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

const ROLE_RANK: Record<UserRole, number> = { viewer: 0, operator: 1, admin: 2 };

/** Signed-in users only: UNAUTHORIZED otherwise. */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in first' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Users with at least `role` (viewer < operator < admin): FORBIDDEN otherwise. Enforced here, on the server. */
function roleProcedure(role: UserRole) {
  return authedProcedure.use(({ ctx, next }) => {
    if (ROLE_RANK[ctx.user.role] < ROLE_RANK[role])
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `this needs the ${role} role; you are ${ctx.user.role}`,
      });
    return next();
  });
}

/** Reading: every signed-in user. */
export const viewerProcedure = roleProcedure('viewer');
/** Changing the cluster (topics, records, offsets): operators and admins. */
export const operatorProcedure = roleProcedure('operator');
/** Users and the console itself: admins. */
export const adminProcedure = roleProcedure('admin');

/**
 * The cluster as the signed-in user may use it: a user with a Kafka principal gets only what the cluster's ACLs
 * allow that principal (with Kafka's authorization errors); one without gets the console's own view.
 */
function requireCluster(cluster: ClusterSource | null, user: SessionUser): ClusterSource {
  if (!cluster)
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'this console is not connected to a Kafka cluster',
    });
  return user.kafkaPrincipal ? asPrincipal(cluster, user.kafkaPrincipal) : cluster;
}

/**
 * The signed-in user's cluster in the context; a Kafka error that reaches here unconverted (a refusal by the
 * cluster or by the user's principal's ACLs) is answered as kafkaCall answers it, not as an internal error.
 */
const withCluster = t.middleware(async ({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in first' });
  const result = await next({
    ctx: { ...ctx, user: ctx.user, cluster: requireCluster(ctx.cluster, ctx.user) },
  });
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR' && result.error.cause instanceof KafkaError)
    throw kafkaTRPCError(result.error.cause);
  return result;
});

/** Reads of the Kafka cluster: signed-in users; PRECONDITION_FAILED when the server has no cluster. */
export const clusterProcedure = viewerProcedure.use(withCluster);

/** Changes to the Kafka cluster: operators and admins. */
export const clusterOperatorProcedure = operatorProcedure.use(withCluster);

/** Changes to the cluster's shape (reassignments): admins only. */
export const clusterAdminProcedure = adminProcedure.use(withCluster);
