import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ConfigDef } from '../config/config-def.ts';
import { Schema } from '../data/schema.ts';
import { ConnectException } from '../errors.ts';
import { SinkRecord, SourceRecord } from './connect-record.ts';
import { groupPartitions } from './connector.ts';
import type { ConnectorProps } from './connector.ts';
import { SinkTask, topicPartitionKey } from './sink-connector.ts';
import type { TopicPartitionOffsets } from './sink-connector.ts';
import { SourceConnector, SourceTask } from './source-connector.ts';

class LinesTask extends SourceTask {
  private lines: string[] = [];
  version(): string {
    return '1.0';
  }
  start(props: ConnectorProps): void {
    this.lines = (props.lines ?? '').split('|');
  }
  async poll(): Promise<SourceRecord[] | null> {
    const line = this.lines.shift();
    if (line === undefined) return null;
    return [
      new SourceRecord({
        sourcePartition: { filename: 'in.txt' },
        sourceOffset: { position: this.lines.length },
        topic: 'lines',
        valueSchema: Schema.STRING_SCHEMA,
        value: line,
      }),
    ];
  }
  stop(): void {}
}

class LinesConnector extends SourceConnector {
  private props: ConnectorProps = {};
  version(): string {
    return '1.0';
  }
  start(props: ConnectorProps): void {
    this.props = props;
  }
  taskClass(): typeof LinesTask {
    return LinesTask;
  }
  taskConfigs(maxTasks: number): ConnectorProps[] {
    return groupPartitions((this.props.lines ?? '').split('|'), maxTasks).map((group) => ({
      lines: group.join('|'),
    }));
  }
  stop(): void {}
  config(): ConfigDef {
    return new ConfigDef().define({
      name: 'lines',
      type: 'STRING',
      importance: 'HIGH',
      documentation: 'Lines.',
    });
  }
}

describe('Connector API', () => {
  test('groupPartitions splits as ConnectorUtils does: contiguous, first groups larger', () => {
    assert.deepEqual(groupPartitions([1, 2, 3, 4, 5], 3), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(groupPartitions([1], 3), [[1], [], []]);
    assert.throws(() => groupPartitions([1], 0), /Number of groups must be positive\./);
  });

  test('a source connector splits its work and its tasks poll SourceRecords carrying source offsets', async () => {
    const connector = new LinesConnector();
    connector.initialize({ requestTaskReconfiguration() {}, raiseError() {} });
    await connector.start({ lines: 'a|b|c' });
    const configs = await connector.taskConfigs(2);
    assert.deepEqual(configs, [{ lines: 'a|b' }, { lines: 'c' }]);
    const TaskClass = connector.taskClass();
    const task = new TaskClass();
    task.start(configs[0] as ConnectorProps);
    const first = await task.poll();
    assert.equal(first?.[0]?.value, 'a');
    assert.deepEqual(first?.[0]?.sourcePartition, { filename: 'in.txt' });
    assert.equal((await task.poll())?.[0]?.value, 'b');
    assert.equal(await task.poll(), null);
  });

  test('the default validate checks the config against config() and reports missing keys', () => {
    const values = new LinesConnector().validate({}).configValues();
    assert.deepEqual(values[0]?.errorMessages, [
      'Missing required configuration "lines" which has no default value.',
    ]);
  });

  test('validate fails when config() returns null, naming the class', () => {
    class Broken extends LinesConnector {
      override config(): ConfigDef {
        return null as unknown as ConfigDef;
      }
    }
    assert.throws(
      () => new Broken().validate({}),
      (error: unknown) =>
        error instanceof ConnectException &&
        error.message === 'Broken.config() must return a ConfigDef that is not null.',
    );
  });

  test('SinkTask.preCommit flushes and then returns the offsets it was given', async () => {
    const flushed: TopicPartitionOffsets[] = [];
    class Collecting extends SinkTask {
      readonly received: SinkRecord[] = [];
      version(): string {
        return '1.0';
      }
      start(): void {}
      put(records: readonly SinkRecord[]): void {
        this.received.push(...records);
      }
      override flush(offsets: TopicPartitionOffsets): void {
        flushed.push(offsets);
      }
      stop(): void {}
    }
    const task = new Collecting();
    task.put([new SinkRecord({ topic: 't', kafkaPartition: 0, kafkaOffset: 41n, value: 'x' })]);
    const topicPartition = { topic: 't', partition: 0 };
    const offsets = new Map([
      [topicPartitionKey(topicPartition), { topicPartition, offset: { offset: 42n } }],
    ]);
    assert.equal(await task.preCommit(offsets), offsets);
    assert.deepEqual(flushed, [offsets]);
    assert.equal(task.received[0]?.originalKafkaOffset, 41n);
  });

  test('a transformed SinkRecord keeps its original topic, partition and offset', () => {
    const record = new SinkRecord({ topic: 'in', kafkaPartition: 3, kafkaOffset: 7n, value: 'x' });
    const rerouted = record.newRecord('out', null, null, null, null, 'y', null);
    assert.equal(rerouted.topic, 'out');
    assert.equal(rerouted.originalTopic, 'in');
    assert.equal(rerouted.originalKafkaPartition, 3);
    assert.equal(rerouted.originalKafkaOffset, 7n);
  });
});
