/**
 * Rack-aware replica placement for new partitions (after Kafka's StripedReplicaPlacer).
 *
 * Invariants of every placement:
 * - a partition's replicas are distinct brokers; its first replica (the preferred leader) is unfenced;
 * - the replicas of one partition spread over as many racks as there are (a rack gets a second replica of a
 *   partition only when every rack already has one), brokers without a rack counting as one rack;
 * - unfenced brokers are used before fenced ones; fenced brokers are placed only when the unfenced are too few,
 *   exactly as Kafka does, and never lead;
 * - leaders and replicas stripe round-robin across racks and, within a rack, across brokers, from a random
 *   starting point, so partitions of one topic and of many topics spread evenly;
 * - brokers in controlled shutdown are not usable at all.
 * Kafka's errors: a replication factor below 1, above the usable brokers, or no unfenced broker at all is
 * INVALID_REPLICATION_FACTOR with Kafka's message.
 */
import { ErrorCode } from '@sluice/protocol';

export interface UsableBroker {
  id: number;
  rack: string | null;
  fenced: boolean;
}

export class PlacementError extends Error {
  override readonly name = 'PlacementError';
  readonly errorCode = ErrorCode.INVALID_REPLICATION_FACTOR;
}

interface Rack {
  unfenced: number[];
  fenced: number[];
  cursor: number;
}

export class StripedReplicaPlacer {
  constructor(private readonly random: () => number = Math.random) {}

  /** Replica lists for `numPartitions` new partitions with `replicationFactor` replicas each. */
  place(brokers: readonly UsableBroker[], numPartitions: number, replicationFactor: number): number[][] {
    if (replicationFactor <= 0) {
      throw new PlacementError(
        'Invalid replication factor ' + replicationFactor + ': the replication factor must be positive.',
      );
    }
    const unfencedCount = brokers.filter((b) => !b.fenced).length;
    if (unfencedCount === 0) throw new PlacementError('All brokers are currently fenced.');
    if (replicationFactor > brokers.length) {
      throw new PlacementError(
        `The target replication factor of ${replicationFactor} cannot be reached because only ${brokers.length} broker(s) are registered.`,
      );
    }
    const byRack = new Map<string, Rack>();
    for (const broker of [...brokers].sort((a, b) => a.id - b.id)) {
      const key = broker.rack ?? '';
      let rack = byRack.get(key);
      if (!rack) {
        rack = { unfenced: [], fenced: [], cursor: 0 };
        byRack.set(key, rack);
      }
      (broker.fenced ? rack.fenced : rack.unfenced).push(broker.id);
    }
    const racks = [...byRack.keys()].sort().map((key) => byRack.get(key)!);
    for (const rack of racks) rack.cursor = Math.floor(this.random() * 1024);
    const rackStart = Math.floor(this.random() * racks.length);

    const placements: number[][] = [];
    for (let p = 0; p < numPartitions; p++) {
      const chosen: number[] = [];
      const racksUsed = new Map<Rack, number>();
      for (let slot = 0; slot < replicationFactor; slot++) {
        const pick = this.pickReplica(
          racks,
          (rackStart + p + slot) % racks.length,
          chosen,
          racksUsed,
          slot === 0,
        );
        chosen.push(pick);
      }
      placements.push(chosen);
      for (const rack of racksUsed.keys()) rack.cursor++;
    }
    return placements;
  }

  /**
   * The next replica: from the least used rack (starting the search at `firstRack`), unfenced before fenced.
   */
  private pickReplica(
    racks: Rack[],
    firstRack: number,
    chosen: number[],
    racksUsed: Map<Rack, number>,
    leader: boolean,
  ): number {
    for (const allowFenced of leader ? [false] : [false, true]) {
      const minUse = Math.min(
        ...racks
          .filter((rack) => this.candidates(rack, chosen, allowFenced).length > 0)
          .map((rack) => racksUsed.get(rack) ?? 0),
      );
      for (let i = 0; i < racks.length; i++) {
        const rack = racks[(firstRack + i) % racks.length]!;
        if ((racksUsed.get(rack) ?? 0) !== minUse) continue;
        if (this.candidates(rack, chosen, allowFenced).length === 0) continue;
        // Within a partition a rack hands out its brokers in order from its cursor; the cursor moves by one per
        // partition (place), so leaders and followers rotate over the brokers as in Kafka's striping.
        const pool = allowFenced ? [...rack.unfenced, ...rack.fenced] : rack.unfenced;
        const start = rack.cursor + (racksUsed.get(rack) ?? 0);
        let broker = pool[start % pool.length]!;
        for (let k = 1; chosen.includes(broker); k++) broker = pool[(start + k) % pool.length]!;
        racksUsed.set(rack, minUse + 1);
        return broker;
      }
    }
    throw new PlacementError('Unable to place a replica: too few usable brokers.');
  }

  private candidates(rack: Rack, chosen: number[], allowFenced: boolean): number[] {
    const pool = allowFenced ? [...rack.unfenced, ...rack.fenced] : rack.unfenced;
    return pool.filter((id) => !chosen.includes(id));
  }
}
