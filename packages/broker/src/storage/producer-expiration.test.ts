/**
 * producer.id.expiration.ms through the log manager's background task: a producer whose last batch is older is
 * forgotten, one with an open transaction never is (Kafka's isProducerExpired).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, encodeRecordBatch } from '@sluice/protocol';
import { tempDataDir } from '../../test/support/broker-process.ts';
import { ManualClock } from '../clock.ts';
import { BrokerConfigStore } from '../config/config-store.ts';
import { resolveLogConfig } from '../config/log-config.ts';
import { OncePerCauseLog, createLogger } from '../logger.ts';
import { LogManager } from './log-manager.ts';

describe('producer id expiration', () => {
  it('forgets idle producers on the check interval, never one with an open transaction', async () => {
    const clock = new ManualClock();
    const logger = createLogger('producer-expiration-test', 'silent');
    const logs = new LogManager(tempDataDir('sluice-expire-'), clock, logger, new OncePerCauseLog(logger));
    const log = logs.create('t', 0, resolveLogConfig(new BrokerConfigStore(new Map()), new Map()));
    const batch = (producerId: bigint, isTransactional: boolean) =>
      encodeRecordBatch({
        records: [{ key: null, value: Buffer.from('v'), timestamp: BigInt(clock.now()) }],
        producerId,
        producerEpoch: 0,
        baseSequence: 0,
        isTransactional,
      });
    assert.equal(log.appendAsLeader(await batch(1n, false), 0, clock.now()).errorCode, ErrorCode.NONE);
    assert.equal(log.appendAsLeader(await batch(2n, true), 0, clock.now()).errorCode, ErrorCode.NONE);
    logs.startBackgroundTasks({
      retentionCheckMs: 60_000,
      flushCheckMs: 60_000,
      checkpointMs: 60_000,
      producerExpiration: { checkMs: 5, expirationMs: () => 1000 },
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 30));
      assert.equal(log.producers.size, 2, 'not idle long enough yet');
      clock.advance(5000);
      await new Promise((resolve) => setTimeout(resolve, 30));
      assert.deepEqual(
        log.producers.describe().map((p) => p.producerId),
        [2n],
        'the idle idempotent producer went; the one with an open transaction stays',
      );
    } finally {
      logs.close();
    }
  });
});
