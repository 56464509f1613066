'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { deleteTopicInput } from '@sluice/validators';
import { useTRPC } from '~/trpc/react';
import { DANGER_BUTTON, INPUT } from '~/app/_components/form-styles';

/** Deletes the topic once its name is typed again (the API checks the same confirmation). */
export function DeleteTopic({ topic }: { topic: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const id = useId();
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const deleteTopic = useMutation(trpc.topics.delete.mutationOptions());
  const input = deleteTopicInput.safeParse({ topic, confirmation });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!input.success) return;
    setProblem(null);
    try {
      await deleteTopic.mutateAsync(input.data);
      // The page would otherwise poll a topic that is gone and say so, on the way to the list.
      queryClient.removeQueries({ queryKey: trpc.topics.detail.queryKey({ topic }) });
      await queryClient.invalidateQueries({ queryKey: trpc.topics.list.queryKey() });
      router.push('/topics');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        Delete topic
      </h3>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Deletes the topic with every record in it. Producers and consumers of it start failing; committed
        offsets of its groups stay until they expire.
      </p>
      <form onSubmit={submit} aria-labelledby={`${id}-title`} className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-confirmation`} className="text-sm font-medium">
            Type <span className="font-mono">{topic}</span> to confirm
          </label>
          <input
            id={`${id}-confirmation`}
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={problem ? `${id}-problem` : undefined}
            className={`${INPUT} w-72 font-mono`}
          />
        </div>
        <button type="submit" disabled={!input.success || deleteTopic.isPending} className={DANGER_BUTTON}>
          {deleteTopic.isPending ? 'Deleting…' : 'Delete topic'}
        </button>
      </form>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="text-sm break-words text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </div>
  );
}
