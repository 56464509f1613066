'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { Card } from '@sluice/ui';
import { CLIENT_QUOTA_KEYS, type CreateClientQuotaInput } from '@sluice/validators';
import { useTRPC } from '~/trpc/react';
import { describedBy, Field } from '../../../_components/field';
import { ERROR_TEXT, HINT_TEXT, INPUT, PRIMARY_BUTTON, SUCCESS_TEXT } from '../../../_components/form-styles';
import {
  checkCreateQuota,
  EMPTY_CREATE_QUOTA_FORM,
  ENTITY_KINDS,
  QUOTA_FIELDS,
  type CreateQuotaFormValues,
} from './quota-values';

const resolver: Resolver<CreateQuotaFormValues, unknown, CreateClientQuotaInput> = (values) => {
  const checked = checkCreateQuota(values);
  if (checked.ok) return { values: checked.input, errors: {} };
  const errors: Record<string, { type: string; message: string }> = {};
  for (const [field, message] of Object.entries(checked.errors)) errors[field] = { type: 'schema', message };
  return { values: {}, errors: errors as FieldErrors<CreateQuotaFormValues> };
};

/** A name, or the type's `<default>` (which holds every user, or client-id, without a quota of its own). */
function EntityNameField({
  form,
  id,
  name,
  defaultName,
  label,
  defaultLabel,
  error,
}: {
  form: ReturnType<typeof useForm<CreateQuotaFormValues, unknown, CreateClientQuotaInput>>;
  id: string;
  name: 'user' | 'clientId';
  defaultName: 'userDefault' | 'clientDefault';
  label: string;
  defaultLabel: string;
  error: string | undefined;
}) {
  const isDefault = form.watch(defaultName);
  return (
    <div className="flex flex-col gap-2">
      <Field id={`${id}-${name}`} label={label} error={error}>
        <input
          id={`${id}-${name}`}
          {...form.register(name)}
          disabled={isDefault}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`${id}-${name}`, false, error)}
          className={`${INPUT} font-mono`}
        />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register(defaultName)} className="size-4 accent-sky-700" />
        {defaultLabel}
      </label>
    </div>
  );
}

/** Quotas for a user, a client-id or a user's client-id (or their defaults) that has none yet. */
export function CreateQuotaForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const form = useForm<CreateQuotaFormValues, unknown, CreateClientQuotaInput>({
    defaultValues: EMPTY_CREATE_QUOTA_FORM,
    resolver,
  });
  const { errors } = form.formState;
  const kind = form.watch('kind');
  const create = useMutation(trpc.quotas.create.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = form.handleSubmit(async (input) => {
    setProblem(null);
    setDone(null);
    try {
      const { label } = await create.mutateAsync(input);
      form.reset(EMPTY_CREATE_QUOTA_FORM);
      setDone(`Quotas set for ${label}. Every broker enforces them from its next metadata update.`);
      await queryClient.invalidateQueries({ queryKey: trpc.quotas.list.queryKey() });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  });

  return (
    <Card title="Add a quota">
      <form onSubmit={submit} noValidate aria-label="Add a quota" className="flex flex-col gap-4">
        <div className="grid gap-4 md:grid-cols-3">
          <Field id={`${id}-kind`} label="Entity" error={errors.kind?.message}>
            <select id={`${id}-kind`} {...form.register('kind')} className={INPUT}>
              {ENTITY_KINDS.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          {kind !== 'client-id' && (
            <EntityNameField
              form={form}
              id={id}
              name="user"
              defaultName="userDefault"
              label="User"
              defaultLabel="Default user (<default>)"
              error={errors.user?.message}
            />
          )}
          {kind !== 'user' && (
            <EntityNameField
              form={form}
              id={id}
              name="clientId"
              defaultName="clientDefault"
              label="Client-id"
              defaultLabel="Default client-id (<default>)"
              error={errors.clientId?.message}
            />
          )}
        </div>
        <fieldset className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          <legend className="mb-2 text-sm font-medium">Quotas (leave empty for none)</legend>
          {CLIENT_QUOTA_KEYS.map((key) => (
            <Field
              key={key}
              id={`${id}-${key}`}
              label={<span className="font-mono">{key}</span>}
              hint={`${QUOTA_FIELDS[key].hint} (${QUOTA_FIELDS[key].unit})`}
              error={errors[key]?.message}
            >
              <input
                id={`${id}-${key}`}
                {...form.register(key)}
                inputMode="decimal"
                autoComplete="off"
                aria-invalid={errors[key] ? true : undefined}
                aria-describedby={describedBy(`${id}-${key}`, true, errors[key])}
                className={`${INPUT} tabular-nums`}
              />
            </Field>
          ))}
        </fieldset>
        <p className={HINT_TEXT}>
          A client is held by the most specific quota that matches it: its user&apos;s client-id, then its
          user, then the defaults, then its client-id (Kafka&apos;s precedence).
        </p>
        {(errors.root?.message ?? problem) && (
          <p role="alert" className={ERROR_TEXT}>
            {errors.root?.message ?? problem}
          </p>
        )}
        <p role="status" className={SUCCESS_TEXT}>
          {done ?? ''}
        </p>
        <div>
          <button type="submit" disabled={form.formState.isSubmitting} className={PRIMARY_BUTTON}>
            {form.formState.isSubmitting ? 'Adding…' : 'Add quota'}
          </button>
        </div>
      </form>
    </Card>
  );
}
