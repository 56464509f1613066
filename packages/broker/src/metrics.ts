/** Counters the broker keeps for its own /metrics and the console; cheap enough for the hot paths. */
export class BrokerMetrics {
  bytesIn = 0;
  bytesOut = 0;
  readonly requestsByApiKey = new Map<number, number>();

  countRequest(apiKey: number): void {
    this.requestsByApiKey.set(apiKey, (this.requestsByApiKey.get(apiKey) ?? 0) + 1);
  }
}
