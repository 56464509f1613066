/**
 * The live tail's filters: key and value substrings (on the bytes read as UTF-8) and a JSON path into the
 * value ($.a.b[0].c), optionally compared with a given value (JSON text; a string compares unquoted).
 */
import type { ConsoleRecord } from '../cluster-source/cluster-source.ts';

export interface RecordFilter {
  keyContains?: string | undefined;
  valueContains?: string | undefined;
  jsonPath?: string | undefined;
  jsonEquals?: string | undefined;
}

/** "$.items[0].sku" -> ['items', 0, 'sku']; the validators package checks the syntax first. */
export function parseJsonPath(path: string): (string | number)[] {
  const steps: (string | number)[] = [];
  for (const match of path.slice(1).matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g))
    steps.push(match[1] !== undefined ? match[1] : Number(match[2]));
  return steps;
}

const NOT_FOUND = Symbol('not found');

function follow(value: unknown, steps: (string | number)[]): unknown {
  let current = value;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(current) || step >= current.length) return NOT_FOUND;
      current = current[step];
    } else {
      if (
        current === null ||
        typeof current !== 'object' ||
        Array.isArray(current) ||
        !Object.hasOwn(current, step)
      )
        return NOT_FOUND;
      current = (current as Record<string, unknown>)[step];
    }
  }
  return current;
}

const text = (base64: string | null) =>
  base64 === null ? null : Buffer.from(base64, 'base64').toString('utf8');

export function compileFilter(filter: RecordFilter): (record: ConsoleRecord) => boolean {
  const steps = filter.jsonPath === undefined ? null : parseJsonPath(filter.jsonPath);
  return (record) => {
    if (filter.keyContains !== undefined && !(text(record.key) ?? '').includes(filter.keyContains))
      return false;
    const value = text(record.value);
    if (filter.valueContains !== undefined && !(value ?? '').includes(filter.valueContains)) return false;
    if (steps === null) return true;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value ?? '');
    } catch {
      return false;
    }
    const found = follow(parsed, steps);
    if (found === NOT_FOUND) return false;
    if (filter.jsonEquals === undefined) return true;
    return typeof found === 'string'
      ? found === filter.jsonEquals
      : JSON.stringify(found) === filter.jsonEquals;
  };
}

/**
 * Keeps at most `limit` of `records`, spread evenly over them (every n-th), so a sample shows the whole span
 * rather than its first moments. Returns what was kept and how many were left out.
 */
export function sampleEvenly<T>(records: T[], limit: number): { kept: T[]; skipped: number } {
  if (records.length <= limit) return { kept: records, skipped: 0 };
  if (limit <= 0) return { kept: [], skipped: records.length };
  const kept: T[] = [];
  for (let i = 0; i < limit; i++) kept.push(records[Math.floor((i * records.length) / limit)]!);
  return { kept, skipped: records.length - limit };
}
