'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useState } from 'react';
import { set, useFieldArray, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { RETENTION_PRESETS, type CreateTopicInput } from '@sluice/validators';
import { formatDuration } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { describedBy, Field } from '~/app/_components/field';
import { PairRow } from '~/app/_components/pair-row';
import { ApiError } from '~/app/_components/api-error';
import { BUTTON, INPUT, PRIMARY_BUTTON } from '~/app/_components/form-styles';
import { operatorRoleNeeded, useOperatorAccess } from '../../topics/_components/operator-access';
import { topicHref } from '../../topics/_components/topic-links';
import {
  checkCreateTopic,
  CLEANUP_POLICIES,
  CUSTOM_RETENTION,
  DEFAULT_RETENTION,
  EMPTY_CREATE_TOPIC_FORM,
  type CreateTopicFormValues,
} from './create-topic-values';

/** The form's checks are the shared schema's, run on the values as typed (see create-topic-values.ts). */
function resolverFor(liveBrokers: number): Resolver<CreateTopicFormValues, unknown, CreateTopicInput> {
  return (values) => {
    const checked = checkCreateTopic(values, liveBrokers);
    if (checked.ok) return { values: checked.input, errors: {} };
    const errors: FieldErrors<CreateTopicFormValues> = {};
    for (const [path, message] of Object.entries(checked.errors))
      set(errors, path, { type: 'validate', message });
    return { values: {}, errors };
  };
}

type Outcome = { kind: 'valid'; input: CreateTopicInput } | { kind: 'failed'; message: string } | null;

function CreateTopicFields({ liveBrokers }: { liveBrokers: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const id = useId();
  const resolver = useMemo(() => resolverFor(liveBrokers), [liveBrokers]);
  const form = useForm<CreateTopicFormValues, unknown, CreateTopicInput>({
    defaultValues: EMPTY_CREATE_TOPIC_FORM,
    resolver,
  });
  const { register, control, formState } = form;
  const { errors } = formState;
  const otherConfigs = useFieldArray({ control, name: 'otherConfigs' });
  const retention = useWatch({ control, name: 'retention' });
  const customRetention = useWatch({ control, name: 'customRetentionMs' });
  const create = useMutation(trpc.topics.create.mutationOptions());
  const [pendingAction, setPendingAction] = useState<'validate' | 'create' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  // What the last validation or attempt said no longer holds once the values change.
  useEffect(() => {
    const subscription = form.watch(() => setOutcome(null));
    return () => subscription.unsubscribe();
  }, [form]);

  const submit = (validateOnly: boolean) =>
    form.handleSubmit(async (input) => {
      setOutcome(null);
      setPendingAction(validateOnly ? 'validate' : 'create');
      try {
        await create.mutateAsync({ ...input, validateOnly });
        if (validateOnly) {
          setOutcome({ kind: 'valid', input });
          return;
        }
        await queryClient.invalidateQueries({ queryKey: trpc.topics.list.queryKey() });
        router.push(topicHref(input.name));
      } catch (error) {
        setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      } finally {
        setPendingAction(null);
      }
    });

  const customMs = Number(customRetention);
  const customHint =
    retention === CUSTOM_RETENTION && /^\d+$/.test(customRetention.trim()) && customMs > 0
      ? `That is ${formatDuration(customMs / 1000)}.`
      : 'Milliseconds; -1 keeps records forever.';

  return (
    <form
      onSubmit={submit(false)}
      noValidate
      aria-label="Create topic"
      className="flex max-w-3xl flex-col gap-6"
    >
      <section
        aria-labelledby={`${id}-basics`}
        className="flex flex-col gap-4 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <h2 id={`${id}-basics`} className="text-base font-semibold">
          Topic
        </h2>
        <Field
          id={`${id}-name`}
          label="Name"
          hint="Letters, digits, “.”, “_” and “-”, at most 249 characters."
          error={errors.name?.message}
        >
          <input
            id={`${id}-name`}
            {...register('name')}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy(`${id}-name`, true, errors.name)}
            className={`${INPUT} font-mono`}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id={`${id}-partitions`}
            label="Partitions"
            hint="How many consumers of a group can read at once. Partitions can be added later, never removed."
            error={errors.partitions?.message}
          >
            <input
              id={`${id}-partitions`}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              {...register('partitions')}
              aria-invalid={errors.partitions ? true : undefined}
              aria-describedby={describedBy(`${id}-partitions`, true, errors.partitions)}
              className={INPUT}
            />
          </Field>
          <Field
            id={`${id}-replication`}
            label="Replication factor"
            hint={`Copies of each partition, on different brokers: at most the ${liveBrokers} live broker${liveBrokers === 1 ? '' : 's'}.`}
            error={errors.replicationFactor?.message}
          >
            <input
              id={`${id}-replication`}
              type="number"
              inputMode="numeric"
              min={1}
              max={liveBrokers}
              step={1}
              {...register('replicationFactor', { deps: ['minInsyncReplicas'] })}
              aria-invalid={errors.replicationFactor ? true : undefined}
              aria-describedby={describedBy(`${id}-replication`, true, errors.replicationFactor)}
              className={INPUT}
            />
          </Field>
        </div>
      </section>

      <section
        aria-labelledby={`${id}-configs`}
        className="flex flex-col gap-4 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <div>
          <h2 id={`${id}-configs`} className="text-base font-semibold">
            Configs
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Left at the cluster default, a config follows the broker’s setting; set here, it becomes the
            topic’s own (source TOPIC_CONFIG).
          </p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id={`${id}-cleanup`}
            label="cleanup.policy"
            hint="What happens to old records."
            error={errors.cleanupPolicy?.message}
          >
            <select
              id={`${id}-cleanup`}
              {...register('cleanupPolicy')}
              aria-invalid={errors.cleanupPolicy ? true : undefined}
              aria-describedby={describedBy(`${id}-cleanup`, true, errors.cleanupPolicy)}
              className={INPUT}
            >
              <option value="">Cluster default</option>
              {CLEANUP_POLICIES.map((policy) => (
                <option key={policy.value} value={policy.value}>
                  {policy.label}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={`${id}-min-isr`}
            label="min.insync.replicas"
            hint="Replicas that must have a write before an acks=all produce succeeds; at most the replication factor."
            error={errors.minInsyncReplicas?.message}
          >
            <input
              id={`${id}-min-isr`}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              placeholder="Cluster default"
              {...register('minInsyncReplicas', { deps: ['replicationFactor'] })}
              aria-invalid={errors.minInsyncReplicas ? true : undefined}
              aria-describedby={describedBy(`${id}-min-isr`, true, errors.minInsyncReplicas)}
              className={INPUT}
            />
          </Field>
          <Field
            id={`${id}-retention`}
            label="Retention (retention.ms)"
            hint="How long records are kept before a delete policy drops them."
            error={errors.retention?.message}
          >
            <select
              id={`${id}-retention`}
              {...register('retention')}
              aria-invalid={errors.retention ? true : undefined}
              aria-describedby={describedBy(`${id}-retention`, true, errors.retention)}
              className={INPUT}
            >
              <option value={DEFAULT_RETENTION}>Cluster default</option>
              {RETENTION_PRESETS.map((preset) => (
                <option key={preset.ms} value={String(preset.ms)}>
                  {preset.label}
                </option>
              ))}
              <option value={CUSTOM_RETENTION}>Custom…</option>
            </select>
          </Field>
          {retention === CUSTOM_RETENTION && (
            <Field
              id={`${id}-retention-ms`}
              label="Custom retention.ms"
              hint={customHint}
              error={errors.customRetentionMs?.message}
            >
              <input
                id={`${id}-retention-ms`}
                inputMode="numeric"
                {...register('customRetentionMs')}
                autoComplete="off"
                aria-invalid={errors.customRetentionMs ? true : undefined}
                aria-describedby={describedBy(`${id}-retention-ms`, true, errors.customRetentionMs)}
                className={INPUT}
              />
            </Field>
          )}
        </div>

        <fieldset className="flex flex-col gap-3">
          <legend className="text-sm font-medium">Other configs</legend>
          {otherConfigs.fields.length === 0 && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              None. Add any topic config by its Kafka name, e.g. max.message.bytes or segment.ms.
            </p>
          )}
          {otherConfigs.fields.map((row, index) => {
            const nameId = `${id}-config-${row.id}-name`;
            const valueId = `${id}-config-${row.id}-value`;
            const rowErrors = errors.otherConfigs?.[index];
            return (
              <PairRow
                key={row.id}
                inputs={[
                  {
                    id: nameId,
                    label: `Name of config ${index + 1}`,
                    placeholder: 'name, e.g. max.message.bytes',
                    registration: register(`otherConfigs.${index}.name`),
                    error: rowErrors?.name?.message,
                  },
                  {
                    id: valueId,
                    label: `Value of config ${index + 1}`,
                    placeholder: 'value',
                    registration: register(`otherConfigs.${index}.value`),
                    error: rowErrors?.value?.message,
                  },
                ]}
                removeLabel={`Remove config ${index + 1}`}
                onRemove={() => otherConfigs.remove(index)}
              />
            );
          })}
          <div>
            <button
              type="button"
              onClick={() => otherConfigs.append({ name: '', value: '' })}
              className={BUTTON}
            >
              Add config
            </button>
          </div>
        </fieldset>
      </section>

      {errors.root?.message && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors.root.message}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <div
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          <p className="font-semibold">The cluster refused the topic</p>
          <p className="mt-1 break-words">{outcome.message}</p>
        </div>
      )}
      <div role="status" className="text-sm">
        {outcome?.kind === 'valid' && (
          <p className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
            <span className="font-semibold">Valid:</span> the cluster would create {outcome.input.name} with{' '}
            {outcome.input.partitions} partition{outcome.input.partitions === 1 ? '' : 's'} and replication
            factor {outcome.input.replicationFactor}. Nothing was created.
          </p>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pendingAction !== null} className={PRIMARY_BUTTON}>
          {pendingAction === 'create' ? 'Creating…' : 'Create'}
        </button>
        <button type="button" onClick={submit(true)} disabled={pendingAction !== null} className={BUTTON}>
          {pendingAction === 'validate' ? 'Validating…' : 'Validate only'}
        </button>
        <Link
          href="/topics"
          className="text-sm font-medium text-sky-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300"
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}

/** The form, once the cluster has said how many brokers are live (the replication factor's limit). */
export function CreateTopicForm() {
  const trpc = useTRPC();
  const access = useOperatorAccess();
  const overview = useQuery(trpc.cluster.overview.queryOptions());

  if (access.status === 'denied') {
    return (
      <div role="alert" className="max-w-2xl text-sm">
        <p className="font-semibold">Not allowed</p>
        <p className="mt-1 text-zinc-700 dark:text-zinc-300">
          {operatorRoleNeeded('Creating topics', access.role)}{' '}
          <Link href="/topics" className="font-medium text-sky-800 underline dark:text-sky-300">
            All topics
          </Link>
        </p>
      </div>
    );
  }
  if (overview.isPending) {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading the cluster…
      </p>
    );
  }
  if (overview.isError) return <ApiError error={overview.error} what="the cluster" />;
  return <CreateTopicFields liveBrokers={overview.data.brokers.length} />;
}
