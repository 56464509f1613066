import { setTimeout as sleep } from 'node:timers/promises';
import type { TRPCRouterRecord } from '@trpc/server';
import { kafkaCall } from '../kafka-errors.ts';
import { clusterProcedure } from '../trpc.ts';

export interface TrafficPoint {
  at: Date;
  /** Bytes a second from and to clients over the last interval; null when the cluster does not say. */
  bytesInPerSecond: number | null;
  bytesOutPerSecond: number | null;
}

const TRAFFIC_INTERVAL_MS = 1000;

export const clusterRouter = {
  /** Brokers, controller, topic and partition counts, under-replicated and offline partitions. */
  overview: clusterProcedure.query(({ ctx }) => kafkaCall(() => ctx.cluster.describeCluster())),

  /** Bytes in and out per second, one point a second, for live sparklines. */
  traffic: clusterProcedure.subscription(async function* ({ ctx, signal }) {
    let previous = ctx.cluster.trafficTotals();
    let previousAt = Date.now();
    for (;;) {
      try {
        await sleep(TRAFFIC_INTERVAL_MS, undefined, { signal });
      } catch {
        return;
      }
      const totals = ctx.cluster.trafficTotals();
      const now = Date.now();
      const seconds = (now - previousAt) / 1000;
      yield {
        at: new Date(now),
        bytesInPerSecond: totals && previous ? (totals.bytesIn - previous.bytesIn) / seconds : null,
        bytesOutPerSecond: totals && previous ? (totals.bytesOut - previous.bytesOut) / seconds : null,
      } satisfies TrafficPoint;
      previous = totals;
      previousAt = now;
    }
  }),
} satisfies TRPCRouterRecord;
