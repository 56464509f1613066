'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { resetPasswordInput, setUserPrincipalInput, setUserRoleInput, USER_ROLES } from '@sluice/validators';
import { useTRPC } from '~/trpc/react';
import {
  BUTTON,
  DANGER_BUTTON,
  ERROR_TEXT,
  HINT_TEXT,
  INPUT,
  PRIMARY_BUTTON,
  SUCCESS_TEXT,
} from '../../../_components/form-styles';
import { aRole, type UserRole } from '../../../_components/role-access';
import type { UserRow } from './columns';

type Outcome = { kind: 'done' | 'failed'; message: string } | null;

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One user in a modal dialog: change the role, give or take away a Kafka principal, set a new password (which signs them out everywhere), or delete
 * them after a second step. The server refuses to demote or delete the last admin, and to delete yourself; its
 * answer shows here. Escape or Close dismisses the dialog, and focus returns where it was.
 */
export function ManageUserDialog({
  user,
  isYou,
  onClose,
}: {
  user: UserRow;
  isYou: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [role, setRole] = useState<UserRole>(user.role);
  const [password, setPassword] = useState('');
  const [principal, setPrincipal] = useState(user.kafkaPrincipal ?? '');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const setUserRole = useMutation(trpc.users.setRole.mutationOptions());
  const setUserPrincipal = useMutation(trpc.users.setPrincipal.mutationOptions());
  const resetPassword = useMutation(trpc.users.resetPassword.mutationOptions());
  const deleteUser = useMutation(trpc.users.delete.mutationOptions());
  const pending =
    setUserRole.isPending || setUserPrincipal.isPending || resetPassword.isPending || deleteUser.isPending;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
    // A change to your own role changes what the console offers you.
    if (isYou) await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
  }

  async function changeRole(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    const input = setUserRoleInput.parse({ userId: user.id, role });
    try {
      await setUserRole.mutateAsync(input);
      setOutcome({ kind: 'done', message: `${user.username} is now ${aRole(input.role)}.` });
      await refresh();
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  }

  async function changePrincipal(kafkaPrincipal: string | null) {
    setOutcome(null);
    const input = setUserPrincipalInput.safeParse({ userId: user.id, kafkaPrincipal });
    if (!input.success) {
      setOutcome({ kind: 'failed', message: input.error.issues[0]!.message });
      return;
    }
    try {
      await setUserPrincipal.mutateAsync(input.data);
      setPrincipal(input.data.kafkaPrincipal ?? '');
      setOutcome({
        kind: 'done',
        message:
          input.data.kafkaPrincipal === null
            ? `${user.username} has no Kafka principal: their role alone decides.`
            : `${user.username} now acts on the cluster as ${input.data.kafkaPrincipal}.`,
      });
      await refresh();
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  }

  async function setNewPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    const input = resetPasswordInput.safeParse({ userId: user.id, password });
    if (!input.success) {
      setOutcome({ kind: 'failed', message: input.error.issues[0]!.message });
      return;
    }
    try {
      await resetPassword.mutateAsync(input.data);
      setPassword('');
      setOutcome({
        kind: 'done',
        message: `New password set; ${user.username} was signed out everywhere.`,
      });
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  }

  async function confirmDelete() {
    setOutcome(null);
    try {
      await deleteUser.mutateAsync({ userId: user.id });
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
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex flex-col gap-5 p-5">
        <h2 id={`${id}-title`} className="text-base font-semibold break-all">
          Manage {user.username}
          {isYou && <span className="ml-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">(you)</span>}
        </h2>

        <form onSubmit={changeRole} className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-role`} className="text-sm font-medium">
              Role
            </label>
            <select
              id={`${id}-role`}
              value={role}
              onChange={(event) => {
                setRole(event.target.value as UserRole);
                setOutcome(null);
              }}
              disabled={pending}
              className={`${INPUT} w-40`}
            >
              {USER_ROLES.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={pending || role === user.role} className={PRIMARY_BUTTON}>
            {setUserRole.isPending ? 'Changing…' : 'Change role'}
          </button>
        </form>

        <form
          onSubmit={(event) => {
            event.preventDefault();
            void changePrincipal(principal.trim() === '' ? null : principal);
          }}
          noValidate
          className="flex flex-col gap-1"
        >
          <label htmlFor={`${id}-principal`} className="text-sm font-medium">
            Kafka principal
          </label>
          <div className="flex flex-wrap gap-3">
            <input
              id={`${id}-principal`}
              value={principal}
              onChange={(event) => {
                setPrincipal(event.target.value);
                setOutcome(null);
              }}
              placeholder="User:alice"
              autoComplete="off"
              spellCheck={false}
              disabled={pending}
              aria-describedby={`${id}-principal-hint`}
              className={`${INPUT} max-w-xs font-mono`}
            />
            <button
              type="submit"
              disabled={pending || principal.trim() === (user.kafkaPrincipal ?? '')}
              className={BUTTON}
            >
              {setUserPrincipal.isPending
                ? 'Saving…'
                : principal.trim() === ''
                  ? 'Remove principal'
                  : 'Set principal'}
            </button>
          </div>
          <p id={`${id}-principal-hint`} className={HINT_TEXT}>
            With a principal, what they do on the cluster follows its ACLs there too; empty: their role alone.
          </p>
        </form>

        <form onSubmit={setNewPassword} noValidate className="flex flex-col gap-1">
          <label htmlFor={`${id}-password`} className="text-sm font-medium">
            New password
          </label>
          <div className="flex flex-wrap gap-3">
            <input
              id={`${id}-password`}
              type="password"
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
                setOutcome(null);
              }}
              autoComplete="new-password"
              disabled={pending}
              aria-describedby={`${id}-password-hint`}
              className={`${INPUT} max-w-xs`}
            />
            <button type="submit" disabled={pending || password === ''} className={BUTTON}>
              {resetPassword.isPending ? 'Setting…' : 'Set password'}
            </button>
          </div>
          <p id={`${id}-password-hint`} className={HINT_TEXT}>
            At least 12 characters. Their sessions end: they sign in again with the new password.
          </p>
        </form>

        <div className="flex flex-col gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          {confirmingDelete ? (
            <div
              role="alertdialog"
              aria-labelledby={`${id}-confirm`}
              className="flex flex-col gap-3 rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950"
            >
              <p id={`${id}-confirm`} className="text-sm text-red-900 dark:text-red-200">
                Delete {user.username}? They can no longer sign in; what they did stays in the audit log.
              </p>
              <div className="flex gap-2">
                <button
                  type="button"
                  autoFocus
                  onClick={() => void confirmDelete()}
                  disabled={pending}
                  className={DANGER_BUTTON}
                >
                  {deleteUser.isPending ? 'Deleting…' : `Delete ${user.username}`}
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
                Delete user…
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
