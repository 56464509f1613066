/**
 * FileStreamSourceConnector and its task (org.apache.kafka.connect.file): Kafka's quick-start source. The
 * task reads a text file line by line and sends each line, without its terminator (\n, \r or \r\n), as a
 * string value with no key to one topic. With no `file` it reads standard input.
 *
 * Source offsets, as Kafka's: partition {"filename": <file>}, offset {"position": <bytes consumed>}; a restarted
 * task skips to the position of the last line whose record was committed, so it resumes after it. Unlike
 * Kafka's task, which counts UTF-16 chars while skipping bytes, the position here is a byte count, so files
 * with non-ASCII text resume at the right line too.
 *
 * Invariant: a record is emitted only for a complete line; a partial last line waits for its terminator, and
 * a lone \r at the end of what was read waits for the next byte to tell \r from \r\n.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { ConfigDef } from '../config/config-def.ts';
import { AbstractConfig } from '../config/abstract-config.ts';
import { NonEmptyString } from '../config/validators.ts';
import { Schema } from '../data/schema.ts';
import { SourceRecord } from '../connector/connect-record.ts';
import { SourceConnector, SourceTask, type SourceMap } from '../connector/source-connector.ts';
import type { ConnectorProps, TaskClass } from '../connector/connector.ts';
import { ConnectException } from '../errors.ts';
import { CONNECT_VERSION } from '../version.ts';

export const FILE_CONFIG = 'file';
export const TOPIC_CONFIG = 'topic';
export const TASK_BATCH_SIZE_CONFIG = 'batch.size';
export const DEFAULT_TASK_BATCH_SIZE = 2000;
export const FILENAME_FIELD = 'filename';
export const POSITION_FIELD = 'position';

const SOURCE_CONFIG_DEF = new ConfigDef()
  .define({
    name: FILE_CONFIG,
    type: 'STRING',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'Source filename. If not specified, the standard input will be used',
  })
  .define({
    name: TOPIC_CONFIG,
    type: 'STRING',
    validator: NonEmptyString,
    importance: 'HIGH',
    documentation: 'The topic to publish data to',
  })
  .define({
    name: TASK_BATCH_SIZE_CONFIG,
    type: 'INT',
    defaultValue: DEFAULT_TASK_BATCH_SIZE,
    importance: 'LOW',
    documentation:
      'The maximum number of records the source task can read from the file each time it is polled',
  });

/** How long poll() waits when the file has no new complete line, as Kafka's task waits (1 s). */
const IDLE_WAIT_MS = 1000;
const READ_CHUNK_BYTES = 64 * 1024;

export class FileStreamSourceConnector extends SourceConnector {
  private props: ConnectorProps = {};

  version(): string {
    return CONNECT_VERSION;
  }

  start(props: ConnectorProps): void {
    new AbstractConfig(SOURCE_CONFIG_DEF, props);
    this.props = props;
  }

  taskClass(): TaskClass {
    return FileStreamSourceTask;
  }

  /** One task at most: a file has one reader. */
  taskConfigs(_maxTasks: number): ConnectorProps[] {
    return [{ ...this.props }];
  }

  stop(): void {}

  config(): ConfigDef {
    return SOURCE_CONFIG_DEF;
  }

  override exactlyOnceSupport(): 'SUPPORTED' {
    return 'SUPPORTED';
  }

  /** KIP-875: offsets may be altered when each names a file and a non-negative position. */
  override alterOffsets(_config: ConnectorProps, offsets: ReadonlyMap<SourceMap, SourceMap | null>): boolean {
    for (const [partition, offset] of offsets) {
      if (offset === null) continue;
      if (!(FILENAME_FIELD in partition))
        throw new ConnectException(`Partition objects for offsets must have the key '${FILENAME_FIELD}'`);
      const position = offset[POSITION_FIELD];
      if (position === undefined)
        throw new ConnectException(
          `Offset objects should either be null or contain the key '${POSITION_FIELD}'`,
        );
      if (typeof position !== 'number' && typeof position !== 'bigint')
        throw new ConnectException(
          `The value for the '${POSITION_FIELD}' key in the offset is expected to be a Long value`,
        );
      if (position < 0)
        throw new ConnectException(
          `The value for the '${POSITION_FIELD}' key in the offset should be a non-negative value`,
        );
    }
    return true;
  }
}

export class FileStreamSourceTask extends SourceTask {
  private filename: string | null = null;
  private topic = '';
  private batchSize = DEFAULT_TASK_BATCH_SIZE;
  private file: FileHandle | null = null;
  /** Bytes read from the file but not yet emitted as lines. */
  private pending: Buffer = Buffer.alloc(0);
  /** The file position just after the last emitted line. */
  private streamOffset = 0;
  private readPosition = 0;
  private stopped = false;
  private wakeUp: (() => void) | null = null;

  version(): string {
    return CONNECT_VERSION;
  }

  start(props: ConnectorProps): void {
    const config = new AbstractConfig(SOURCE_CONFIG_DEF, props);
    const file = config.getString(FILE_CONFIG);
    this.filename = file === null || file === '' ? null : file;
    this.topic = config.getString(TOPIC_CONFIG)!;
    this.batchSize = config.getInt(TASK_BATCH_SIZE_CONFIG)!;
  }

  async poll(): Promise<SourceRecord[] | null> {
    if (this.filename === null) return this.pollStdin();
    if (this.file === null && !(await this.openAtCommittedPosition())) {
      await this.idle();
      return null;
    }
    const records: SourceRecord[] = [];
    for (;;) {
      for (let line = this.extractLine(); line !== null; line = this.extractLine()) {
        records.push(this.record(line));
        if (records.length >= this.batchSize) return records;
      }
      const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      const { bytesRead } = await this.file!.read(chunk, 0, chunk.length, this.readPosition);
      if (bytesRead === 0) break;
      this.readPosition += bytesRead;
      this.pending = Buffer.concat([this.pending, chunk.subarray(0, bytesRead)]);
    }
    if (records.length > 0) return records;
    await this.idle();
    return null;
  }

  private stdinLines: string[] = [];
  private stdinListening = false;

  private async pollStdin(): Promise<SourceRecord[] | null> {
    if (!this.stdinListening) {
      this.stdinListening = true;
      process.stdin.on('data', (chunk: Buffer) => {
        this.pending = Buffer.concat([this.pending, chunk]);
        for (let line = this.extractLine(); line !== null; line = this.extractLine())
          this.stdinLines.push(line);
        this.wakeUp?.();
      });
    }
    if (this.stdinLines.length === 0) await this.idle();
    const lines = this.stdinLines.splice(0, this.batchSize);
    return lines.length > 0 ? lines.map((line) => this.record(line, false)) : null;
  }

  private async openAtCommittedPosition(): Promise<boolean> {
    try {
      this.file = await open(this.filename!, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw new ConnectException(`Couldn't open file ${this.filename} for FileStreamSourceTask`, {
        cause: error,
      });
    }
    const offset = await this.context?.offsetStorageReader().offset({ [FILENAME_FIELD]: this.filename });
    const position = offset?.[POSITION_FIELD];
    if (position !== undefined && position !== null) {
      if (typeof position !== 'number' && typeof position !== 'bigint')
        throw new ConnectException('Offset position is the incorrect type');
      this.streamOffset = Number(position);
    }
    this.readPosition = this.streamOffset;
    return true;
  }

  /** The next complete line in `pending`, consuming it and its terminator; null when none is complete. */
  private extractLine(): string | null {
    for (let i = 0; i < this.pending.length; i++) {
      const byte = this.pending[i];
      if (byte !== 0x0a && byte !== 0x0d) continue;
      let next = i + 1;
      if (byte === 0x0d) {
        if (next >= this.pending.length) return null;
        if (this.pending[next] === 0x0a) next++;
      }
      const line = this.pending.toString('utf8', 0, i);
      this.pending = this.pending.subarray(next);
      this.streamOffset += next;
      return line;
    }
    return null;
  }

  private record(line: string, withOffset = true): SourceRecord {
    return new SourceRecord({
      sourcePartition: withOffset ? { [FILENAME_FIELD]: this.filename } : null,
      sourceOffset: withOffset ? { [POSITION_FIELD]: this.streamOffset } : null,
      topic: this.topic,
      valueSchema: Schema.STRING_SCHEMA,
      value: line,
      timestamp: Date.now(),
    });
  }

  private idle(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, IDLE_WAIT_MS);
      const wake = (): void => done();
      this.wakeUp = wake;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.file?.close();
    this.file = null;
  }
}
