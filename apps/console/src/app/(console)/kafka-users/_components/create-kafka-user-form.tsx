'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Card } from '@sluice/ui';
import {
  SCRAM_DEFAULT_ITERATIONS,
  SCRAM_MAX_ITERATIONS,
  SCRAM_MECHANISMS,
  SCRAM_MIN_ITERATIONS,
  scramCredentialInput,
  type ScramCredentialInput,
  type ScramMechanism,
} from '@sluice/validators';
import { useTRPC } from '~/trpc/react';
import { describedBy, Field } from '../../../_components/field';
import { ERROR_TEXT, INPUT, PRIMARY_BUTTON, SUCCESS_TEXT } from '../../../_components/form-styles';
import { schemaResolver } from '../../../_components/schema-resolver';

export interface CredentialFormValues {
  user: string;
  mechanism: ScramMechanism;
  /** As typed: the schema says what is wrong with it. */
  iterations: string;
  password: string;
}

export function credentialInput(values: CredentialFormValues) {
  const iterations = values.iterations.trim();
  return { ...values, iterations: iterations === '' ? Number.NaN : Number(iterations) };
}

const FIELDS = ['user', 'mechanism', 'iterations', 'password'] as const;

export const credentialResolver = schemaResolver<CredentialFormValues, ScramCredentialInput>(
  scramCredentialInput,
  credentialInput,
  (path) => FIELDS.find((field) => field === path[0]) ?? null,
);

const EMPTY: CredentialFormValues = {
  user: '',
  mechanism: 'SCRAM-SHA-256',
  iterations: String(SCRAM_DEFAULT_ITERATIONS),
  password: '',
};

export const ITERATIONS_HINT = `${SCRAM_MIN_ITERATIONS.toLocaleString('en-US')} to ${SCRAM_MAX_ITERATIONS.toLocaleString('en-US')}, Kafka's bounds; ${SCRAM_DEFAULT_ITERATIONS.toLocaleString('en-US')} is what Kafka's tools use.`;

/**
 * Adds a SCRAM user (one mechanism's credential). The password goes to the console's server, which salts and
 * hashes it as Kafka's Admin client does and sends only that to the cluster; it is never shown again.
 */
export function CreateKafkaUserForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const form = useForm<CredentialFormValues, unknown, ScramCredentialInput>({
    defaultValues: EMPTY,
    resolver: credentialResolver,
  });
  const { errors } = form.formState;
  const create = useMutation(trpc.kafkaUsers.create.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = form.handleSubmit(async (input) => {
    setProblem(null);
    setDone(null);
    try {
      await create.mutateAsync(input);
      form.reset(EMPTY);
      setDone(
        `Added ${input.user} with a ${input.mechanism} credential: clients authenticate as User:${input.user}.`,
      );
      await queryClient.invalidateQueries({ queryKey: trpc.kafkaUsers.list.queryKey() });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  });

  return (
    <Card title="Add a SCRAM user">
      <form onSubmit={submit} noValidate aria-label="Add a SCRAM user" className="flex flex-col gap-4">
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          <Field
            id={`${id}-user`}
            label="User name"
            hint="The principal is User:<name>."
            error={errors.user?.message}
          >
            <input
              id={`${id}-user`}
              {...form.register('user', { onChange: () => setDone(null) })}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={errors.user ? true : undefined}
              aria-describedby={describedBy(`${id}-user`, true, errors.user)}
              className={`${INPUT} font-mono`}
            />
          </Field>
          <Field id={`${id}-mechanism`} label="Mechanism" error={errors.mechanism?.message}>
            <select
              id={`${id}-mechanism`}
              {...form.register('mechanism')}
              aria-invalid={errors.mechanism ? true : undefined}
              aria-describedby={describedBy(`${id}-mechanism`, false, errors.mechanism)}
              className={INPUT}
            >
              {SCRAM_MECHANISMS.map((mechanism) => (
                <option key={mechanism} value={mechanism}>
                  {mechanism}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={`${id}-iterations`}
            label="Iterations"
            hint={ITERATIONS_HINT}
            error={errors.iterations?.message}
          >
            <input
              id={`${id}-iterations`}
              {...form.register('iterations')}
              inputMode="numeric"
              autoComplete="off"
              aria-invalid={errors.iterations ? true : undefined}
              aria-describedby={describedBy(`${id}-iterations`, true, errors.iterations)}
              className={`${INPUT} tabular-nums`}
            />
          </Field>
          <Field
            id={`${id}-password`}
            label="Password"
            hint="Salted and hashed by the console's server; never shown or stored."
            error={errors.password?.message}
          >
            <input
              id={`${id}-password`}
              type="password"
              {...form.register('password')}
              autoComplete="new-password"
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={describedBy(`${id}-password`, true, errors.password)}
              className={INPUT}
            />
          </Field>
        </div>
        {problem && (
          <p role="alert" className={ERROR_TEXT}>
            {problem}
          </p>
        )}
        <p role="status" className={SUCCESS_TEXT}>
          {done ?? ''}
        </p>
        <div>
          <button type="submit" disabled={form.formState.isSubmitting} className={PRIMARY_BUTTON}>
            {form.formState.isSubmitting ? 'Adding…' : 'Add SCRAM user'}
          </button>
        </div>
      </form>
    </Card>
  );
}
