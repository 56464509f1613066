'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { DANGER_BUTTON, ERROR_TEXT, INPUT } from '../../../../_components/form-styles';

/** Deletes the group and its committed offsets (DeleteGroups) once its id is typed again. */
export function DeleteGroup({ groupId }: { groupId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const id = useId();
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const deleteGroup = useMutation(trpc.groups.delete.mutationOptions());
  const confirmed = confirmation === groupId;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmed) return;
    setProblem(null);
    try {
      await deleteGroup.mutateAsync({ groupId });
      // The page would otherwise poll a group that is gone and say so, on the way to the list.
      queryClient.removeQueries({ queryKey: trpc.groups.detail.queryKey({ groupId }) });
      await queryClient.invalidateQueries({ queryKey: trpc.groups.list.queryKey() });
      router.push('/groups');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Deletes the group with its committed offsets. Kafka deletes only a group without members (Empty);
        consumers that join it later start by their auto.offset.reset.
      </p>
      <form onSubmit={submit} aria-label="Delete group" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-confirmation`} className="text-sm font-medium">
            Type <span className="font-mono">{groupId}</span> to confirm
          </label>
          <input
            id={`${id}-confirmation`}
            value={confirmation}
            onChange={(event) => {
              setConfirmation(event.target.value);
              setProblem(null);
            }}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={problem ? `${id}-problem` : undefined}
            className={`${INPUT} w-72 font-mono`}
          />
        </div>
        <button type="submit" disabled={!confirmed || deleteGroup.isPending} className={DANGER_BUTTON}>
          {deleteGroup.isPending ? 'Deleting…' : 'Delete group'}
        </button>
      </form>
      {problem && (
        <p id={`${id}-problem`} role="alert" className={ERROR_TEXT}>
          {problem}
        </p>
      )}
    </div>
  );
}
