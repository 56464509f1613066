/**
 * The plugin contract every connector implements (org.apache.kafka.connect.connector.Connector, Task,
 * ConnectorContext, connector.policy-free parts of util.ConnectorUtils).
 *
 * Lifecycle, as the worker drives it: `initialize(context)` once, then `start(props)`; `taskConfigs(maxTasks)`
 * whenever the worker (re)generates tasks; `stop()` once. A connector never moves data itself: it splits its
 * work into at most `maxTasks` task configs, and the worker runs one instance of `taskClass()` per config.
 * Where Java blocks, methods here may return a Promise; the worker awaits them.
 */
import type { ConfigDef, ConfigValue } from '../config/config-def.ts';
import { ConnectException } from '../errors.ts';

export type MaybePromise<T> = T | Promise<T>;

/** Configuration as Connect passes it to plugins: string keys to string values. */
export type ConnectorProps = Readonly<Record<string, string>>;

/** Ways a connector tells the worker something changed (org.apache.kafka.connect.connector.ConnectorContext). */
export interface ConnectorContext {
  /** Asks the worker to call `taskConfigs` again because the set of inputs or outputs changed. */
  requestTaskReconfiguration(): void;
  /** Fails the connector from a background thread of its own; the worker marks it FAILED with this error. */
  raiseError(error: Error): void;
}

/** The outcome of Connector.validate (org.apache.kafka.common.config.Config): one ConfigValue per key. */
export class Config {
  constructor(private readonly values: ConfigValue[]) {}
  configValues(): ConfigValue[] {
    return this.values;
  }
}

/** One unit of work of a connector (org.apache.kafka.connect.connector.Task); see SourceTask and SinkTask. */
export interface Task {
  version(): string;
  start(props: ConnectorProps): MaybePromise<void>;
  stop(): MaybePromise<void>;
}

export type TaskClass<T extends Task = Task> = new () => T;

export abstract class Connector {
  protected context: ConnectorContext | null = null;

  /** Called once by the worker before `start`. */
  initialize(context: ConnectorContext, _taskConfigs?: readonly ConnectorProps[]): void {
    this.context = context;
  }

  abstract version(): string;

  /** Starts the connector with its configuration; throws (or rejects) to fail it. */
  abstract start(props: ConnectorProps): MaybePromise<void>;

  /** Applies a new configuration; by default stops and starts again, as Kafka's default does. */
  async reconfigure(props: ConnectorProps): Promise<void> {
    await this.stop();
    await this.start(props);
  }

  /** The Task implementation the worker instantiates for each task config. */
  abstract taskClass(): TaskClass;

  /** Up to `maxTasks` configurations, one per task to run. */
  abstract taskConfigs(maxTasks: number): ConnectorProps[] | Promise<ConnectorProps[]>;

  abstract stop(): MaybePromise<void>;

  /** The connector's own config keys, shown by `GET /connector-plugins` and used by `validate`. */
  abstract config(): ConfigDef;

  /** Validates connector-specific settings; the default checks them against `config()`. */
  validate(connectorConfigs: ConnectorProps): Config {
    const configDef = this.config() as ConfigDef | null;
    if (configDef === null || configDef === undefined) {
      throw new ConnectException(
        `${this.constructor.name}.config() must return a ConfigDef that is not null.`,
      );
    }
    return new Config(configDef.validate(connectorConfigs));
  }
}

/**
 * ConnectorUtils.groupPartitions: splits `elements` into `numGroups` contiguous groups as evenly as possible,
 * the first groups taking one extra element each; groups may be empty when there are fewer elements.
 */
export function groupPartitions<T>(elements: readonly T[], numGroups: number): T[][] {
  if (numGroups <= 0) throw new RangeError('Number of groups must be positive.');
  const perGroup = Math.floor(elements.length / numGroups);
  const leftover = elements.length - numGroups * perGroup;
  const groups: T[][] = [];
  let assigned = 0;
  for (let group = 0; group < numGroups; group++) {
    const size = group < leftover ? perGroup + 1 : perGroup;
    groups.push(elements.slice(assigned, assigned + size));
    assigned += size;
  }
  return groups;
}
