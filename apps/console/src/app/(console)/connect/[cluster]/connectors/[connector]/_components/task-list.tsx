'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RouterOutputs } from '~/trpc/outputs';
import { useTRPC } from '~/trpc/react';
import { ERROR_TEXT, HINT_TEXT, SMALL_BUTTON } from '../../../../../../_components/form-styles';
import { ConnectorState } from '../../../../_components/connector-state';

type Task = RouterOutputs['connect']['connector']['tasks'][number];

const CELL = 'px-3 py-2 text-left align-top';

/** Each task with its state and worker, the trace of a failed one, its config, and a restart for operators. */
export function TaskList({
  cluster,
  connector,
  tasks,
  canRestart,
}: {
  cluster: string;
  connector: string;
  tasks: Task[];
  canRestart: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const restartTask = useMutation(trpc.connect.restartTask.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);

  if (tasks.length === 0)
    return (
      <p className={HINT_TEXT}>
        No tasks: the connector has not started any (it may be paused, stopped, failed or still starting).
      </p>
    );

  async function restart(task: number) {
    setProblem(null);
    try {
      await restartTask.mutateAsync({ cluster, connector, task });
    } catch (error) {
      setProblem(
        `Restarting task ${task} refused: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    await queryClient.invalidateQueries({
      queryKey: trpc.connect.connector.queryKey({ cluster, connector }),
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Tasks of {connector}</caption>
          <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className={CELL}>
                Task
              </th>
              <th scope="col" className={CELL}>
                State
              </th>
              <th scope="col" className={CELL}>
                Worker
              </th>
              <th scope="col" className={CELL}>
                Details
              </th>
              {canRestart && (
                <th scope="col" className={CELL}>
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <th scope="row" className={`${CELL} font-mono`}>
                  {task.id}
                </th>
                <td className={CELL}>
                  <ConnectorState state={task.state} />
                </td>
                <td className={`${CELL} font-mono text-xs`}>{task.workerId}</td>
                <td className={CELL}>
                  {task.trace && (
                    <details>
                      <summary className="cursor-pointer font-medium text-red-800 dark:text-red-300">
                        Trace of task {task.id}
                      </summary>
                      <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-zinc-100 p-3 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-950">
                        {task.trace}
                      </pre>
                    </details>
                  )}
                  {task.config && (
                    <details>
                      <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">
                        Config of task {task.id}
                      </summary>
                      <pre className="mt-2 max-h-64 overflow-auto rounded-md bg-zinc-100 p-3 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-950">
                        {JSON.stringify(task.config, null, 2)}
                      </pre>
                    </details>
                  )}
                </td>
                {canRestart && (
                  <td className={CELL}>
                    <button
                      type="button"
                      className={SMALL_BUTTON}
                      disabled={restartTask.isPending}
                      onClick={() => void restart(task.id)}
                      aria-label={`Restart task ${task.id}`}
                    >
                      Restart
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problem && (
        <p role="alert" className={ERROR_TEXT}>
          {problem}
        </p>
      )}
    </div>
  );
}
