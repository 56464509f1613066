/**
 * Kafka Connect's exception hierarchy. Messages are kept identical to Kafka's so that REST error bodies,
 * logs and tests read the same as a Java worker's.
 */
export class ConnectException extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Raised when data does not fit its schema or cannot be converted (org.apache.kafka.connect.errors.DataException). */
export class DataException extends ConnectException {}

/** Raised by SchemaBuilder for an invalid builder call or default value. */
export class SchemaBuilderException extends DataException {}

/** A failure that may succeed if retried, e.g. a sink system briefly unavailable (connect.errors.RetriableException). */
export class RetriableException extends ConnectException {}

/** Raised when a connector, task or plugin does not exist (connect.errors.NotFoundException); REST 404. */
export class NotFoundException extends ConnectException {}

/** Raised when creating something that already exists (connect.errors.AlreadyExistsException); REST 409. */
export class AlreadyExistsException extends ConnectException {}

/** A configuration error (org.apache.kafka.common.config.ConfigException), with Kafka's message format. */
export class ConfigException extends Error {
  constructor(
    nameOrMessage: string,
    ...rest: [] | [value: unknown] | [value: unknown, message: string | null]
  ) {
    if (rest.length === 0) {
      super(nameOrMessage);
    } else {
      const [value, message] = rest;
      super(
        `Invalid value ${javaToString(value)} for configuration ${nameOrMessage}` +
          (message == null ? '' : `: ${message}`),
      );
    }
    this.name = 'ConfigException';
  }
}

/**
 * How Java's String.valueOf renders a value (a config value in a message, a record value in FileStreamSink's
 * output): lists as `[a, b]`, maps as `{k=v, k2=v2}`, null as `null`.
 */
export function javaToString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(javaToString).join(', ')}]`;
  if (value instanceof Map)
    return `{${[...value].map(([key, item]) => `${javaToString(key)}=${javaToString(item)}`).join(', ')}}`;
  return String(value);
}
