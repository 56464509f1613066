'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { ConfirmDialog } from '../../../../../../_components/confirm-dialog';
import { BUTTON, DANGER_BUTTON, ERROR_TEXT, SUCCESS_TEXT } from '../../../../../../_components/form-styles';
import { connectHref } from '../../../../_components/connect-links';

/**
 * Pause, resume, stop, restart and delete, each a call to the worker; what Connect answered (or refused) is shown
 * under the buttons, and the status refreshes at once.
 */
export function ConnectorActions({
  cluster,
  connector,
  state,
}: {
  cluster: string;
  connector: string;
  state: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const id = useId();
  const [includeTasks, setIncludeTasks] = useState(false);
  const [onlyFailed, setOnlyFailed] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const pause = useMutation(trpc.connect.pause.mutationOptions());
  const resume = useMutation(trpc.connect.resume.mutationOptions());
  const stop = useMutation(trpc.connect.stop.mutationOptions());
  const restart = useMutation(trpc.connect.restart.mutationOptions());
  const remove = useMutation(trpc.connect.delete.mutationOptions());
  const pending = pause.isPending || resume.isPending || stop.isPending || restart.isPending;
  const input = { cluster, connector };

  async function run(what: string, action: () => Promise<unknown>) {
    setOutcome(null);
    try {
      await action();
      setOutcome({ ok: true, text: `${what}: Kafka Connect accepted it.` });
    } catch (error) {
      setOutcome({
        ok: false,
        text: `${what} refused: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    await queryClient.invalidateQueries({ queryKey: trpc.connect.connector.queryKey(input) });
    await queryClient.invalidateQueries({ queryKey: trpc.connect.offsets.queryKey(input) });
  }

  return (
    <div className="flex flex-col gap-3">
      <div role="group" aria-label="Connector actions" className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={BUTTON}
          disabled={pending || state === 'PAUSED'}
          onClick={() => void run('Pause', () => pause.mutateAsync(input))}
        >
          Pause
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={pending || state === 'RUNNING'}
          onClick={() => void run('Resume', () => resume.mutateAsync(input))}
        >
          Resume
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={pending || state === 'STOPPED'}
          onClick={() => void run('Stop', () => stop.mutateAsync(input))}
        >
          Stop
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={pending}
          onClick={() =>
            void run('Restart', () => restart.mutateAsync({ ...input, includeTasks, onlyFailed }))
          }
        >
          Restart
        </button>
        <label htmlFor={`${id}-include-tasks`} className="flex items-center gap-1.5 text-sm">
          <input
            id={`${id}-include-tasks`}
            type="checkbox"
            checked={includeTasks}
            onChange={(event) => setIncludeTasks(event.target.checked)}
          />
          with its tasks
        </label>
        <label htmlFor={`${id}-only-failed`} className="flex items-center gap-1.5 text-sm">
          <input
            id={`${id}-only-failed`}
            type="checkbox"
            checked={onlyFailed}
            onChange={(event) => setOnlyFailed(event.target.checked)}
          />
          only failed ones
        </label>
        <button type="button" className={DANGER_BUTTON} onClick={() => setDeleting(true)}>
          Delete
        </button>
      </div>
      <p role="status" className={outcome?.ok === false ? ERROR_TEXT : SUCCESS_TEXT}>
        {outcome?.text}
      </p>
      {deleting && (
        <ConfirmDialog
          title={`Delete connector ${connector}?`}
          confirmLabel="Delete connector"
          pendingLabel="Deleting…"
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await remove.mutateAsync(input);
            queryClient.removeQueries({ queryKey: trpc.connect.connector.queryKey(input) });
            await queryClient.invalidateQueries({ queryKey: trpc.connect.overview.queryKey({ cluster }) });
            router.push(connectHref(cluster));
          }}
        >
          Kafka Connect stops its tasks and forgets its config. Its committed offsets stay, so a connector
          created again under this name resumes from them (reset them first to start over).
        </ConfirmDialog>
      )}
    </div>
  );
}
