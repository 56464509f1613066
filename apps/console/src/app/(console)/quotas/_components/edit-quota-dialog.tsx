'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CLIENT_QUOTA_KEYS, type ClientQuotaKey } from '@sluice/validators';
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
import type { QuotaRow } from './columns';
import { checkEditQuota, QUOTA_FIELDS, quotaTexts, type QuotaTexts } from './quota-values';

type Outcome = { kind: 'done' | 'failed'; message: string } | null;

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One entity's quotas in a modal dialog: change values (an emptied field removes that quota), or delete them all
 * after a second step. Escape or Close dismisses it, and focus returns where it was.
 */
export function EditQuotaDialog({ row, onClose }: { row: QuotaRow; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [texts, setTexts] = useState<QuotaTexts>(() => quotaTexts(row.quotas));
  const [errors, setErrors] = useState<Partial<Record<ClientQuotaKey | 'root', string>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const edit = useMutation(trpc.quotas.edit.mutationOptions());
  const remove = useMutation(trpc.quotas.delete.mutationOptions());
  const pending = edit.isPending || remove.isPending;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.quotas.list.queryKey() });

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    const checked = checkEditQuota(row.entity, row.quotas, texts);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    try {
      await edit.mutateAsync(checked.input);
      await refresh();
      setOutcome({ kind: 'done', message: `Saved the quotas of ${row.label}.` });
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  }

  async function confirmDelete() {
    setOutcome(null);
    try {
      await remove.mutateAsync({ entity: row.entity });
      await refresh();
      dialog.current?.close();
    } catch (error) {
      setConfirmingDelete(false);
      setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  }

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex flex-col gap-5 p-5">
        <h2 id={`${id}-title`} className="text-base font-semibold break-all">
          Quotas of <span className="font-mono">{row.label}</span>
        </h2>
        <form
          onSubmit={save}
          noValidate
          aria-label={`Edit the quotas of ${row.label}`}
          className="flex flex-col gap-4"
        >
          <div className="grid gap-4 sm:grid-cols-2">
            {CLIENT_QUOTA_KEYS.map((key) => (
              <Field
                key={key}
                id={`${id}-${key}`}
                label={<span className="font-mono">{key}</span>}
                hint={`${QUOTA_FIELDS[key].unit}; empty removes it`}
                error={errors[key]}
              >
                <input
                  id={`${id}-${key}`}
                  value={texts[key]}
                  onChange={(event) => {
                    setTexts({ ...texts, [key]: event.target.value });
                    setOutcome(null);
                  }}
                  inputMode="decimal"
                  autoComplete="off"
                  disabled={pending}
                  aria-invalid={errors[key] ? true : undefined}
                  aria-describedby={describedBy(`${id}-${key}`, true, errors[key])}
                  className={`${INPUT} tabular-nums`}
                />
              </Field>
            ))}
          </div>
          {errors.root && (
            <p role="alert" className={ERROR_TEXT}>
              {errors.root}
            </p>
          )}
          <div>
            <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
              {edit.isPending ? 'Saving…' : 'Save quotas'}
            </button>
          </div>
        </form>

        <div className="flex flex-col gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          {confirmingDelete ? (
            <div
              role="alertdialog"
              aria-labelledby={`${id}-confirm`}
              className="flex flex-col gap-3 rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950"
            >
              <p id={`${id}-confirm`} className="text-sm text-red-900 dark:text-red-200">
                Delete every quota of {row.label}? Its clients fall back to the next quota that matches them,
                or to none.
              </p>
              <div className="flex gap-2">
                <button
                  type="button"
                  autoFocus
                  onClick={() => void confirmDelete()}
                  disabled={pending}
                  className={DANGER_BUTTON}
                >
                  {remove.isPending ? 'Deleting…' : 'Delete quotas'}
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
          ) : (
            <div>
              <button
                type="button"
                onClick={() => {
                  setOutcome(null);
                  setConfirmingDelete(true);
                }}
                disabled={pending}
                className={DANGER_BUTTON}
              >
                Delete quotas…
              </button>
            </div>
          )}
        </div>

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
