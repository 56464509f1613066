'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { Card } from '@sluice/ui';
import { createUserInput, USER_ROLES, type CreateUserInput } from '@sluice/validators';
import { useTRPC } from '~/trpc/react';
import { ERROR_TEXT, HINT_TEXT, INPUT, PRIMARY_BUTTON, SUCCESS_TEXT } from '../../../_components/form-styles';
import { aRole } from '../../../_components/role-access';

/** The form checks what the API checks: the shared schema, each field's first problem under it. */
const resolver: Resolver<CreateUserInput> = (values) => {
  const parsed = createUserInput.safeParse(values);
  if (parsed.success) return { values: parsed.data, errors: {} };
  const errors: FieldErrors<CreateUserInput> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'username' || field === 'password' || field === 'role')
      errors[field] ??= { type: issue.code, message: issue.message };
  }
  return { values: {}, errors };
};

const EMPTY: CreateUserInput = { username: '', password: '', role: 'viewer' };

export function CreateUserForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const form = useForm<CreateUserInput>({ defaultValues: EMPTY, resolver });
  const { errors } = form.formState;
  const create = useMutation(trpc.users.create.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = form.handleSubmit(async (input) => {
    setProblem(null);
    setDone(null);
    try {
      const user = await create.mutateAsync(input);
      form.reset(EMPTY);
      setDone(`Added ${user.username} as ${aRole(user.role)}.`);
      await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  });

  const described = (field: keyof CreateUserInput, hint: boolean) =>
    [hint ? `${id}-${field}-hint` : null, errors[field] ? `${id}-${field}-error` : null]
      .filter(Boolean)
      .join(' ') || undefined;
  const fieldError = (field: keyof CreateUserInput) =>
    errors[field]?.message && (
      <p id={`${id}-${field}-error`} className={ERROR_TEXT}>
        {errors[field].message}
      </p>
    );

  return (
    <Card title="Add a user">
      <form onSubmit={submit} noValidate aria-label="Add a user" className="flex flex-col gap-4">
        <div className="grid gap-4 md:grid-cols-[1fr_1fr_12rem]">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-username`} className="text-sm font-medium">
              Username
            </label>
            <input
              id={`${id}-username`}
              {...form.register('username', { onChange: () => setDone(null) })}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={errors.username ? true : undefined}
              aria-describedby={described('username', true)}
              className={`${INPUT} font-mono`}
            />
            <p id={`${id}-username-hint`} className={HINT_TEXT}>
              Letters, digits, “.”, “_”, “@” and “-”.
            </p>
            {fieldError('username')}
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-password`} className="text-sm font-medium">
              Password
            </label>
            <input
              id={`${id}-password`}
              type="password"
              {...form.register('password')}
              autoComplete="new-password"
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={described('password', true)}
              className={INPUT}
            />
            <p id={`${id}-password-hint`} className={HINT_TEXT}>
              At least 12 characters. Tell it to the user yourself: the console never shows it again.
            </p>
            {fieldError('password')}
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-role`} className="text-sm font-medium">
              Role
            </label>
            <select
              id={`${id}-role`}
              {...form.register('role')}
              aria-invalid={errors.role ? true : undefined}
              aria-describedby={described('role', false)}
              className={INPUT}
            >
              {USER_ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
            {fieldError('role')}
          </div>
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
            {form.formState.isSubmitting ? 'Adding…' : 'Add user'}
          </button>
        </div>
      </form>
    </Card>
  );
}
