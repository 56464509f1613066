'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ScramCredentialInput, ScramMechanism } from '@sluice/validators';
import { useTRPC } from '~/trpc/react';
import { describedBy, Field } from '../../../_components/field';
import {
  BUTTON,
  DANGER_BUTTON,
  ERROR_TEXT,
  INPUT,
  PRIMARY_BUTTON,
  SUCCESS_TEXT,
} from '../../../_components/form-styles';
import { credentialText, type KafkaUserRow } from './columns';
import { credentialResolver, ITERATIONS_HINT, type CredentialFormValues } from './create-kafka-user-form';

type Outcome = { kind: 'done' | 'failed'; message: string } | null;

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One credential: a new password (with a new salt, and the iterations chosen), or its deletion after a second step. */
function CredentialSection({
  user,
  credential,
  onOutcome,
  onDeleted,
}: {
  user: string;
  credential: KafkaUserRow['credentials'][number];
  onOutcome: (outcome: Outcome) => void;
  onDeleted: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const mechanism = credential.mechanism as ScramMechanism;
  const defaults: CredentialFormValues = {
    user,
    mechanism,
    iterations: String(credential.iterations),
    password: '',
  };
  const form = useForm<CredentialFormValues, unknown, ScramCredentialInput>({
    defaultValues: defaults,
    resolver: credentialResolver,
  });
  const { errors } = form.formState;
  const rotate = useMutation(trpc.kafkaUsers.rotate.mutationOptions());
  const remove = useMutation(trpc.kafkaUsers.delete.mutationOptions());
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const pending = rotate.isPending || remove.isPending;

  const submit = form.handleSubmit(async (input) => {
    onOutcome(null);
    try {
      await rotate.mutateAsync(input);
      form.reset({ ...defaults, iterations: String(input.iterations) });
      onOutcome({
        kind: 'done',
        message: `New ${mechanism} password set for ${user}. Connected clients keep their session until they authenticate again.`,
      });
      await queryClient.invalidateQueries({ queryKey: trpc.kafkaUsers.list.queryKey() });
    } catch (error) {
      onOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  });

  async function confirmDelete() {
    onOutcome(null);
    try {
      await remove.mutateAsync({ user, mechanism });
      onOutcome({ kind: 'done', message: `Deleted the ${mechanism} credential of ${user}.` });
      await onDeleted();
    } catch (error) {
      setConfirmingDelete(false);
      onOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  }

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800"
    >
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        {credentialText(credential)}
      </h3>
      <form
        onSubmit={submit}
        noValidate
        aria-label={`Rotate the ${mechanism} password`}
        className="flex flex-col gap-3"
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={`${id}-password`} label="New password" error={errors.password?.message}>
            <input
              id={`${id}-password`}
              type="password"
              {...form.register('password')}
              autoComplete="new-password"
              disabled={pending}
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={describedBy(`${id}-password`, false, errors.password)}
              className={INPUT}
            />
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
              disabled={pending}
              aria-invalid={errors.iterations ? true : undefined}
              aria-describedby={describedBy(`${id}-iterations`, true, errors.iterations)}
              className={`${INPUT} tabular-nums`}
            />
          </Field>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
            {rotate.isPending ? 'Rotating…' : 'Rotate password'}
          </button>
          {!confirmingDelete && (
            <button
              type="button"
              onClick={() => {
                onOutcome(null);
                setConfirmingDelete(true);
              }}
              disabled={pending}
              className={DANGER_BUTTON}
            >
              Delete credential…
            </button>
          )}
        </div>
      </form>
      {confirmingDelete && (
        <div
          role="alertdialog"
          aria-labelledby={`${id}-confirm`}
          className="flex flex-col gap-3 rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950"
        >
          <p id={`${id}-confirm`} className="text-sm text-red-900 dark:text-red-200">
            Delete the {mechanism} credential of {user}? Clients can no longer authenticate with it; its ACLs
            and quotas stay.
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              autoFocus
              onClick={() => void confirmDelete()}
              disabled={pending}
              className={DANGER_BUTTON}
            >
              {remove.isPending ? 'Deleting…' : `Delete ${mechanism}`}
            </button>
            <button
              type="button"
              onClick={() => setConfirmingDelete(false)}
              disabled={pending}
              className={BUTTON}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/**
 * One SCRAM user in a modal dialog: each of its credentials can get a new password or be deleted. Escape or
 * Close dismisses it, and focus returns where it was. The server's refusals show here with Kafka's error names.
 */
export function ManageKafkaUserDialog({ user, onClose }: { user: KafkaUserRow; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  async function deleted() {
    await queryClient.invalidateQueries({ queryKey: trpc.kafkaUsers.list.queryKey() });
    // The last credential gone, the user is gone from the list: nothing is left to manage here.
    if (user.credentials.length === 1) dialog.current?.close();
  }

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex flex-col gap-4 p-5">
        <h2 id={`${id}-title`} className="text-base font-semibold break-all">
          Manage <span className="font-mono">User:{user.user}</span>
        </h2>
        {user.credentials.map((credential) => (
          <CredentialSection
            key={credential.mechanism}
            user={user.user}
            credential={credential}
            onOutcome={setOutcome}
            onDeleted={deleted}
          />
        ))}
        {outcome?.kind === 'failed' && (
          <p role="alert" className={ERROR_TEXT}>
            {outcome.message}
          </p>
        )}
        <p role="status" className={SUCCESS_TEXT}>
          {outcome?.kind === 'done' ? outcome.message : ''}
        </p>
        <div className="flex justify-end">
          <button type="button" onClick={() => dialog.current?.close()} className={BUTTON}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
