'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useId, useState } from 'react';
import { set, useFieldArray, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import type { ProduceInput } from '@sluice/validators';
import { apiErrorCode } from '~/lib/api-errors';
import { formatCount, formatRecords } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { describedBy, Field } from '~/app/_components/field';
import { PairRow } from '~/app/_components/pair-row';
import { ApiError } from '../../../../../_components/api-error';
import {
  BUTTON,
  ERROR_TEXT,
  HINT_TEXT,
  INPUT,
  LABEL_TEXT,
  PRIMARY_BUTTON,
} from '~/app/_components/form-styles';
import { operatorRoleNeeded, useOperatorAccess } from '../../../_components/operator-access';
import { topicHref } from '../../../_components/topic-links';
import { TopicNotFound } from '../../messages/_components/topic-not-found';
import { LINK } from '../../messages/_components/record-styles';
import { recordHref } from '../../messages/_components/seek';
import {
  checkProduce,
  EMPTY_PRODUCE_FORM,
  jsonProblem,
  summarizeWritten,
  type ProduceFormValues,
  type ProduceTarget,
  type WrittenRange,
} from './produce-values';

function resolverFor(
  topic: string,
  target: ProduceTarget,
): Resolver<ProduceFormValues, unknown, ProduceInput> {
  return (values) => {
    const checked = checkProduce(topic, values, target);
    if (checked.ok) return { values: checked.input, errors: {} };
    const errors: FieldErrors<ProduceFormValues> = {};
    for (const [path, message] of Object.entries(checked.errors))
      set(errors, path, { type: 'validate', message });
    return { values: {}, errors };
  };
}

type Outcome =
  { kind: 'written'; ranges: WrittenRange[]; total: number } | { kind: 'failed'; error: Error } | null;

function rangeText(range: WrittenRange): string {
  return range.count === 1
    ? `partition ${range.partition}, offset ${formatCount(range.firstOffset)}`
    : `partition ${range.partition}, offsets ${formatCount(range.firstOffset)} to ${formatCount(range.lastOffset)}`;
}

/** Where the records went, each run with a link to the browser at its first offset. */
function Written({ topic, ranges, total }: { topic: string; ranges: WrittenRange[]; total: number }) {
  return (
    <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
      <p className="font-semibold">
        Produced {formatRecords(total)} to {topic}
        {ranges.length === 1 ? `: ${rangeText(ranges[0]!)}.` : ':'}
      </p>
      <ul className={ranges.length === 1 ? 'mt-1' : 'mt-1 list-disc pl-5'}>
        {ranges.map((range) => (
          <li key={`${range.partition}:${range.firstOffset}`}>
            {ranges.length > 1 && `${rangeText(range)} · `}
            <Link
              href={recordHref(topic, range.partition, range.firstOffset)}
              className="font-medium underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
            >
              {ranges.length === 1 && range.count === 1
                ? 'Open it in the message browser'
                : `Open partition ${range.partition} at offset ${formatCount(range.firstOffset)}`}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ProduceFields({
  topic,
  partitions,
  compacted,
}: {
  topic: string;
  partitions: number[];
  compacted: boolean;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [resolver] = useState(() => resolverFor(topic, { compacted }));
  const form = useForm<ProduceFormValues, unknown, ProduceInput>({
    defaultValues: EMPTY_PRODUCE_FORM,
    resolver,
  });
  const { register, control, formState } = form;
  const { errors } = formState;
  const headers = useFieldArray({ control, name: 'headers' });
  const [value, nullValue, checkJson, key, partition] = useWatch({
    control,
    name: ['value', 'nullValue', 'checkJson', 'key', 'partition'],
  });
  const produce = useMutation(trpc.messages.produce.mutationOptions());
  const [outcome, setOutcome] = useState<Outcome>(null);

  // What the last attempt said no longer holds once the values change.
  useEffect(() => {
    const subscription = form.watch(() => setOutcome((o) => (o?.kind === 'failed' ? null : o)));
    return () => subscription.unsubscribe();
  }, [form]);

  const onSubmit = form.handleSubmit(async (input) => {
    setOutcome(null);
    try {
      const { written } = await produce.mutateAsync(input);
      setOutcome({ kind: 'written', ranges: summarizeWritten(written), total: written.length });
    } catch (error) {
      setOutcome({ kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
    }
  });

  const liveJsonProblem = checkJson && !nullValue ? jsonProblem(value) : null;
  const partitionHint =
    partition === ''
      ? key === ''
        ? 'Without a key the broker’s partitioner picks one at random.'
        : 'The key’s partition: murmur2 of the key, as Kafka’s producers choose it.'
      : 'Every copy goes to this partition.';

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Produce" className="flex max-w-3xl flex-col gap-6">
      <section
        aria-labelledby={`${id}-record`}
        className="flex flex-col gap-4 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <h2 id={`${id}-record`} className="text-base font-semibold">
          Record
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id={`${id}-partition`}
            label="Partition"
            hint={partitionHint}
            error={errors.partition?.message}
          >
            <select
              id={`${id}-partition`}
              {...register('partition')}
              aria-invalid={errors.partition ? true : undefined}
              aria-describedby={describedBy(`${id}-partition`, true, errors.partition)}
              className={INPUT}
            >
              <option value="">Automatic (by key)</option>
              {partitions.map((p) => (
                <option key={p} value={String(p)}>
                  Partition {p}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={`${id}-key`}
            label="Key"
            hint={
              compacted
                ? 'Required: the topic is compacted, and compaction keeps the latest record of each key. Sent as UTF-8.'
                : 'Empty: no key (null). Sent as UTF-8.'
            }
            error={errors.key?.message}
          >
            <input
              id={`${id}-key`}
              {...register('key')}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={errors.key ? true : undefined}
              aria-describedby={describedBy(`${id}-key`, true, errors.key)}
              className={`${INPUT} font-mono`}
            />
          </Field>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-value`} className={LABEL_TEXT}>
            Value
          </label>
          <textarea
            id={`${id}-value`}
            {...register('value')}
            rows={8}
            disabled={nullValue}
            spellCheck={false}
            aria-invalid={errors.value || liveJsonProblem ? true : undefined}
            aria-describedby={[
              `${id}-value-hint`,
              errors.value || liveJsonProblem ? `${id}-value-error` : null,
            ]
              .filter(Boolean)
              .join(' ')}
            className={`${INPUT} font-mono`}
          />
          <p id={`${id}-value-hint`} className={HINT_TEXT}>
            Sent as UTF-8{nullValue ? '; a tombstone sends no value at all' : ''}.
          </p>
          <div className="flex flex-wrap gap-x-6 gap-y-1">
            <label className="inline-flex items-center gap-2 text-sm">
              <input type="checkbox" {...register('checkJson')} className="size-4 accent-sky-700" />
              Check JSON
            </label>
            <label className="inline-flex items-center gap-2 text-sm">
              <input type="checkbox" {...register('nullValue')} className="size-4 accent-sky-700" />
              Null value (tombstone)
            </label>
          </div>
          <div aria-live="polite">
            {(errors.value?.message ?? liveJsonProblem) ? (
              <p id={`${id}-value-error`} className={ERROR_TEXT}>
                {errors.value?.message ?? `not JSON: ${liveJsonProblem}`}
              </p>
            ) : (
              checkJson &&
              !nullValue && (
                <p className="text-sm text-emerald-800 dark:text-emerald-300">The value is JSON.</p>
              )
            )}
          </div>
        </div>
      </section>

      <section
        aria-labelledby={`${id}-headers`}
        className="flex flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <h2 id={`${id}-headers`} className="text-base font-semibold">
          Headers
        </h2>
        {headers.fields.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">None.</p>}
        {headers.fields.map((row, index) => {
          const keyId = `${id}-header-${row.id}-key`;
          const valueId = `${id}-header-${row.id}-value`;
          const rowErrors = errors.headers?.[index];
          return (
            <PairRow
              key={row.id}
              inputs={[
                {
                  id: keyId,
                  label: `Key of header ${index + 1}`,
                  placeholder: 'key',
                  registration: register(`headers.${index}.key`),
                  error: rowErrors?.key?.message,
                },
                {
                  id: valueId,
                  label: `Value of header ${index + 1}`,
                  placeholder: 'value',
                  registration: register(`headers.${index}.value`),
                  error: rowErrors?.value?.message,
                },
              ]}
              removeLabel={`Remove header ${index + 1}`}
              onRemove={() => headers.remove(index)}
            />
          );
        })}
        <div>
          <button type="button" onClick={() => headers.append({ key: '', value: '' })} className={BUTTON}>
            Add header
          </button>
        </div>
      </section>

      <div className="flex flex-wrap items-end gap-4">
        <div className="w-40">
          <Field
            id={`${id}-copies`}
            label="Copies"
            hint="1 to 1,000, each a record."
            error={errors.copies?.message}
          >
            <input
              id={`${id}-copies`}
              type="number"
              inputMode="numeric"
              min={1}
              max={1000}
              step={1}
              {...register('copies')}
              aria-invalid={errors.copies ? true : undefined}
              aria-describedby={describedBy(`${id}-copies`, true, errors.copies)}
              className={INPUT}
            />
          </Field>
        </div>
        <button type="submit" disabled={produce.isPending} className={`${PRIMARY_BUTTON} mb-5`}>
          {produce.isPending ? 'Producing…' : 'Produce'}
        </button>
      </div>

      {errors.root?.message && (
        <p role="alert" className={ERROR_TEXT}>
          {errors.root.message}
        </p>
      )}
      {outcome?.kind === 'failed' &&
        (apiErrorCode(outcome.error) === 'FORBIDDEN' || apiErrorCode(outcome.error) === 'UNAUTHORIZED' ? (
          <ApiError error={outcome.error} what="this page" />
        ) : (
          <div
            role="alert"
            className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
          >
            <p className="font-semibold">The cluster refused the records</p>
            <p className="mt-1 break-words">{outcome.error.message}</p>
          </div>
        ))}
      <div role="status" className="text-sm">
        {outcome?.kind === 'written' && (
          <Written topic={topic} ranges={outcome.ranges} total={outcome.total} />
        )}
      </div>
    </form>
  );
}

/** The produce form for operators; others are told why they cannot produce, and where they can read instead. */
export function ProduceForm({ topic }: { topic: string }) {
  const trpc = useTRPC();
  const access = useOperatorAccess();
  const detail = useQuery(trpc.topics.detail.queryOptions({ topic }));

  if (access.status === 'denied') {
    return (
      <div
        role="alert"
        className="max-w-2xl rounded-xl border border-amber-300 bg-amber-50 p-5 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
      >
        <p className="font-semibold">Not allowed</p>
        <p className="mt-1">
          {operatorRoleNeeded('Producing records', access.role)} You can still{' '}
          <Link href={topicHref(topic, 'messages')} className={LINK}>
            browse the messages
          </Link>{' '}
          or{' '}
          <Link href={topicHref(topic, 'tail')} className={LINK}>
            tail the topic live
          </Link>
          .
        </p>
      </div>
    );
  }
  if (access.status === 'unknown' || detail.isPending) {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading the topic…
      </p>
    );
  }
  if (detail.isError && !detail.data) {
    if (apiErrorCode(detail.error) === 'NOT_FOUND') return <TopicNotFound topic={topic} />;
    return <ApiError error={detail.error} what="the topic" />;
  }
  const cleanupPolicy = detail.data.configs.find((c) => c.name === 'cleanup.policy')?.value ?? 'delete';
  return (
    <ProduceFields
      topic={topic}
      partitions={detail.data.partitions.map((p) => p.partition)}
      compacted={cleanupPolicy.split(',').includes('compact')}
    />
  );
}
