'use client';

import { Field } from '~/app/_components/field';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { DataTable } from '@sluice/ui';
import { parseIsoDuration, type OffsetResetInput } from '@sluice/validators';
import { formatDuration } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import {
  BUTTON,
  DANGER_BUTTON,
  ERROR_TEXT,
  INPUT,
  PRIMARY_BUTTON,
  SUCCESS_TEXT,
} from '../../../../_components/form-styles';
import { resetColumns, type ResetRow } from './reset-columns';
import {
  checkOffsetReset,
  EMPTY_RESET_FORM,
  RESET_TARGETS,
  type ResetField,
  type ResetFormErrors,
  type ResetFormValues,
} from './reset-offsets-values';

/** Kafka resets the offsets of a group no consumer is in: Empty, or Dead (unknown to the coordinator). */
const RESETTABLE_STATES = new Set(['Empty', 'Dead']);
const resetRowId = (row: ResetRow) => `${row.topic}/${row.partition}`;
const PREVIEW_ORDER = [
  { id: 'topic', desc: false },
  { id: 'partition', desc: false },
];
const partitionsText = (n: number) => `${n} ${n === 1 ? 'partition' : 'partitions'}`;
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Preview {
  input: OffsetResetInput;
  rows: ResetRow[];
}

/** aria attributes of a field's control: invalid with its error, described by its hint and error. */
function fieldAria(id: string, hint: boolean, error: string | undefined) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined };
}

/**
 * An offset reset as kafka-consumer-groups --reset-offsets does it: choose the partitions and where to, preview
 * (the dry run shows each partition's current and new offset), then apply after confirming. The API re-plans
 * when applying, so what is committed follows the logs at that moment (a latest reset includes records that
 * arrived since the preview).
 */
export function ResetOffsets({
  groupId,
  state,
  memberCount,
  topics,
}: {
  groupId: string;
  state: string;
  memberCount: number;
  /** The topics the group has partitions in, offered for a one-topic reset. */
  topics: string[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [values, setValues] = useState<ResetFormValues>(EMPTY_RESET_FORM);
  const [errors, setErrors] = useState<ResetFormErrors>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reset = useMutation(trpc.groups.resetOffsets.mutationOptions());
  // The confirmation takes focus and goes away when answered; focus comes back to where the step began.
  const applyButton = useRef<HTMLButtonElement>(null);

  /** A change to the form makes the preview (and what was said about it) no longer the reset in the form. */
  function update(patch: Partial<ResetFormValues>) {
    setValues((previous) => ({ ...previous, ...patch }));
    setErrors((previous) => {
      const next = { ...previous };
      for (const key of Object.keys(patch)) delete next[key as ResetField];
      delete next.form;
      return next;
    });
    setPreview(null);
    setConfirming(false);
    setProblem(null);
    setDone(null);
  }

  async function runPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    setPreview(null);
    const checked = checkOffsetReset(groupId, values);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    try {
      const result = await reset.mutateAsync({ ...checked.input, execute: false });
      setPreview({ input: checked.input, rows: result.rows });
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  function closeConfirmation() {
    setConfirming(false);
    requestAnimationFrame(() => applyButton.current?.focus());
  }

  async function apply() {
    if (!preview) return;
    try {
      const result = await reset.mutateAsync({ ...preview.input, execute: true });
      setPreview(null);
      setConfirming(false);
      setDone(`Committed new offsets for ${partitionsText(result.rows.length)} of ${groupId}.`);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.groups.detail.queryKey({ groupId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.groups.list.queryKey() }),
      ]);
    } catch (error) {
      setProblem(errorMessage(error));
      closeConfirmation();
    }
  }

  const durationMs = values.target === 'duration' ? parseIsoDuration(values.duration) : null;
  const locked = reset.isPending || confirming;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Moves the group’s committed offsets, as kafka-consumer-groups --reset-offsets does: its consumers
        start from them when they join again. Preview shows what would change; nothing is committed until you
        apply.
      </p>
      {!RESETTABLE_STATES.has(state) && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          The group is {state} with {memberCount} {memberCount === 1 ? 'member' : 'members'}: Kafka resets the
          offsets of an inactive group only (Empty). Stop its consumers first.
        </p>
      )}
      <form onSubmit={runPreview} noValidate aria-label="Reset offsets" className="flex flex-col gap-4">
        <fieldset className="flex flex-col gap-2" disabled={locked}>
          <legend className="mb-1 text-sm font-medium">Partitions</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${id}-scope`}
              value="all-topics"
              checked={values.scope === 'all-topics'}
              onChange={() => update({ scope: 'all-topics' })}
            />
            Every partition the group has committed offsets for
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${id}-scope`}
              value="topic"
              checked={values.scope === 'topic'}
              onChange={() => update({ scope: 'topic' })}
            />
            One topic
          </label>
          {values.scope === 'topic' && (
            <div className="grid gap-4 pl-6 sm:grid-cols-2">
              <Field id={`${id}-topic`} label="Topic" error={errors.topic}>
                <input
                  id={`${id}-topic`}
                  list={`${id}-topics`}
                  value={values.topic}
                  onChange={(event) => update({ topic: event.target.value })}
                  autoComplete="off"
                  spellCheck={false}
                  {...fieldAria(`${id}-topic`, false, errors.topic)}
                  className={`${INPUT} font-mono`}
                />
                <datalist id={`${id}-topics`}>
                  {topics.map((topic) => (
                    <option key={topic} value={topic} />
                  ))}
                </datalist>
              </Field>
              <Field
                id={`${id}-partitions`}
                label="Partition numbers (optional)"
                hint="E.g. 0, 2; every partition of the topic when empty."
                error={errors.partitions}
              >
                <input
                  id={`${id}-partitions`}
                  value={values.partitions}
                  onChange={(event) => update({ partitions: event.target.value })}
                  inputMode="numeric"
                  autoComplete="off"
                  {...fieldAria(`${id}-partitions`, true, errors.partitions)}
                  className={INPUT}
                />
              </Field>
            </div>
          )}
        </fieldset>

        <fieldset className="grid gap-4 sm:grid-cols-2" disabled={locked}>
          <legend className="sr-only">New offsets</legend>
          <Field id={`${id}-target`} label="Reset to" error={undefined}>
            <select
              id={`${id}-target`}
              value={values.target}
              onChange={(event) => update({ target: event.target.value as ResetFormValues['target'] })}
              className={INPUT}
            >
              {RESET_TARGETS.map(({ kind, label }) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          {values.target === 'offset' && (
            <Field
              id={`${id}-offset`}
              label="Offset"
              hint="Outside a partition’s log, the nearer end is used."
              error={errors.offset}
            >
              <input
                id={`${id}-offset`}
                value={values.offset}
                onChange={(event) => update({ offset: event.target.value })}
                inputMode="numeric"
                autoComplete="off"
                {...fieldAria(`${id}-offset`, true, errors.offset)}
                className={INPUT}
              />
            </Field>
          )}
          {values.target === 'shift-by' && (
            <Field
              id={`${id}-shift`}
              label="Shift by"
              hint="Negative moves back (re-reads records), positive skips ahead; from the committed offset."
              error={errors.shift}
            >
              <input
                id={`${id}-shift`}
                value={values.shift}
                onChange={(event) => update({ shift: event.target.value })}
                autoComplete="off"
                {...fieldAria(`${id}-shift`, true, errors.shift)}
                className={INPUT}
              />
            </Field>
          )}
          {values.target === 'datetime' && (
            <Field
              id={`${id}-datetime`}
              label="Date and time"
              hint="In your browser’s time zone: the first record at or after it; the log end after the last."
              error={errors.datetime}
            >
              <input
                id={`${id}-datetime`}
                type="datetime-local"
                step={1}
                value={values.datetime}
                onChange={(event) => update({ datetime: event.target.value })}
                {...fieldAria(`${id}-datetime`, true, errors.datetime)}
                className={INPUT}
              />
            </Field>
          )}
          {values.target === 'duration' && (
            <Field
              id={`${id}-duration`}
              label="Duration ago"
              hint={
                durationMs === null
                  ? 'ISO-8601, as --by-duration takes it: PT30M, PT1H30M, P1D.'
                  : `That is ${formatDuration(durationMs / 1000)} before now: the first record at or after then.`
              }
              error={errors.duration}
            >
              <input
                id={`${id}-duration`}
                value={values.duration}
                onChange={(event) => update({ duration: event.target.value })}
                autoComplete="off"
                spellCheck={false}
                {...fieldAria(`${id}-duration`, true, errors.duration)}
                className={`${INPUT} font-mono`}
              />
            </Field>
          )}
        </fieldset>
        {errors.form && <p className={ERROR_TEXT}>{errors.form}</p>}
        <div>
          <button type="submit" disabled={locked} className={BUTTON}>
            {reset.isPending && !preview ? 'Previewing…' : 'Preview'}
          </button>
        </div>
      </form>

      {problem && (
        <p role="alert" className={ERROR_TEXT}>
          {problem}
        </p>
      )}

      {preview && (
        <section aria-labelledby={`${id}-preview`} className="flex flex-col gap-3">
          <h3 id={`${id}-preview`} className="text-sm font-semibold">
            Preview: {partitionsText(preview.rows.length)}, nothing committed yet
          </h3>
          <DataTable
            data={preview.rows}
            columns={resetColumns}
            getRowId={resetRowId}
            label="Offset reset preview"
            filterLabel="Filter the preview"
            rowNoun={['partition', 'partitions']}
            initialSorting={PREVIEW_ORDER}
            scrollAreaClassName="max-h-[50vh]"
            emptyMessage="Nothing to reset: the group has no committed offsets to move. Choose a topic to set offsets it never committed."
          />
          {confirming ? (
            <div
              role="alertdialog"
              aria-labelledby={`${id}-confirm`}
              className="flex flex-col gap-3 rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950"
            >
              <p id={`${id}-confirm`} className="text-sm text-red-900 dark:text-red-200">
                Commit the new offsets of {partitionsText(preview.rows.length)} for {groupId}? Its consumers
                skip or re-read records from there; the old offsets are not kept.
              </p>
              <div className="flex gap-2">
                <button
                  type="button"
                  autoFocus
                  onClick={() => void apply()}
                  disabled={reset.isPending}
                  className={DANGER_BUTTON}
                >
                  {reset.isPending ? 'Applying…' : 'Apply reset'}
                </button>
                <button
                  type="button"
                  onClick={closeConfirmation}
                  disabled={reset.isPending}
                  className={BUTTON}
                >
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <div>
              <button
                ref={applyButton}
                type="button"
                onClick={() => {
                  setProblem(null);
                  setConfirming(true);
                }}
                disabled={preview.rows.length === 0}
                className={PRIMARY_BUTTON}
              >
                Apply…
              </button>
            </div>
          )}
        </section>
      )}
      <p role="status" className={SUCCESS_TEXT}>
        {done ?? ''}
      </p>
    </div>
  );
}
