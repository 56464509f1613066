/**
 * Kafka's config validators that are more than a range or a list of values: metadata (message format) versions,
 * throttled replica lists, and the non-empty checks. Each returns Kafka's reason text for an invalid value, or null.
 */

/** Every MetadataVersion Kafka 3.9 knows, oldest first (MetadataVersion.VERSIONS). */
export const METADATA_VERSIONS: readonly string[] = [
  '0.8.0',
  '0.8.1',
  '0.8.2',
  '0.9.0',
  '0.10.0-IV0',
  '0.10.0-IV1',
  '0.10.1-IV0',
  '0.10.1-IV1',
  '0.10.1-IV2',
  '0.10.2-IV0',
  '0.11.0-IV0',
  '0.11.0-IV1',
  '0.11.0-IV2',
  '1.0-IV0',
  '1.1-IV0',
  '2.0-IV0',
  '2.0-IV1',
  '2.1-IV0',
  '2.1-IV1',
  '2.1-IV2',
  '2.2-IV0',
  '2.2-IV1',
  '2.3-IV0',
  '2.3-IV1',
  '2.4-IV0',
  '2.4-IV1',
  '2.5-IV0',
  '2.6-IV0',
  '2.7-IV0',
  '2.7-IV1',
  '2.7-IV2',
  '2.8-IV0',
  '2.8-IV1',
  '3.0-IV0',
  '3.0-IV1',
  '3.1-IV0',
  '3.2-IV0',
  '3.3-IV0',
  '3.3-IV1',
  '3.3-IV2',
  '3.3-IV3',
  '3.4-IV0',
  '3.5-IV0',
  '3.5-IV1',
  '3.5-IV2',
  '3.6-IV0',
  '3.6-IV1',
  '3.6-IV2',
  '3.7-IV0',
  '3.7-IV1',
  '3.7-IV2',
  '3.7-IV3',
  '3.7-IV4',
  '3.8-IV0',
  '3.9-IV0',
  '4.0-IV0',
  '4.0-IV1',
];

/** Full version strings and their short forms ("2.8" for the latest 2.8-IVn, "0.10.0" for 0.10.0-IVn). */
const METADATA_VERSION_KEYS = new Set([
  ...METADATA_VERSIONS,
  ...METADATA_VERSIONS.map((version) => version.replace(/-IV\d+$/, '')),
]);

/**
 * MetadataVersion.fromVersionString: a version may carry more segments than its key ("2.8.1" is 2.8, "0.10.0.1"
 * is 0.10.0); versions before 1.0 keep three segments, later ones two.
 */
export function checkMetadataVersion(text: string): string | null {
  const segments = text.split('.');
  const keep = text.startsWith('0.') ? 3 : 2;
  const key = segments.length <= keep ? text : segments.slice(0, keep).join('.');
  return METADATA_VERSION_KEYS.has(key) ? null : `Version ${text} is not a valid version`;
}

/** ThrottledReplicaListValidator: "*" or partitionId:brokerId entries. */
export function throttledReplicasCheck(name: string): (text: string) => string | null {
  return (text) => {
    const items = text.split(',').map((item) => item.trim());
    if (items.every((item) => /^(\d+:\d+)?$/.test(item)) || items.join('') === '*') return null;
    return `${name} must be the literal '*' or a list of replicas in the following format: [partitionId]:[brokerId],[partitionId]:[brokerId],...`;
  };
}

/** compression.gzip.level: Kafka's "[1,...,9] or -1". */
export function checkGzipLevel(text: string): string | null {
  const level = Number(text);
  return level === -1 || (level >= 1 && level <= 9) ? null : 'Value must be between 1 and 9 or equal to -1';
}

export function checkNonEmptyString(text: string): string | null {
  return text === '' ? 'String must be non-empty' : null;
}
