/**
 * An example Connect plugin module: a source connector and a transformation, loaded by a worker whose
 * `plugin.path` names this file or its folder. It may live anywhere: `@sluice/connect` resolves to the
 * worker's own package.
 *
 * - `com.example.connect.SequenceSourceConnector` (alias `SequenceSource`): writes "<prefix>0", "<prefix>1",
 *   ... to `topic`, `count` records in all, and resumes after the last committed number when restarted
 *   (source partition {"sequence": <topic>}, offset {"next": n}).
 * - `com.example.connect.UppercaseValue` (alias `UppercaseValue`): upper-cases string values.
 *
 *   transforms=upper
 *   transforms.upper.type=UppercaseValue
 */
import {
  ConfigDef,
  Range,
  Schema,
  SourceConnector,
  SourceRecord,
  SourceTask,
  type ConnectorProps,
  type Transformation,
} from '@sluice/connect';

const CONFIG = new ConfigDef()
  .define({ name: 'topic', type: 'STRING', importance: 'HIGH', documentation: 'The topic to write to.' })
  .define({
    name: 'count',
    type: 'LONG',
    defaultValue: 100,
    validator: Range.atLeast(0),
    importance: 'MEDIUM',
    documentation: 'How many records to write in all.',
  })
  .define({
    name: 'prefix',
    type: 'STRING',
    defaultValue: 'seq-',
    importance: 'LOW',
    documentation: 'Written before each number.',
  });

export class SequenceSourceConnector extends SourceConnector {
  static readonly className = 'com.example.connect.SequenceSourceConnector';
  private props: ConnectorProps = {};

  version(): string {
    return '1.0.0';
  }

  start(props: ConnectorProps): void {
    this.props = props;
  }

  taskClass() {
    return SequenceSourceTask;
  }

  taskConfigs(): ConnectorProps[] {
    return [{ ...this.props }];
  }

  stop(): void {}

  config(): ConfigDef {
    return CONFIG;
  }
}

export class SequenceSourceTask extends SourceTask {
  private topic = '';
  private prefix = '';
  private count = 0;
  private next: number | null = null;

  version(): string {
    return '1.0.0';
  }

  start(props: ConnectorProps): void {
    this.topic = props.topic!;
    this.prefix = props.prefix ?? 'seq-';
    this.count = Number(props.count ?? '100');
  }

  async poll(): Promise<SourceRecord[] | null> {
    const partition = { sequence: this.topic };
    if (this.next === null) {
      const committed = await this.context!.offsetStorageReader().offset(partition);
      this.next = committed === null ? 0 : Number(committed.next);
    }
    if (this.next >= this.count) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return null;
    }
    const records: SourceRecord[] = [];
    for (; this.next < this.count && records.length < 100; this.next++) {
      records.push(
        new SourceRecord({
          sourcePartition: partition,
          sourceOffset: { next: this.next + 1 },
          topic: this.topic,
          valueSchema: Schema.STRING_SCHEMA,
          value: `${this.prefix}${this.next}`,
        }),
      );
    }
    return records;
  }

  stop(): void {}
}

export class UppercaseValue implements Transformation<SourceRecord> {
  static readonly className = 'com.example.connect.UppercaseValue';

  configure(): void {}

  apply(record: SourceRecord): SourceRecord {
    if (typeof record.value !== 'string') return record;
    return record.newRecord(
      record.topic,
      record.kafkaPartition,
      record.keySchema,
      record.key,
      record.valueSchema,
      record.value.toUpperCase(),
      record.timestamp,
    );
  }

  config(): ConfigDef {
    return new ConfigDef();
  }

  close(): void {}
}
