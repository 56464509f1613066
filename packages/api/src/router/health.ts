import { setTimeout as sleep } from 'node:timers/promises';
import { tracked, type TRPCRouterRecord } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { ticksInput } from '@sluice/validators';
import { publicProcedure, type ApiContext } from '../trpc.ts';

const TICK_INTERVAL_MS = 1000;

export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  uptimeSeconds: number;
  database: { reachable: boolean; latencyMs: number | null; error: string | null };
}

export interface Tick {
  n: number;
  at: Date;
}

async function probeDatabase(db: ApiContext['db']): Promise<Health['database']> {
  const started = performance.now();
  try {
    const row = await db.get<{ one: number }>(sql`select 1 as one`);
    if (row.one !== 1) return { reachable: false, latencyMs: null, error: `select 1 returned ${row.one}` };
    return { reachable: true, latencyMs: Math.round((performance.now() - started) * 100) / 100, error: null };
  } catch (error) {
    // Drizzle wraps the driver's error in "Failed query: ..."; the driver's message says what is wrong.
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return {
      reachable: false,
      latencyMs: null,
      error: reason instanceof Error ? reason.message : String(reason),
    };
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts (the client went away). */
async function waitUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch (error) {
    if (signal?.aborted) return false;
    throw error;
  }
}

export const healthRouter = {
  health: publicProcedure.query(async ({ ctx }): Promise<Health> => {
    const database = await probeDatabase(ctx.db);
    return {
      status: database.reachable ? 'ok' : 'degraded',
      version: ctx.version,
      uptimeSeconds: Math.floor((Date.now() - ctx.startedAt.getTime()) / 1000),
      database,
    };
  }),

  /**
   * A heartbeat the console shows to prove the live path (SSE, superjson, reconnects) end to end.
   * Each subscriber counts from 1; a reconnect carrying lastEventId N continues at N + 1, so the
   * counter on screen never goes backwards or repeats across a dropped connection.
   */
  ticks: publicProcedure.input(ticksInput).subscription(async function* ({ input, signal }) {
    let n = input?.lastEventId ? Number(input.lastEventId) : 0;
    do {
      n += 1;
      yield tracked(String(n), { n, at: new Date() } satisfies Tick);
    } while (await waitUnlessAborted(TICK_INTERVAL_MS, signal));
  }),
} satisfies TRPCRouterRecord;
