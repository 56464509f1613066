/**
 * Error handling of a task's record pipeline (RetryWithToleranceOperator, LogReporter, DeadLetterQueueReporter),
 * with Kafka's settings:
 * - `errors.retry.timeout` / `errors.retry.delay.max.ms`: a RetriableException in a stage is retried, with a
 *   backoff from 300 ms doubling up to the max delay, until the timeout (0: never, -1: for ever);
 * - `errors.tolerance`: `none` fails the task on the first error ("Tolerance exceeded in error handler");
 *   `all` skips the record after reporting it;
 * - `errors.log.enable` / `errors.log.include.messages`: each tolerated error is logged, with the record
 *   only when asked;
 * - `errors.deadletterqueue.topic.name` (sink connectors): the consumed record, its original key, value and
 *   headers, is produced to the dead letter queue, with the error in `__connect.errors.*` headers when
 *   `errors.deadletterqueue.context.headers.enable` is true.
 *
 * Invariant: with tolerance `all` a failing record is reported (logged, sent to the DLQ) before the pipeline
 * moves past it, so a committed offset never passes a record that was neither delivered nor reported.
 */
import { ConnectException, RetriableException } from '../errors.ts';
import type { AbstractConfig } from '../config/abstract-config.ts';
import type { ConsumedRecord, RecordProducer } from './kafka-clients.ts';

/** Where in the pipeline an operation runs (org.apache.kafka.connect.runtime.errors.Stage). */
export type Stage =
  | 'KEY_CONVERTER'
  | 'VALUE_CONVERTER'
  | 'HEADER_CONVERTER'
  | 'TRANSFORMATION'
  | 'TASK_PUT'
  | 'TASK_POLL'
  | 'KAFKA_PRODUCE'
  | 'KAFKA_CONSUME';

const ERRORS_PACKAGE = 'org.apache.kafka.connect.errors';
const JAVA_CLASS_OF_ERROR: Record<string, string> = {
  ConfigException: 'org.apache.kafka.common.config.ConfigException',
  KafkaError: 'org.apache.kafka.common.KafkaException',
  SyntaxError: 'com.fasterxml.jackson.core.JsonParseException',
};

/** The Java class name an error is reported as, as a Java worker would name the same failure. */
export function javaExceptionClass(error: unknown): string {
  if (!(error instanceof Error)) return 'java.lang.RuntimeException';
  if (error instanceof ConnectException) return `${ERRORS_PACKAGE}.${error.name}`;
  return JAVA_CLASS_OF_ERROR[error.name] ?? error.name;
}

/** A stack trace as Java prints one (Throwable.printStackTrace): class: message, frames, "Caused by:" chain. */
export function javaStackTrace(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    const header = `${javaExceptionClass(current)}: ${current instanceof Error ? current.message : String(current)}`;
    const frames =
      current instanceof Error && current.stack
        ? current.stack
            .split('\n')
            .filter((line) => line.trimStart().startsWith('at '))
            .map((line) => `\t${line.trim()}`)
        : [];
    parts.push((depth === 0 ? '' : 'Caused by: ') + [header, ...frames].join('\n'));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\n');
}

export interface ErrorContext {
  stage: Stage;
  /** The Java class name of the plugin or component that ran the stage. */
  executingClass: string;
  /** The record as consumed from Kafka (sink tasks); null for source records. */
  consumed: ConsumedRecord | null;
  /** A description of the record for the log. */
  describeRecord: () => string;
  error: unknown;
}

export interface ErrorReporter {
  report(context: ErrorContext): Promise<void>;
}

export class LogReporter implements ErrorReporter {
  constructor(
    private readonly taskId: string,
    private readonly includeMessages: boolean,
    private readonly log: (message: string) => void,
  ) {}

  async report(context: ErrorContext): Promise<void> {
    const where = context.consumed
      ? `, where consumed record is {topic='${context.consumed.topic}', partition=${context.consumed.partition}, offset=${context.consumed.offset}, timestamp=${context.consumed.timestamp}}`
      : '';
    const record = this.includeMessages ? ` Record: ${context.describeRecord()}.` : '';
    this.log(
      `Error encountered in task ${this.taskId}. Executing stage '${context.stage}' with class '${context.executingClass}'${where}.${record} ${javaStackTrace(context.error)}`,
    );
  }
}

export const DLQ_HEADER_PREFIX = '__connect.errors.';

export class DeadLetterQueueReporter implements ErrorReporter {
  constructor(
    private readonly producer: RecordProducer,
    private readonly topic: string,
    private readonly connectorName: string,
    private readonly taskId: number,
    private readonly contextHeaders: boolean,
  ) {}

  async report(context: ErrorContext): Promise<void> {
    const consumed = context.consumed;
    if (consumed === null) return;
    const headers = [...consumed.headers];
    if (this.contextHeaders) {
      const error = context.error;
      const add = (name: string, value: string | null): void => {
        headers.push({ key: DLQ_HEADER_PREFIX + name, value: value === null ? null : Buffer.from(value) });
      };
      add('topic', consumed.topic);
      add('partition', String(consumed.partition));
      add('offset', String(consumed.offset));
      add('connector.name', this.connectorName);
      add('task.id', String(this.taskId));
      add('stage', context.stage);
      add('class.name', context.executingClass);
      add('exception.class.name', javaExceptionClass(error));
      add('exception.message', error instanceof Error ? error.message : String(error));
      add('exception.stacktrace', javaStackTrace(error));
    }
    await this.producer.send({
      topic: this.topic,
      key: consumed.key,
      value: consumed.value,
      headers,
      timestamp: consumed.timestamp,
    });
  }
}

const INITIAL_BACKOFF_MS = 300;

/** What a stage returns when it failed and the failure was tolerated: the record is skipped. */
export const SKIPPED: unique symbol = Symbol('skipped');

/** Runs one stage of a record's pipeline under the connector's retry and tolerance settings. */
export class RetryWithToleranceOperator {
  private readonly retryTimeoutMs: number;
  private readonly retryDelayMaxMs: number;
  readonly toleratesAll: boolean;
  private reporters: ErrorReporter[] = [];
  private stopped = false;

  constructor(config: AbstractConfig) {
    this.retryTimeoutMs = config.getLong('errors.retry.timeout')!;
    this.retryDelayMaxMs = config.getLong('errors.retry.delay.max.ms')!;
    this.toleratesAll = config.getString('errors.tolerance') === 'all';
  }

  addReporter(reporter: ErrorReporter): void {
    this.reporters.push(reporter);
  }

  stop(): void {
    this.stopped = true;
  }

  /**
   * The operation's result, or SKIPPED when it failed and the failure is tolerated (after reporting it).
   * Throws a ConnectException "Tolerance exceeded in error handler" when it is not.
   */
  async execute<T>(
    context: Omit<ErrorContext, 'error'>,
    operation: () => T | Promise<T>,
  ): Promise<T | typeof SKIPPED> {
    const deadline = this.retryTimeoutMs < 0 ? Infinity : Date.now() + this.retryTimeoutMs;
    let backoff = INITIAL_BACKOFF_MS;
    for (;;) {
      try {
        return await operation();
      } catch (error) {
        const retriable = error instanceof RetriableException;
        if (retriable && !this.stopped && Date.now() + backoff <= deadline) {
          await new Promise((resolve) => setTimeout(resolve, backoff));
          backoff = Math.min(backoff * 2, this.retryDelayMaxMs);
          continue;
        }
        if (!this.toleratesAll) {
          throw new ConnectException('Tolerance exceeded in error handler', { cause: error });
        }
        for (const reporter of this.reporters) await reporter.report({ ...context, error });
        return SKIPPED;
      }
    }
  }
}
