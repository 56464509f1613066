/**
 * Client quotas of users and client-ids (and their `<default>`s): list, create, edit, delete, and, live beside
 * them, what the broker measures of the clients each quota holds. Everyone signed in reads; operators change;
 * every change is audited with the values set and removed.
 *
 * IP entities (connection_creation_rate) are left to `sluice configs --entity-type ips`: the list says how many
 * there are, so none goes unmentioned.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import {
  createClientQuotaInput,
  deleteClientQuotaInput,
  editClientQuotaInput,
  quotaEntityKey,
  quotaChanges,
  quotaEntityLabel,
  quotaEntityOf,
  type ClientQuotaEntityInput,
} from '@sluice/validators';
import { recordAudit } from '../audit.ts';
import type { QuotaEntry, QuotaUsage } from '../cluster-source/cluster-security.ts';
import type { ClusterSource } from '../cluster-source/cluster-source.ts';
import { kafkaCall } from '../kafka-errors.ts';
import { clusterOperatorProcedure, clusterProcedure } from '../trpc.ts';

/** One point a second, as the traffic sparklines; the rates themselves are over the broker's quota window. */
const USAGE_INTERVAL_MS = 1000;

export interface QuotaUsagePoint {
  at: Date;
  /** Null when the cluster source cannot observe its clients (a remote cluster). */
  usage: QuotaUsage | null;
}

/** User and client-id entities first by user, then client-id; a `<default>` after the names of its type. */
function compareEntries(a: QuotaEntry, b: QuotaEntry): number {
  for (const type of ['user', 'client-id']) {
    const [x, y] = [a.entity[type], b.entity[type]];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

async function entryOf(cluster: ClusterSource, entity: ClientQuotaEntityInput) {
  const key = quotaEntityKey(quotaEntityOf(entity));
  return (await kafkaCall(() => cluster.security.quotas())).find((e) => quotaEntityKey(e.entity) === key);
}

export const quotasRouter = {
  /** Every user and client-id entity with its quotas; whether observed rates can be shown beside them. */
  list: clusterProcedure.query(async ({ ctx }) => {
    const all = await kafkaCall(() => ctx.cluster.security.quotas());
    const entries = all
      .filter((e) => !('ip' in e.entity))
      .sort(compareEntries)
      .map((e) => ({ key: quotaEntityKey(e.entity), label: quotaEntityLabel(e.entity), ...e }));
    return {
      entries,
      ipEntities: all.length - entries.length,
      observable: (await ctx.cluster.security.quotaUsage()) !== null,
    };
  }),

  /** What the broker measures of each quota's clients, and of clients no quota holds, once a second. */
  usage: clusterProcedure.subscription(async function* ({ ctx, signal }) {
    for (;;) {
      const usage = await ctx.cluster.security.quotaUsage();
      yield { at: new Date(), usage } satisfies QuotaUsagePoint;
      // Nothing will change for a source that cannot observe: say so once, and end.
      if (usage === null) return;
      try {
        await sleep(USAGE_INTERVAL_MS, undefined, { signal });
      } catch {
        return;
      }
    }
  }),

  /** Quotas for an entity that has none yet; CONFLICT when it has some (edit changes those). */
  create: clusterOperatorProcedure.input(createClientQuotaInput).mutation(async ({ ctx, input }) => {
    const entity = quotaEntityOf(input.entity);
    const label = quotaEntityLabel(entity);
    if (await entryOf(ctx.cluster, input.entity))
      throw new TRPCError({ code: 'CONFLICT', message: `${label} has quotas already: edit them instead` });
    const quotas = quotaChanges(input.quotas);
    await kafkaCall(() => ctx.cluster.security.alterQuotas(entity, quotas));
    await recordAudit(ctx.db, ctx.user.username, 'quota.create', label, {
      quotas: Object.fromEntries(quotas),
    });
    return { key: quotaEntityKey(entity), label };
  }),

  /** Sets and removes quota keys of an existing entity; removing its last one removes the entity. */
  edit: clusterOperatorProcedure.input(editClientQuotaInput).mutation(async ({ ctx, input }) => {
    const entity = quotaEntityOf(input.entity);
    const label = quotaEntityLabel(entity);
    if (!(await entryOf(ctx.cluster, input.entity)))
      throw new TRPCError({ code: 'NOT_FOUND', message: `${label} has no quotas` });
    const changes = [...quotaChanges(input.changes)];
    await kafkaCall(() => ctx.cluster.security.alterQuotas(entity, new Map(changes)));
    await recordAudit(ctx.db, ctx.user.username, 'quota.alter', label, {
      set: Object.fromEntries(changes.filter(([, value]) => value !== null)),
      remove: changes.filter(([, value]) => value === null).map(([key]) => key),
    });
    return { key: quotaEntityKey(entity), label };
  }),

  /** Removes every quota of the entity. */
  delete: clusterOperatorProcedure.input(deleteClientQuotaInput).mutation(async ({ ctx, input }) => {
    const entity = quotaEntityOf(input.entity);
    const label = quotaEntityLabel(entity);
    const existing = await entryOf(ctx.cluster, input.entity);
    if (!existing) throw new TRPCError({ code: 'NOT_FOUND', message: `${label} has no quotas` });
    await kafkaCall(() =>
      ctx.cluster.security.alterQuotas(
        entity,
        new Map(Object.keys(existing.quotas).map((key) => [key, null])),
      ),
    );
    await recordAudit(ctx.db, ctx.user.username, 'quota.delete', label, { removed: existing.quotas });
    return { key: quotaEntityKey(entity), label };
  }),
} satisfies TRPCRouterRecord;
