/**
 * Producer ids on a cluster member, from blocks the active controller hands out (AllocateProducerIds, KIP-730), as
 * Kafka's RPCProducerIdManager does: the controller records each block in the metadata log before answering, so no
 * two brokers, and no broker after a restart, ever hand out the same id. The next block is fetched when the current
 * one is 90% used, so InitProducerId rarely waits; with no id at hand it answers COORDINATOR_LOAD_IN_PROGRESS and
 * the producer retries.
 */
import { ApiKey, ErrorCode } from '@sluice/protocol';
import type { Logger } from '../logger.ts';
import type { ProducerIdAllocator } from '../metadata/producer-ids.ts';
import type { ControllerChannel } from './controller-channel.ts';

const PREFETCH_THRESHOLD = 0.9;
const REQUEST_TIMEOUT_MS = 5000;

interface Block {
  next: bigint;
  end: bigint;
  length: number;
}

export class ControllerProducerIdManager implements ProducerIdAllocator {
  private current: Block | null = null;
  private prefetched: Block | null = null;
  private request: Promise<void> | null = null;

  constructor(
    private readonly nodeId: number,
    private readonly brokerEpoch: () => bigint,
    private readonly channel: ControllerChannel,
    private readonly log: Logger,
  ) {}

  allocate(): bigint | null {
    if ((!this.current || this.current.next >= this.current.end) && this.prefetched) {
      this.current = this.prefetched;
      this.prefetched = null;
    }
    const block = this.current;
    if (!block || block.next >= block.end) {
      this.fetchBlock();
      return null;
    }
    const id = block.next++;
    const used = Number(block.next - (block.end - BigInt(block.length)));
    if (used >= block.length * PREFETCH_THRESHOLD && !this.prefetched) this.fetchBlock();
    return id;
  }

  private fetchBlock(): void {
    if (this.request || this.brokerEpoch() < 0n) return;
    this.request = this.channel
      .send(
        ApiKey.AllocateProducerIds,
        { brokerId: this.nodeId, brokerEpoch: this.brokerEpoch() },
        REQUEST_TIMEOUT_MS,
      )
      .then((response) => {
        if (response.errorCode !== ErrorCode.NONE) {
          this.log.warn(`AllocateProducerIds answered error ${response.errorCode}`);
          return;
        }
        const block = {
          next: response.producerIdStart,
          end: response.producerIdStart + BigInt(response.producerIdLen),
          length: response.producerIdLen,
        };
        if (!this.current || this.current.next >= this.current.end) this.current = block;
        else this.prefetched = block;
      })
      .catch((error: unknown) => this.log.warn(`AllocateProducerIds failed: ${String(error)}`))
      .finally(() => {
        this.request = null;
      });
  }
}
