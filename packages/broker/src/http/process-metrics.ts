/**
 * The process's own series (prom-client's default metrics: CPU, resident memory, heap, event-loop delay, GC),
 * one registry per process however many brokers it runs, so its event-loop monitor is started once.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';

let processRegistry: Registry | null = null;

function processMetricsRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** The exposition of these registries together, with the process's series first. */
export function exposition(registries: readonly Registry[]): Promise<string> {
  return Registry.merge([processMetricsRegistry(), ...registries]).metrics();
}

export const EXPOSITION_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
