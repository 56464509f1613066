/**
 * The offset reset form's values as typed, and their check: the text fields are read here (partition lists,
 * integers as bigints, a local date-time, an ISO-8601 duration as `sluice groups reset-offsets --by-duration`
 * takes it), then the shared schema decides, so the form, the API and the CLI accept the same resets.
 */
import { offsetResetInput, parseIsoDuration, type OffsetResetInput } from '@sluice/validators';

export type ResetTargetKind = OffsetResetInput['target']['to'];

export const RESET_TARGETS: { kind: ResetTargetKind; label: string }[] = [
  { kind: 'earliest', label: 'Earliest (the log start offset)' },
  { kind: 'latest', label: 'Latest (the log end offset)' },
  { kind: 'current', label: 'Current (the committed offset again)' },
  { kind: 'offset', label: 'A given offset' },
  { kind: 'shift-by', label: 'Shifted by N offsets' },
  { kind: 'datetime', label: 'A date and time' },
  { kind: 'duration', label: 'A duration ago' },
];

export interface ResetFormValues {
  scope: 'all-topics' | 'topic';
  topic: string;
  /** "0, 2", or empty for every partition of the topic. */
  partitions: string;
  target: ResetTargetKind;
  offset: string;
  shift: string;
  /** As an <input type="datetime-local"> gives it: "2026-03-03T14:05" or with seconds, in local time. */
  datetime: string;
  duration: string;
}

export type ResetField = 'topic' | 'partitions' | 'offset' | 'shift' | 'datetime' | 'duration' | 'form';
export type ResetFormErrors = Partial<Record<ResetField, string>>;

export const EMPTY_RESET_FORM: ResetFormValues = {
  scope: 'all-topics',
  topic: '',
  partitions: '',
  target: 'earliest',
  offset: '',
  shift: '',
  datetime: '',
  duration: '',
};

/** Where each of the schema's input paths is typed in the form. */
const FIELD_OF_PATH: Record<string, ResetField> = {
  scope: 'topic',
  topic: 'topic',
  partitions: 'partitions',
  offset: 'offset',
  shift: 'shift',
  timestamp: 'datetime',
  durationMs: 'duration',
};

function parsePartitions(text: string): number[] | undefined | null {
  const items = text.split(/[\s,]+/).filter(Boolean);
  if (items.length === 0) return undefined;
  if (!items.every((item) => /^\d+$/.test(item))) return null;
  return [...new Set(items.map(Number))].sort((a, b) => a - b);
}

export function checkOffsetReset(
  groupId: string,
  values: ResetFormValues,
): { ok: true; input: OffsetResetInput } | { ok: false; errors: ResetFormErrors } {
  const errors: ResetFormErrors = {};

  let scope: unknown = 'all-topics';
  if (values.scope === 'topic') {
    const partitions = parsePartitions(values.partitions);
    if (partitions === null) errors.partitions = 'partitions are numbers separated by commas, e.g. 0, 2';
    scope = [{ topic: values.topic.trim(), ...(partitions ? { partitions } : {}) }];
  }

  let target: unknown;
  switch (values.target) {
    case 'earliest':
    case 'latest':
    case 'current':
      target = { to: values.target };
      break;
    case 'offset':
      if (/^\d+$/.test(values.offset.trim())) target = { to: 'offset', offset: BigInt(values.offset.trim()) };
      else errors.offset = 'enter an offset: a whole number, 0 or more';
      break;
    case 'shift-by':
      if (/^[+-]?\d+$/.test(values.shift.trim()))
        target = { to: 'shift-by', shift: BigInt(values.shift.trim().replace(/^\+/, '')) };
      else errors.shift = 'enter a whole number of offsets: negative moves back, positive forward';
      break;
    case 'datetime': {
      const timestamp = values.datetime ? Date.parse(values.datetime) : Number.NaN;
      if (Number.isNaN(timestamp)) errors.datetime = 'choose a date and time';
      else target = { to: 'datetime', timestamp };
      break;
    }
    case 'duration': {
      const durationMs = parseIsoDuration(values.duration);
      if (durationMs === null) errors.duration = 'enter an ISO-8601 duration such as PT30M, PT1H30M or P1D';
      else target = { to: 'duration', durationMs };
      break;
    }
  }

  const parsed = offsetResetInput.safeParse({ groupId, scope, target });
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, input: parsed.data };
  // A field that failed to parse above has its own message; the schema's about the stand-in is not shown.
  for (const issue of parsed.error?.issues ?? []) {
    if (issue.path[0] === 'target' && target === undefined) continue;
    const key = [...issue.path].reverse().find((part) => typeof part === 'string' && part in FIELD_OF_PATH);
    const field = typeof key === 'string' ? FIELD_OF_PATH[key]! : 'form';
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
