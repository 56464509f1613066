/**
 * Removes a reassignment's replication throttles once it is over, as `kafka-reassign-partitions --verify` does
 * when run after completion: the console starts the reassignment, so it also watches for its end. Each watched
 * topic is polled with ListPartitionReassignments; once none of its partitions is moving, the throttles go
 * (both rates on every broker, both replica lists on the topic). A watch lives as long as the server process:
 * after a restart, cancelling from the console or `sluice reassign-partitions --verify` clears them.
 */
import type { ClusterSource } from '../cluster-source/cluster-source.ts';

const POLL_MS = 2_000;
/** Polls that fail in a row before the watch gives up (the cluster is gone or refuses). */
const MAX_FAILURES = 30;

const watched = new WeakMap<ClusterSource, Map<string, NodeJS.Timeout>>();

export function clearThrottlesWhenDone(
  cluster: ClusterSource,
  topic: string,
  onError: (error: unknown) => void = (error) => console.error('reassignment throttle cleanup:', error),
): void {
  let topics = watched.get(cluster);
  if (!topics) watched.set(cluster, (topics = new Map()));
  if (topics.has(topic)) return;
  let failures = 0;
  const poll = async () => {
    try {
      const moving = (await cluster.listReassignments(topic)).length > 0;
      failures = 0;
      if (moving) return;
      await cluster.clearReplicationThrottles(topic);
      stopWatching(cluster, topic);
    } catch (error) {
      if (++failures < MAX_FAILURES) return;
      stopWatching(cluster, topic);
      onError(error);
    }
  };
  const timer = setInterval(() => void poll(), POLL_MS);
  timer.unref();
  topics.set(topic, timer);
}

export function stopWatching(cluster: ClusterSource, topic: string): void {
  const timer = watched.get(cluster)?.get(topic);
  if (timer) clearInterval(timer);
  watched.get(cluster)?.delete(topic);
}
