/**
 * FileStreamSinkConnector and its task (org.apache.kafka.connect.file): Kafka's quick-start sink. Each record's
 * value is appended to a file as Java's PrintStream.println(Object) would write it (String.valueOf, then a
 * newline); with no `file`, to standard output.
 *
 * Invariant: every line of a put() is written before put() returns, and flush() (called before the worker
 * commits the consumed offsets) fsyncs the file, so a committed offset never runs ahead of the lines on disk.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { ConfigDef } from '../config/config-def.ts';
import { AbstractConfig } from '../config/abstract-config.ts';
import type { SinkRecord } from '../connector/connect-record.ts';
import { SinkConnector, SinkTask, type TopicPartition } from '../connector/sink-connector.ts';
import type { ConnectorProps, TaskClass } from '../connector/connector.ts';
import { javaToString } from '../errors.ts';
import { CONNECT_VERSION } from '../version.ts';
import { FILE_CONFIG } from './file-stream-source.ts';

const SINK_CONFIG_DEF = new ConfigDef().define({
  name: FILE_CONFIG,
  type: 'STRING',
  defaultValue: null,
  importance: 'HIGH',
  documentation: 'Destination filename. If not specified, the standard output will be used',
});

export class FileStreamSinkConnector extends SinkConnector {
  private props: ConnectorProps = {};

  version(): string {
    return CONNECT_VERSION;
  }

  start(props: ConnectorProps): void {
    new AbstractConfig(SINK_CONFIG_DEF, props);
    this.props = props;
  }

  taskClass(): TaskClass {
    return FileStreamSinkTask;
  }

  taskConfigs(maxTasks: number): ConnectorProps[] {
    return Array.from({ length: maxTasks }, () => ({ ...this.props }));
  }

  stop(): void {}

  config(): ConfigDef {
    return SINK_CONFIG_DEF;
  }

  /** KIP-875: this sink keeps no offsets of its own, so any consumer offsets may be set. */
  override alterOffsets(): boolean {
    return true;
  }
}

export class FileStreamSinkTask extends SinkTask {
  private file: FileHandle | null = null;

  version(): string {
    return CONNECT_VERSION;
  }

  async start(props: ConnectorProps): Promise<void> {
    const filename = new AbstractConfig(SINK_CONFIG_DEF, props).getString(FILE_CONFIG);
    if (filename !== null && filename !== '') this.file = await open(filename, 'a');
  }

  async put(records: readonly SinkRecord[]): Promise<void> {
    if (records.length === 0) return;
    const text = records.map((record) => `${javaToString(record.value)}\n`).join('');
    if (this.file === null) process.stdout.write(text);
    else await this.file.appendFile(text, 'utf8');
  }

  override async flush(): Promise<void> {
    await this.file?.sync();
  }

  override close(_partitions: readonly TopicPartition[]): void {}

  async stop(): Promise<void> {
    await this.file?.close();
    this.file = null;
  }
}
