/**
 * Topic routing and filtering: TimestampRouter, RegexRouter, Filter, and the predicates TopicNameMatches,
 * HasHeaderKey and RecordIsTombstone. Filter drops every record it sees; it is meant to run behind a predicate
 * (`transforms.<name>.predicate`, optionally `negate`), which TransformationStage applies.
 */
import { ConfigDef, NO_DEFAULT_VALUE } from '../config/config-def.ts';
import { CompositeValidator, NonEmptyString } from '../config/validators.ts';
import type { AnyConnectRecord } from '../connector/connect-record.ts';
import { ConfigException, DataException } from '../errors.ts';
import { JavaPattern, RegexValidator, expandJavaReplacement, regexError } from './java-regex.ts';
import { SimpleDateFormat } from './simple-date-format.ts';
import { SimpleConfig } from './transformation.ts';
import type { Predicate, Transformation } from './transformation.ts';

export const TIMESTAMP_ROUTER_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'topic.format',
    type: 'STRING',
    defaultValue: '${topic}-${timestamp}',
    importance: 'HIGH',
    documentation:
      'Format string which can contain <code>${topic}</code> and <code>${timestamp}</code> as placeholders for the topic and timestamp, respectively.',
  })
  .define({
    name: 'timestamp.format',
    type: 'STRING',
    defaultValue: 'yyyyMMdd',
    importance: 'HIGH',
    documentation:
      'Format string for the timestamp that is compatible with <code>java.text.SimpleDateFormat</code>.',
  });

export class TimestampRouter<R extends AnyConnectRecord = AnyConnectRecord> implements Transformation<R> {
  private topicFormat = '${topic}-${timestamp}';
  private timestampFormat = new SimpleDateFormat('yyyyMMdd');

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new SimpleConfig(TIMESTAMP_ROUTER_CONFIG_DEF, props);
    this.topicFormat = config.getString('topic.format') as string;
    const pattern = config.getString('timestamp.format') as string;
    try {
      this.timestampFormat = new SimpleDateFormat(pattern);
    } catch (error) {
      throw new ConfigException('timestamp.format', pattern, (error as Error).message);
    }
  }

  apply(record: R): R {
    if (record.timestamp === null)
      throw new DataException(`Timestamp missing on record: ${record.toString()}`);
    const formatted = this.timestampFormat.format(new Date(record.timestamp));
    const topic = this.topicFormat
      .replaceAll('${topic}', () => record.topic)
      .replaceAll('${timestamp}', () => formatted);
    return record.newRecord(
      topic,
      record.kafkaPartition,
      record.keySchema,
      record.key,
      record.valueSchema,
      record.value,
      record.timestamp,
    ) as R;
  }

  config(): ConfigDef {
    return TIMESTAMP_ROUTER_CONFIG_DEF;
  }

  close(): void {}
}

export const REGEX_ROUTER_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'regex',
    type: 'STRING',
    defaultValue: NO_DEFAULT_VALUE,
    validator: RegexValidator,
    importance: 'HIGH',
    documentation: 'Regular expression to use for matching.',
  })
  .define({
    name: 'replacement',
    type: 'STRING',
    defaultValue: NO_DEFAULT_VALUE,
    importance: 'HIGH',
    documentation: 'Replacement string.',
  });

/** Renames the topic when the whole topic name matches `regex` (Matcher.matches, then replaceFirst). */
export class RegexRouter<R extends AnyConnectRecord = AnyConnectRecord> implements Transformation<R> {
  private regex = new JavaPattern('');
  private replacement = '';

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new SimpleConfig(REGEX_ROUTER_CONFIG_DEF, props);
    this.regex = new JavaPattern(config.getString('regex') as string);
    this.replacement = config.getString('replacement') as string;
  }

  apply(record: R): R {
    const match = this.regex.matches(record.topic);
    if (match === null) return record;
    return record.newRecord(
      expandJavaReplacement(this.replacement, match),
      record.kafkaPartition,
      record.keySchema,
      record.key,
      record.valueSchema,
      record.value,
      record.timestamp,
    ) as R;
  }

  config(): ConfigDef {
    return REGEX_ROUTER_CONFIG_DEF;
  }

  close(): void {}
}

/** Drops every record; use with a predicate. */
export class Filter<R extends AnyConnectRecord = AnyConnectRecord> implements Transformation<R> {
  static readonly CONFIG_DEF = new ConfigDef();
  configure(): void {}
  apply(): null {
    return null;
  }
  config(): ConfigDef {
    return Filter.CONFIG_DEF;
  }
  close(): void {}
}

export const TOPIC_NAME_MATCHES_CONFIG_DEF = new ConfigDef().define({
  name: 'pattern',
  type: 'STRING',
  defaultValue: NO_DEFAULT_VALUE,
  validator: CompositeValidator.of(NonEmptyString, RegexValidator),
  importance: 'MEDIUM',
  documentation: "A Java regular expression for matching against the name of a record's topic.",
});

export class TopicNameMatches<R extends AnyConnectRecord = AnyConnectRecord> implements Predicate<R> {
  private pattern = new JavaPattern('');

  configure(props: Readonly<Record<string, unknown>>): void {
    const value = new SimpleConfig(TOPIC_NAME_MATCHES_CONFIG_DEF, props).getString('pattern') as string;
    const error = regexError(value);
    if (error !== null) {
      throw new ConfigException(
        'pattern',
        value,
        `entry must be a Java-compatible regular expression: ${error}`,
      );
    }
    this.pattern = new JavaPattern(value);
  }

  test(record: R): boolean {
    return record.topic !== null && this.pattern.matches(record.topic) !== null;
  }

  config(): ConfigDef {
    return TOPIC_NAME_MATCHES_CONFIG_DEF;
  }

  close(): void {}

  toString(): string {
    return `TopicNameMatches{pattern=${this.pattern.source}}`;
  }
}

export const HAS_HEADER_KEY_CONFIG_DEF = new ConfigDef().define({
  name: 'name',
  type: 'STRING',
  defaultValue: NO_DEFAULT_VALUE,
  validator: NonEmptyString,
  importance: 'MEDIUM',
  documentation: 'The header name.',
});

export class HasHeaderKey<R extends AnyConnectRecord = AnyConnectRecord> implements Predicate<R> {
  private name = '';

  configure(props: Readonly<Record<string, unknown>>): void {
    this.name = new SimpleConfig(HAS_HEADER_KEY_CONFIG_DEF, props).getString('name') as string;
  }

  test(record: R): boolean {
    return record.headers.lastWithName(this.name) !== null;
  }

  config(): ConfigDef {
    return HAS_HEADER_KEY_CONFIG_DEF;
  }

  close(): void {}

  toString(): string {
    return `HasHeaderKey{name='${this.name}'}`;
  }
}

export class RecordIsTombstone<R extends AnyConnectRecord = AnyConnectRecord> implements Predicate<R> {
  static readonly CONFIG_DEF = new ConfigDef();
  configure(): void {}
  test(record: R): boolean {
    return record.value === null;
  }
  config(): ConfigDef {
    return RecordIsTombstone.CONFIG_DEF;
  }
  close(): void {}
  toString(): string {
    return 'RecordIsTombstone{}';
  }
}
