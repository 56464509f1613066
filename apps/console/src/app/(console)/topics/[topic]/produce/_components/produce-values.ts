/**
 * The produce form's values, turned into messages.produce's input and checked with the shared schema
 * (produceInput), so the form refuses what the API refuses; the schema's issues come back keyed by the form
 * field that caused them. An empty key field is no key (null), as in Kafka's console producer; a value is null
 * (a tombstone) only when asked for.
 */
import { produceInput, type ProduceInput } from '@sluice/validators';

export interface ProduceFormValues {
  /** A partition number, or '' for the producer's choice (the key's partition, or a random one). */
  partition: string;
  key: string;
  value: string;
  /** Send no value: a tombstone, which compaction reads as "delete this key". */
  nullValue: boolean;
  /** Refuse a value that does not parse as JSON. */
  checkJson: boolean;
  headers: { key: string; value: string }[];
  /** As typed: an empty or partial entry is kept and reported, not turned into 0. */
  copies: string;
}

export const EMPTY_PRODUCE_FORM: ProduceFormValues = {
  partition: '',
  key: '',
  value: '',
  nullValue: false,
  checkJson: false,
  headers: [],
  copies: '1',
};

/** Messages by form field path ("value", "headers.2.key"); the first problem found for a field wins. */
export type ProduceFieldErrors = Record<string, string>;
export type ProduceCheck = { ok: true; input: ProduceInput } | { ok: false; errors: ProduceFieldErrors };

/** Why `text` is not JSON, in JSON.parse's words, or null when it parses. */
export function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const WHOLE_NUMBER = /^\s*\d+\s*$/;

/** What the form knows of the topic beyond its name. */
export interface ProduceTarget {
  /** cleanup.policy includes compact: the broker refuses records without a key (INVALID_RECORD), as Kafka does. */
  compacted: boolean;
}

export const COMPACTED_KEY_REQUIRED =
  'this topic is compacted (cleanup.policy includes compact): every record needs a key';

export function checkProduce(
  topic: string,
  values: ProduceFormValues,
  target: ProduceTarget = { compacted: false },
): ProduceCheck {
  const errors: ProduceFieldErrors = {};
  const report = (field: string, message: string) => {
    errors[field] ??= message;
  };

  let partition: number | undefined;
  if (values.partition !== '') {
    if (WHOLE_NUMBER.test(values.partition)) partition = Number(values.partition);
    else report('partition', 'choose a partition');
  }
  if (target.compacted && values.key === '') report('key', COMPACTED_KEY_REQUIRED);
  if (values.checkJson && !values.nullValue) {
    const problem = jsonProblem(values.value);
    if (problem !== null) report('value', `not JSON: ${problem}`);
  }
  // Rows left wholly empty are ignored; the schema's issues about a header name the row it came from.
  const headerRows: number[] = [];
  const headers: { key: string; value: string }[] = [];
  values.headers.forEach((header, row) => {
    if (header.key === '' && header.value === '') return;
    headerRows.push(row);
    headers.push(header);
  });
  const copies = WHOLE_NUMBER.test(values.copies) ? Number(values.copies) : Number.NaN;
  if (Number.isNaN(copies)) report('copies', 'enter a whole number of copies, 1 to 1,000');

  const parsed = produceInput.safeParse({
    topic,
    partition,
    key: values.key === '' ? null : values.key,
    value: values.nullValue ? null : values.value,
    headers,
    copies,
  });
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, input: parsed.data };
  for (const issue of parsed.error?.issues ?? []) {
    const [field, index, part] = issue.path;
    if (field === 'headers' && typeof index === 'number')
      report(
        `headers.${headerRows[index] ?? index}.${typeof part === 'string' ? part : 'key'}`,
        issue.message,
      );
    else if (typeof field === 'string') report(field === 'topic' ? 'root' : field, issue.message);
  }
  return { ok: false, errors };
}

export interface WrittenRange {
  partition: number;
  firstOffset: number;
  lastOffset: number;
  count: number;
}

/** Where the copies went, as runs of consecutive offsets per partition: "partition 0, offsets 5 to 9". */
export function summarizeWritten(written: { partition: number; offset: number }[]): WrittenRange[] {
  const sorted = [...written].sort((a, b) => a.partition - b.partition || a.offset - b.offset);
  const ranges: WrittenRange[] = [];
  for (const { partition, offset } of sorted) {
    const last = ranges.at(-1);
    if (last && last.partition === partition && last.lastOffset + 1 === offset) {
      last.lastOffset = offset;
      last.count++;
    } else {
      ranges.push({ partition, firstOffset: offset, lastOffset: offset, count: 1 });
    }
  }
  return ranges;
}
