/**
 * Where the message browser reads from, as typed in its form and as written in its URL
 * (?partition=0&from=offset&offset=42&limit=50), turned into messages.browse's input and checked with the shared
 * schema. A time travels in the URL as epoch ms, so a link means the same moment in every time zone; the form
 * shows it in the browser's local time.
 */
import { browseMessagesInput } from '@sluice/validators';
import { parseLocalDateTime, toLocalDateTime } from '../../../../../../lib/record-view.ts';
import type { RouterInputs } from '~/trpc/outputs';
import { topicHref } from '../../../_components/topic-links.ts';

export type BrowseInput = RouterInputs['messages']['browse'];

export const SEEK_FROM = [
  { value: 'newest', label: 'Newest' },
  { value: 'oldest', label: 'Oldest' },
  { value: 'offset', label: 'Offset' },
  { value: 'timestamp', label: 'Time' },
] as const;
export type SeekFrom = (typeof SEEK_FROM)[number]['value'];

export const PAGE_SIZES = [20, 50, 100, 200, 500] as const;

/** Kafka's isolation.level, as a consumer sets it. */
export const ISOLATION_LEVELS = [
  { value: 'read_uncommitted', label: 'read_uncommitted' },
  { value: 'read_committed', label: 'read_committed' },
] as const;
export type IsolationLevel = (typeof ISOLATION_LEVELS)[number]['value'];

export interface SeekValues {
  /** A partition number, or '' for all partitions. */
  partition: string;
  from: SeekFrom;
  offset: string;
  /** A datetime-local input's value, in local time. */
  timestamp: string;
  limit: string;
  isolationLevel: IsolationLevel;
}

export const DEFAULT_SEEK: SeekValues = {
  partition: '',
  from: 'newest',
  offset: '0',
  timestamp: '',
  limit: '50',
  isolationLevel: 'read_uncommitted',
};

export type SeekField = 'partition' | 'offset' | 'timestamp' | 'limit';
export type SeekCheck =
  { ok: true; input: BrowseInput } | { ok: false; errors: Partial<Record<SeekField, string>> };

const WHOLE_NUMBER = /^\s*\d+\s*$/;

export function checkSeek(topic: string, values: SeekValues): SeekCheck {
  const errors: Partial<Record<SeekField, string>> = {};
  let partition: number | undefined;
  if (values.partition !== '') {
    if (WHOLE_NUMBER.test(values.partition)) partition = Number(values.partition);
    else errors.partition = 'choose a partition';
  }
  let from: BrowseInput['from'] = { type: 'newest' };
  switch (values.from) {
    case 'newest':
    case 'oldest':
      from = { type: values.from };
      break;
    case 'offset':
      if (WHOLE_NUMBER.test(values.offset)) from = { type: 'offset', offset: Number(values.offset) };
      else errors.offset = 'enter an offset: a whole number, 0 or more';
      break;
    case 'timestamp': {
      const timestamp = parseLocalDateTime(values.timestamp);
      if (timestamp === null) errors.timestamp = 'enter a date and time';
      else if (timestamp < 0) errors.timestamp = 'enter a time after 1970';
      else from = { type: 'timestamp', timestamp };
      break;
    }
  }
  const limit = WHOLE_NUMBER.test(values.limit) ? Number(values.limit) : Number.NaN;
  const parsed = browseMessagesInput.safeParse({
    topic,
    partition,
    from,
    limit,
    isolationLevel: values.isolationLevel,
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field =
        issue.path[0] === 'from' ? (values.from === 'offset' ? 'offset' : 'timestamp') : issue.path[0];
      if (field === 'partition' || field === 'offset' || field === 'timestamp' || field === 'limit')
        errors[field] ??= issue.message;
    }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}

type SearchParams = Record<string, string | string[] | undefined>;

function first(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The seek a URL asks for; what is missing or malformed stays at the default. Runs in the browser (local time). */
export function seekFromSearchParams(params: SearchParams): SeekValues {
  const seek = { ...DEFAULT_SEEK };
  const partition = first(params, 'partition');
  if (partition !== undefined && WHOLE_NUMBER.test(partition)) seek.partition = partition.trim();
  const from = first(params, 'from');
  const choice = SEEK_FROM.find((f) => f.value === from);
  if (choice) seek.from = choice.value;
  const offset = first(params, 'offset');
  if (offset !== undefined && WHOLE_NUMBER.test(offset)) seek.offset = offset.trim();
  const timestamp = first(params, 'timestamp');
  if (timestamp !== undefined && WHOLE_NUMBER.test(timestamp))
    seek.timestamp = toLocalDateTime(Number(timestamp));
  const limit = first(params, 'limit');
  if (limit !== undefined && PAGE_SIZES.some((size) => String(size) === limit)) seek.limit = limit;
  const isolation = ISOLATION_LEVELS.find((level) => level.value === first(params, 'isolation'));
  if (isolation) seek.isolationLevel = isolation.value;
  return seek;
}

/** The URL's query for a browse input: only what differs from the defaults. */
export function seekSearchParams(input: BrowseInput): URLSearchParams {
  const params = new URLSearchParams();
  if (input.partition !== undefined) params.set('partition', String(input.partition));
  if (input.from.type !== 'newest' && input.from.type !== 'positions') params.set('from', input.from.type);
  if (input.from.type === 'offset') params.set('offset', String(input.from.offset));
  if (input.from.type === 'timestamp') params.set('timestamp', String(input.from.timestamp));
  if (input.limit !== undefined && String(input.limit) !== DEFAULT_SEEK.limit)
    params.set('limit', String(input.limit));
  if (input.isolationLevel !== undefined && input.isolationLevel !== DEFAULT_SEEK.isolationLevel)
    params.set('isolation', input.isolationLevel);
  return params;
}

/** The browser at one record: its partition, from its offset. */
export function recordHref(topic: string, partition: number, offset: number): string {
  const params = seekSearchParams({ topic, partition, from: { type: 'offset', offset } });
  return `${topicHref(topic, 'messages')}?${params}`;
}
