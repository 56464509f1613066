'use client';

import { skipToken, useQuery } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { StatusIndicator, type StatusTone } from '@sluice/ui';
import { apiErrorCode } from '~/lib/api-errors';
import { formatCount } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { describedBy, Field, FieldMessage } from '~/app/_components/field';
import { ApiError } from '../../../../../_components/api-error';
import { BUTTON, HINT_TEXT, INPUT, LABEL_TEXT, PRIMARY_BUTTON } from '~/app/_components/form-styles';
import { RecordDetail } from '../../messages/_components/record-detail';
import { TopicNotFound } from '../../messages/_components/topic-not-found';
import { LiveRecords, type LiveRecord } from './live-records';
import { TailBuffer, type TailCounts } from './tail-buffer';
import {
  IsolationLevelSelect,
  ISOLATION_LEVEL_HINT,
} from '../../messages/_components/isolation-level-select';
import {
  checkTail,
  DEFAULT_TAIL_SETTINGS,
  TAIL_FROM,
  type TailField,
  type TailInput,
  type TailSettings,
} from './tail-settings';

/** Records the page keeps: enough to scroll back through a burst, few enough to stay light at any rate. */
export const TAIL_BUFFER_RECORDS = 5_000;

interface TailView {
  rows: LiveRecord[];
  counts: TailCounts;
  paused: boolean;
}

function Count({ label, hint, children }: { label: string; hint: string; children: number }) {
  return (
    <div
      className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
      title={hint}
    >
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums">{formatCount(children)}</dd>
    </div>
  );
}

function Tail({ topic, partitions }: { topic: string; partitions: number[] }) {
  const trpc = useTRPC();
  const id = useId();
  const [settings, setSettings] = useState<TailSettings>(DEFAULT_TAIL_SETTINGS);
  const [errors, setErrors] = useState<Partial<Record<TailField, string>>>({});
  /** What the tail runs with; null when stopped. */
  const [input, setInput] = useState<TailInput | null>(null);
  const [failure, setFailure] = useState<{ message: string } | null>(null);
  const [selected, setSelected] = useState<LiveRecord | null>(null);
  /** The server's first event has come: it holds the start positions, so what is produced now arrives. */
  const [opened, setOpened] = useState(false);
  const fieldRefs = useRef<Partial<Record<TailField, HTMLElement | null>>>({});

  // Events land in the buffer as they come; React hears of them at most once a frame, however many arrived.
  const [buffer] = useState(() => new TailBuffer<LiveRecord>(TAIL_BUFFER_RECORDS));
  const [view, setView] = useState<TailView>(() => ({ rows: [], counts: buffer.counts(), paused: false }));
  const frame = useRef<number | null>(null);
  const arrivals = useRef(0);
  const publish = useCallback(() => {
    frame.current = null;
    setView({ rows: buffer.rows(), counts: buffer.counts(), paused: buffer.paused });
  }, [buffer]);
  const schedule = useCallback(() => {
    frame.current ??= requestAnimationFrame(publish);
  }, [publish]);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const subscription = useSubscription(
    trpc.messages.tail.subscriptionOptions(input ?? skipToken, {
      onData: (event) => {
        setOpened(true);
        const { records, skipped, filteredOut } = event.data;
        buffer.receive(
          records.map((record) => ({ seq: ++arrivals.current, record })),
          skipped,
          filteredOut,
        );
        schedule();
      },
      onError: (error) => {
        setFailure(error);
        setInput(null);
      },
    }),
  );

  const running = input !== null;
  const set =
    <K extends keyof TailSettings>(field: K) =>
    (value: TailSettings[K]) =>
      setSettings((s) => ({ ...s, [field]: value }));

  const start = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkTail(topic, settings);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = (Object.keys(checked.errors) as TailField[])[0];
      if (first) fieldRefs.current[first]?.focus();
      return;
    }
    setErrors({});
    setFailure(null);
    setOpened(false);
    buffer.clear();
    buffer.resume();
    setInput(checked.input);
    publish();
  };
  const stop = () => setInput(null);
  const togglePause = () => {
    if (buffer.paused) buffer.resume();
    else buffer.pause();
    publish();
  };
  const clear = () => {
    buffer.clear();
    publish();
  };

  const fieldProps = (field: TailField, hint = false) => ({
    id: `${id}-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': describedBy(`${id}-${field}`, hint, errors[field]),
    ref: (element: HTMLElement | null) => {
      fieldRefs.current[field] = element;
    },
  });

  let tone: StatusTone;
  let connection: string;
  if (!running) [tone, connection] = failure ? ['error', 'Stopped by an error'] : ['idle', 'Stopped'];
  else if (subscription.status === 'connecting' || (subscription.status === 'pending' && !opened))
    [tone, connection] = view.counts.received > 0 ? ['warning', 'Reconnecting…'] : ['pending', 'Connecting…'];
  else if (subscription.status === 'error') [tone, connection] = ['error', 'Disconnected'];
  else [tone, connection] = view.paused ? ['warning', 'Live, paused'] : ['ok', 'Live'];

  const { counts } = view;
  const cap = input?.maxPerSecond ?? Number(settings.maxPerSecond);
  const allPartitions = settings.partitions === null;

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={start} noValidate aria-label="Tail settings" className="flex flex-col gap-4">
        <fieldset
          disabled={running}
          className="flex flex-col gap-4 rounded-xl border border-zinc-200 bg-white p-5 disabled:opacity-80 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <legend className="sr-only">Settings</legend>
          {running && <p className={HINT_TEXT}>Stop the tail to change its settings.</p>}
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Field
              id={`${id}-from`}
              label="Start at"
              hint={
                settings.from === 'newest'
                  ? 'What arrives from now on.'
                  : settings.from === 'offset'
                    ? 'This offset in every partition tailed, then what follows.'
                    : 'The first record at or after this time in each partition, then what follows.'
              }
              error={undefined}
            >
              <select
                id={`${id}-from`}
                aria-describedby={`${id}-from-hint`}
                value={settings.from}
                onChange={(e) => set('from')(e.target.value as TailSettings['from'])}
                className={INPUT}
              >
                {TAIL_FROM.map((f) => (
                  <option key={f.value} value={f.value}>
                    {f.label}
                  </option>
                ))}
              </select>
            </Field>
            {settings.from === 'offset' && (
              <Field
                id={`${id}-offset`}
                label="Offset"
                hint="In every partition tailed."
                error={errors.offset}
              >
                <input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={1}
                  value={settings.offset}
                  onChange={(e) => set('offset')(e.target.value)}
                  className={INPUT}
                  {...fieldProps('offset')}
                />
              </Field>
            )}
            {settings.from === 'timestamp' && (
              <Field id={`${id}-timestamp`} label="Time (local)" error={errors.timestamp}>
                <input
                  type="datetime-local"
                  step={1}
                  value={settings.timestamp}
                  onChange={(e) => set('timestamp')(e.target.value)}
                  className={INPUT}
                  {...fieldProps('timestamp')}
                />
              </Field>
            )}
            <Field
              id={`${id}-maxPerSecond`}
              label="Max records per second"
              hint="The server sends at most this many (1 to 5,000) and counts the rest as skipped."
              error={errors.maxPerSecond}
            >
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={5000}
                step={1}
                value={settings.maxPerSecond}
                onChange={(e) => set('maxPerSecond')(e.target.value)}
                className={INPUT}
                {...fieldProps('maxPerSecond', true)}
              />
            </Field>
            <Field
              id={`${id}-isolation`}
              label="Isolation level"
              hint={ISOLATION_LEVEL_HINT}
              error={undefined}
            >
              <IsolationLevelSelect
                id={`${id}-isolation`}
                value={settings.isolationLevel}
                onChange={set('isolationLevel')}
                describedBy={`${id}-isolation-hint`}
              />
            </Field>
          </div>

          <fieldset
            className="flex flex-col gap-2"
            aria-describedby={errors.partitions ? `${id}-partitions-error` : undefined}
          >
            <legend className={`${LABEL_TEXT} mb-1`}>Partitions</legend>
            <label className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={allPartitions}
                onChange={(e) => set('partitions')(e.target.checked ? null : [...partitions])}
                className="size-4 accent-sky-700"
                ref={(element) => {
                  fieldRefs.current.partitions = element;
                }}
              />
              All partitions ({formatCount(partitions.length)})
            </label>
            {!allPartitions && (
              <div className="flex max-h-32 flex-wrap gap-x-4 gap-y-1 overflow-auto">
                {partitions.map((p) => (
                  <label key={p} className="inline-flex items-center gap-2 text-sm tabular-nums">
                    <input
                      type="checkbox"
                      checked={settings.partitions?.includes(p) ?? true}
                      onChange={(e) =>
                        set('partitions')(
                          e.target.checked
                            ? [...(settings.partitions ?? []), p].sort((a, b) => a - b)
                            : (settings.partitions ?? []).filter((q) => q !== p),
                        )
                      }
                      className="size-4 accent-sky-700"
                    />
                    Partition {p}
                  </label>
                ))}
              </div>
            )}
            <FieldMessage id={`${id}-partitions`} message={errors.partitions} />
          </fieldset>

          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Field id={`${id}-keyContains`} label="Key contains" error={errors.keyContains}>
              <input
                value={settings.keyContains}
                onChange={(e) => set('keyContains')(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                className={`${INPUT} font-mono`}
                {...fieldProps('keyContains')}
              />
            </Field>
            <Field id={`${id}-valueContains`} label="Value contains" error={errors.valueContains}>
              <input
                value={settings.valueContains}
                onChange={(e) => set('valueContains')(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                className={`${INPUT} font-mono`}
                {...fieldProps('valueContains')}
              />
            </Field>
            <Field
              id={`${id}-jsonPath`}
              label="JSON path"
              hint="Keeps values with something there, e.g. $.user.id or $.items[0]."
              error={errors.jsonPath}
            >
              <input
                value={settings.jsonPath}
                onChange={(e) => set('jsonPath')(e.target.value)}
                placeholder="$.user.id"
                autoComplete="off"
                spellCheck={false}
                className={`${INPUT} font-mono`}
                {...fieldProps('jsonPath', true)}
              />
            </Field>
            <Field
              id={`${id}-jsonEquals`}
              label="…equal to"
              hint="Optional: JSON text; a string without its quotes."
              error={errors.jsonEquals}
            >
              <input
                value={settings.jsonEquals}
                onChange={(e) => set('jsonEquals')(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                className={`${INPUT} font-mono`}
                {...fieldProps('jsonEquals', true)}
              />
            </Field>
          </div>
        </fieldset>

        <div className="flex flex-wrap items-center gap-3">
          {/*
            Two buttons, not one that changes: React would reuse the element, and the click that stops the tail
            would end on a submit button, whose default action starts it again.
          */}
          {running ? (
            <button key="stop" type="button" onClick={stop} className={PRIMARY_BUTTON}>
              Stop
            </button>
          ) : (
            <button key="start" type="submit" className={PRIMARY_BUTTON}>
              Start
            </button>
          )}
          <button type="button" onClick={togglePause} className={BUTTON} aria-pressed={view.paused}>
            {view.paused ? 'Resume' : 'Pause'}
          </button>
          <button type="button" onClick={clear} className={BUTTON}>
            Clear
          </button>
          <StatusIndicator tone={tone} label="Connection">
            {connection}
          </StatusIndicator>
        </div>
      </form>

      {failure && <ApiError error={failure} what="the live tail" />}

      <section aria-label="Counts" className="flex flex-col gap-2">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
          <Count label="Received" hint="Records the server sent to this page">
            {counts.received}
          </Count>
          <Count label="Shown" hint="Records in the list below">
            {counts.shown}
          </Count>
          <Count
            label="Waiting (paused)"
            hint="Records that arrived while paused; Resume adds them to the list"
          >
            {counts.waiting}
          </Count>
          <Count
            label="Dropped from the buffer"
            hint={`Older records pushed out: the page keeps the newest ${formatCount(TAIL_BUFFER_RECORDS)}`}
          >
            {counts.dropped}
          </Count>
          <Count
            label="Skipped by the server's cap"
            hint="Records that matched but were over the records-per-second cap"
          >
            {counts.skipped}
          </Count>
          <Count label="Filtered out" hint="Records the server read that did not match the filters">
            {counts.filteredOut}
          </Count>
        </dl>
        <p className={HINT_TEXT}>
          This page keeps the newest {formatCount(TAIL_BUFFER_RECORDS)} records; older ones are dropped from
          it and counted. Received {formatCount(counts.received)} = shown {formatCount(counts.shown)} +
          waiting {formatCount(counts.waiting)} + dropped {formatCount(counts.dropped)}. The server read{' '}
          {formatCount(counts.received + counts.skipped + counts.filteredOut)} records since the start or the
          last clear: {formatCount(counts.received)} sent, {formatCount(counts.skipped)} skipped by the cap of{' '}
          {Number.isFinite(cap) ? formatCount(cap) : '?'} a second, {formatCount(counts.filteredOut)} filtered
          out.
        </p>
      </section>

      {view.paused && (
        <p
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          Paused: the list stays as it is while records keep arriving ({formatCount(counts.waiting)} waiting).
          Resume adds them.
        </p>
      )}

      <LiveRecords
        rows={view.rows}
        selectedSeq={selected?.seq ?? null}
        onSelect={setSelected}
        emptyMessage={running ? 'Waiting for records…' : 'Start the tail to see records as they arrive.'}
      />

      {selected?.record.kind === 'record' ? (
        <RecordDetail key={selected.seq} record={selected.record} onClose={() => setSelected(null)} />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Open a record by its offset to see it in full; it stays here when the list moves on.
        </p>
      )}
    </div>
  );
}

/** The live tail, once the topic's partitions are known (the settings offer them). */
export function LiveTail({ topic }: { topic: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.topics.detail.queryOptions({ topic }));
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
  return <Tail topic={topic} partitions={detail.data.partitions.map((p) => p.partition)} />;
}
