/**
 * The set of handlers the broker serves. It is also the only source of the ApiVersions answer, so the versions
 * advertised to clients are, by construction, the versions handled.
 */
import { apis, type ApiKeyNumber } from '@sluice/protocol';
import type { Handler, RequestContext } from './handler.ts';

export interface AdvertisedApi {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
}

export class HandlerRegistry<C = RequestContext> {
  private readonly byKey = new Map<number, Handler<ApiKeyNumber, C>>();

  constructor(handlers: readonly Handler<ApiKeyNumber, C>[]) {
    for (const handler of handlers) {
      const codec = apis[handler.apiKey];
      if (handler.minVersion < codec.minVersion || handler.maxVersion > codec.maxVersion) {
        throw new Error(
          `${codec.name} handler serves ${handler.minVersion}-${handler.maxVersion}, beyond the codec's ` +
            `${codec.minVersion}-${codec.maxVersion}`,
        );
      }
      if (this.byKey.has(handler.apiKey)) throw new Error(`two handlers for ${codec.name}`);
      this.byKey.set(handler.apiKey, handler);
    }
  }

  get(apiKey: number): Handler<ApiKeyNumber, C> | undefined {
    return this.byKey.get(apiKey);
  }

  /** The ApiVersions list, sorted by api key. */
  advertised(): AdvertisedApi[] {
    return [...this.byKey.values()]
      .map((h) => ({ apiKey: h.apiKey, minVersion: h.minVersion, maxVersion: h.maxVersion }))
      .sort((a, b) => a.apiKey - b.apiKey);
  }
}
