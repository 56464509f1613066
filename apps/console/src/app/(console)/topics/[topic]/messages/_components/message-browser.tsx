'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Card, DataTable } from '@sluice/ui';
import { apiErrorCode } from '~/lib/api-errors';
import { formatCount, formatRecords } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../../../_components/api-error';
import { describedBy, FieldMessage } from '~/app/_components/field';
import { BUTTON, INPUT, LABEL_TEXT, PRIMARY_BUTTON } from '~/app/_components/form-styles';
import { recordColumns, recordId, RecordSelectionContext } from './record-columns';
import { RecordDetail, type ConsoleRecord } from './record-detail';
import { IsolationLevelSelect, ISOLATION_LEVEL_HINT } from './isolation-level-select';
import {
  checkSeek,
  DEFAULT_SEEK,
  PAGE_SIZES,
  SEEK_FROM,
  seekFromSearchParams,
  seekSearchParams,
  type BrowseInput,
  type SeekField,
  type SeekValues,
} from './seek';
import { TopicNotFound } from './topic-not-found';

/** The record the panel shows: one picked from the table, none, or the one the seek went to (an offset). */
type Selection = { kind: 'auto' } | { kind: 'none' } | { kind: 'record'; record: ConsoleRecord };

/** What the page in view holds, in words: which records, in which order, read how. */
function describePage(input: BrowseInput, count: number, page: number): string {
  const where =
    (input.partition === undefined ? 'all partitions' : `partition ${input.partition}`) +
    (input.isolationLevel === 'read_committed' ? ' (read_committed)' : '');
  const records = formatRecords(count);
  switch (input.from.type) {
    case 'newest':
      return `The newest ${records} of ${where}, newest first.`;
    case 'oldest':
      return `${records} of ${where} from the oldest, oldest first.`;
    case 'offset':
      return `${records} of ${where} from offset ${formatCount(input.from.offset)}, oldest first.`;
    case 'timestamp':
      return `${records} of ${where} from ${new Date(input.from.timestamp).toLocaleString()}, oldest first.`;
    case 'positions':
      return `Page ${page}: ${records} of ${where}, oldest first.`;
  }
}

function SeekForm({
  partitions,
  initial,
  onSeek,
  busy,
}: {
  partitions: number[];
  initial: SeekValues;
  onSeek: (values: SeekValues) => Partial<Record<SeekField, string>>;
  busy: boolean;
}) {
  const id = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<SeekField, string>>>({});
  const fieldRefs = useRef<Partial<Record<SeekField, HTMLElement | null>>>({});
  const set = (field: keyof SeekValues) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = onSeek(values);
    setErrors(found);
    const firstInvalid = (['partition', 'offset', 'timestamp', 'limit'] as const).find((f) => found[f]);
    if (firstInvalid) fieldRefs.current[firstInvalid]?.focus();
  };
  const invalid = (field: SeekField) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': describedBy(`${id}-${field}`, false, errors[field]),
    ref: (element: HTMLElement | null) => {
      fieldRefs.current[field] = element;
    },
  });
  const message = (field: SeekField) => <FieldMessage id={`${id}-${field}`} message={errors[field]} />;

  return (
    <form onSubmit={submit} noValidate aria-label="Seek" className="flex flex-wrap items-start gap-4">
      <div className="flex w-40 flex-col gap-1">
        <label htmlFor={`${id}-partition`} className={LABEL_TEXT}>
          Partition
        </label>
        <select
          id={`${id}-partition`}
          value={values.partition}
          onChange={set('partition')}
          className={INPUT}
          {...invalid('partition')}
        >
          <option value="">All partitions</option>
          {partitions.map((p) => (
            <option key={p} value={String(p)}>
              Partition {p}
            </option>
          ))}
        </select>
        {message('partition')}
      </div>
      <div className="flex w-36 flex-col gap-1">
        <label htmlFor={`${id}-from`} className={LABEL_TEXT}>
          Start at
        </label>
        <select id={`${id}-from`} value={values.from} onChange={set('from')} className={INPUT}>
          {SEEK_FROM.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      {values.from === 'offset' && (
        <div className="flex w-40 flex-col gap-1">
          <label htmlFor={`${id}-offset`} className={LABEL_TEXT}>
            Offset
          </label>
          <input
            id={`${id}-offset`}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={values.offset}
            onChange={set('offset')}
            className={INPUT}
            {...invalid('offset')}
          />
          {message('offset')}
        </div>
      )}
      {values.from === 'timestamp' && (
        <div className="flex w-60 flex-col gap-1">
          <label htmlFor={`${id}-timestamp`} className={LABEL_TEXT}>
            Time (local)
          </label>
          <input
            id={`${id}-timestamp`}
            type="datetime-local"
            step={1}
            value={values.timestamp}
            onChange={set('timestamp')}
            className={INPUT}
            {...invalid('timestamp')}
          />
          {message('timestamp')}
        </div>
      )}
      <div className="flex w-44 flex-col gap-1">
        <label htmlFor={`${id}-isolation`} className={LABEL_TEXT}>
          Isolation level
        </label>
        <IsolationLevelSelect
          id={`${id}-isolation`}
          value={values.isolationLevel}
          onChange={(isolationLevel) => setValues((v) => ({ ...v, isolationLevel }))}
          describedBy={`${id}-isolation-hint`}
        />
        <span id={`${id}-isolation-hint`} className="sr-only">
          {ISOLATION_LEVEL_HINT}
        </span>
      </div>
      <div className="flex w-32 flex-col gap-1">
        <label htmlFor={`${id}-limit`} className={LABEL_TEXT}>
          Page size
        </label>
        <select
          id={`${id}-limit`}
          value={values.limit}
          onChange={set('limit')}
          className={INPUT}
          {...invalid('limit')}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={String(size)}>
              {size}
            </option>
          ))}
        </select>
        {message('limit')}
      </div>
      <div className="flex flex-col gap-1">
        {/* An empty label's line keeps the button level with the fields. */}
        <span aria-hidden="true" className={`${LABEL_TEXT} invisible`}>
          &nbsp;
        </span>
        <button type="submit" className={PRIMARY_BUTTON} disabled={busy}>
          {busy ? 'Reading…' : 'Read'}
        </button>
      </div>
    </form>
  );
}

function Browser({
  topic,
  partitions,
  search,
  onSeek,
}: {
  topic: string;
  partitions: number[];
  /** The URL's query when the browser opened: the seek to start from. */
  search: string;
  /** Called with the query a seek writes to the URL. */
  onSeek: (search: string) => void;
}) {
  const trpc = useTRPC();
  const [initial] = useState(() => seekFromSearchParams(Object.fromEntries(new URLSearchParams(search))));
  /** The first page the last seek read, then each "Next page" after it. */
  const [pages, setPages] = useState<BrowseInput[]>(() => {
    const checked = checkSeek(topic, initial);
    if (checked.ok) return [checked.input];
    const fallback = checkSeek(topic, DEFAULT_SEEK);
    return fallback.ok ? [fallback.input] : [];
  });
  const current = pages.at(-1)!;
  const [selection, setSelection] = useState<Selection>({ kind: 'auto' });
  const detailRef = useRef<HTMLDivElement>(null);
  const browse = useQuery(
    trpc.messages.browse.queryOptions(current, {
      // A read is a snapshot of a moving log: every seek reads again, and the page does not change under the
      // reader when the window regains focus.
      staleTime: 0,
      refetchOnWindowFocus: false,
      placeholderData: keepPreviousData,
    }),
  );

  const seek = (values: SeekValues) => {
    const checked = checkSeek(topic, values);
    if (!checked.ok) return checked.errors;
    setSelection({ kind: 'auto' });
    if (pages.length === 1 && JSON.stringify(checked.input) === JSON.stringify(current))
      void browse.refetch();
    else setPages([checked.input]);
    const params = seekSearchParams(checked.input).toString();
    onSeek(params);
    window.history.replaceState(null, '', params ? `?${params}` : window.location.pathname);
    return {};
  };

  const records = useMemo(() => browse.data?.records ?? [], [browse.data]);
  const autoTarget =
    pages.length === 1 && current.from.type === 'offset' && current.partition !== undefined
      ? `${current.partition}:${current.from.offset}`
      : null;
  const selected =
    selection.kind === 'record'
      ? selection.record
      : selection.kind === 'auto' && autoTarget
        ? records.find((r): r is ConsoleRecord => r.kind === 'record' && recordId(r) === autoTarget)
        : undefined;
  const selectedId = selected ? recordId(selected) : null;
  const selectionContext = useMemo(
    () => ({
      selectedId,
      select: (record: ConsoleRecord) => setSelection({ kind: 'record', record }),
    }),
    [selectedId],
  );

  useEffect(() => {
    if (selection.kind === 'record') detailRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selection]);

  const next = browse.data?.next ?? null;
  const loadingPage = browse.isFetching;

  return (
    <div className="flex flex-col gap-6">
      <SeekForm partitions={partitions} initial={initial} onSeek={seek} busy={loadingPage} />

      {browse.isError && <ApiError error={browse.error} what="the records" />}

      <Card
        title="Records"
        aside={
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="button"
              className={BUTTON}
              disabled={pages.length < 2 || loadingPage}
              onClick={() => {
                setSelection({ kind: 'none' });
                setPages((p) => p.slice(0, -1));
              }}
            >
              Previous page
            </button>
            <button
              type="button"
              className={BUTTON}
              disabled={next === null || loadingPage || browse.isPlaceholderData}
              title={
                current.from.type === 'newest'
                  ? 'The newest records come newest first, with no page after them: read from the oldest, an offset or a time to page forward'
                  : undefined
              }
              onClick={() => {
                if (next === null) return;
                setSelection({ kind: 'none' });
                setPages((p) => [...p, { ...current, from: { type: 'positions', positions: next } }]);
              }}
            >
              Next page
            </button>
          </div>
        }
      >
        <p role="status" className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          {browse.isPending
            ? 'Reading…'
            : browse.data
              ? `${describePage(current, records.length, pages.length)}${
                  current.from.type === 'newest'
                    ? ''
                    : next === null
                      ? ' This is the end of the log.'
                      : ' More after this page.'
                }`
              : ''}
        </p>
        <RecordSelectionContext value={selectionContext}>
          <DataTable
            data={records}
            columns={recordColumns}
            getRowId={recordId}
            label="Records"
            filterLabel="Filter this page"
            rowNoun={['record', 'records']}
            scrollAreaClassName="max-h-[60vh]"
            emptyMessage={
              browse.isPending ? 'Reading…' : 'No records here: nothing at or after this position in the log.'
            }
          />
        </RecordSelectionContext>
      </Card>

      <div ref={detailRef} className="scroll-mt-20">
        {selected ? (
          <RecordDetail
            key={recordId(selected)}
            record={selected}
            onClose={() => setSelection({ kind: 'none' })}
          />
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Open a record by its offset to see its key, value and headers in full. Transaction markers (COMMIT
            and ABORT) are control records: they end a producer&apos;s transaction and hold no data.
          </p>
        )}
      </div>
    </div>
  );
}

/** The message browser, once the topic's partitions are known (the form offers them). */
export function MessageBrowser({ topic }: { topic: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.topics.detail.queryOptions({ topic }));
  // The browser's seeks rewrite the URL's query; any other change to it (a link here with another seek, Back)
  // starts the browser over from the new one.
  const search = useSearchParams().toString();
  const [url, setUrl] = useState({ search, key: 0, written: null as string | null });
  if (search !== url.search)
    setUrl({ search, key: search === url.written ? url.key : url.key + 1, written: null });
  if (detail.isPending)
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading the topic…
      </p>
    );
  if (detail.isError && !detail.data) {
    if (apiErrorCode(detail.error) === 'NOT_FOUND') return <TopicNotFound topic={topic} />;
    return <ApiError error={detail.error} what="the topic" />;
  }
  return (
    <Browser
      topic={topic}
      partitions={detail.data.partitions.map((p) => p.partition)}
      key={url.key}
      search={search}
      onSeek={(written) => setUrl((u) => ({ ...u, written }))}
    />
  );
}
