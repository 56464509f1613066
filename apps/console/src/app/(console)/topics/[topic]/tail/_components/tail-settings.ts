/**
 * The live tail's settings as typed, turned into messages.tail's input and checked with the shared schema
 * (tailInput). Empty filters are no filters; the problems come back keyed by the field that caused them.
 */
import { tailInput } from '@sluice/validators';
import { parseLocalDateTime } from '../../../../../../lib/record-view.ts';
import type { RouterInputs } from '~/trpc/outputs';
import type { IsolationLevel } from '../../messages/_components/seek.ts';

export type TailInput = RouterInputs['messages']['tail'];

export const TAIL_FROM = [
  { value: 'newest', label: 'Newest' },
  { value: 'offset', label: 'Offset' },
  { value: 'timestamp', label: 'Time' },
] as const;
export type TailFrom = (typeof TAIL_FROM)[number]['value'];

export interface TailSettings {
  from: TailFrom;
  offset: string;
  /** A datetime-local input's value, in local time. */
  timestamp: string;
  /** The partitions to tail; null for all of them. */
  partitions: number[] | null;
  keyContains: string;
  valueContains: string;
  jsonPath: string;
  jsonEquals: string;
  maxPerSecond: string;
  isolationLevel: IsolationLevel;
}

/** The server's default cap (messages.tail), so a start without a change asks for what it would get anyway. */
export const DEFAULT_MAX_PER_SECOND = 500;

export const DEFAULT_TAIL_SETTINGS: TailSettings = {
  from: 'newest',
  offset: '0',
  timestamp: '',
  partitions: null,
  keyContains: '',
  valueContains: '',
  jsonPath: '',
  jsonEquals: '',
  maxPerSecond: String(DEFAULT_MAX_PER_SECOND),
  isolationLevel: 'read_uncommitted',
};

export type TailField =
  | 'offset'
  | 'timestamp'
  | 'partitions'
  | 'keyContains'
  | 'valueContains'
  | 'jsonPath'
  | 'jsonEquals'
  | 'maxPerSecond';
export type TailCheck =
  { ok: true; input: TailInput } | { ok: false; errors: Partial<Record<TailField, string>> };

const WHOLE_NUMBER = /^\s*\d+\s*$/;
const FIELDS = new Set<string>([
  'offset',
  'timestamp',
  'partitions',
  'keyContains',
  'valueContains',
  'jsonPath',
  'jsonEquals',
  'maxPerSecond',
]);

const optional = (text: string) => (text === '' ? undefined : text);

export function checkTail(topic: string, settings: TailSettings): TailCheck {
  const errors: Partial<Record<TailField, string>> = {};
  let from: TailInput['from'] = { type: 'newest' };
  if (settings.from === 'offset') {
    if (WHOLE_NUMBER.test(settings.offset)) from = { type: 'offset', offset: Number(settings.offset) };
    else errors.offset = 'enter an offset: a whole number, 0 or more';
  } else if (settings.from === 'timestamp') {
    const timestamp = parseLocalDateTime(settings.timestamp);
    if (timestamp === null || timestamp < 0) errors.timestamp = 'enter a date and time';
    else from = { type: 'timestamp', timestamp };
  }
  if (settings.partitions !== null && settings.partitions.length === 0)
    errors.partitions = 'choose at least one partition';
  const jsonPath = optional(settings.jsonPath.trim());
  if (settings.jsonEquals !== '' && jsonPath === undefined)
    errors.jsonEquals = 'a value to compare needs a JSON path to compare it at';
  const maxPerSecond = WHOLE_NUMBER.test(settings.maxPerSecond) ? Number(settings.maxPerSecond) : Number.NaN;
  if (Number.isNaN(maxPerSecond)) errors.maxPerSecond = 'enter a whole number of records, 1 to 5,000';

  const parsed = tailInput.safeParse({
    topic,
    partitions: settings.partitions ?? undefined,
    from,
    keyContains: optional(settings.keyContains),
    valueContains: optional(settings.valueContains),
    jsonPath,
    jsonEquals: optional(settings.jsonEquals),
    maxPerSecond,
    isolationLevel: settings.isolationLevel,
  });
  for (const issue of parsed.error?.issues ?? []) {
    const [first] = issue.path;
    const field = first === 'from' ? settings.from : first;
    if (typeof field === 'string' && FIELDS.has(field)) errors[field as TailField] ??= issue.message;
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  // The input travels in the subscription's URL: what is not set, or is the server's default, stays out of it.
  const input = Object.fromEntries(
    Object.entries(parsed.data).filter(
      ([name, value]) =>
        value !== undefined && !(name === 'isolationLevel' && value === DEFAULT_TAIL_SETTINGS.isolationLevel),
    ),
  );
  return { ok: true, input: input as TailInput };
}
