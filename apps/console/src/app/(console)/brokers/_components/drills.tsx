'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Card } from '@sluice/ui';
import type { RouterOutputs } from '~/trpc/outputs';
import { useTRPC } from '~/trpc/react';
import { ERROR_TEXT, SMALL_BUTTON } from '../../../_components/form-styles';
import { formatProcess } from './broker-format';

type BrokerProcess = RouterOutputs['brokers']['drills']['processes'][number];
type DrillOp = 'stop' | 'kill' | 'pause' | 'resume' | 'start';

const DRILLS: { op: DrillOp; label: string; signal: string; when: (p: BrokerProcess) => boolean }[] = [
  {
    op: 'stop',
    label: 'Stop',
    signal: 'SIGTERM',
    when: (p) => p.state === 'running' || p.state === 'paused',
  },
  { op: 'kill', label: 'Kill', signal: 'SIGKILL', when: (p) => p.state !== 'exited' },
  { op: 'pause', label: 'Pause', signal: 'SIGSTOP', when: (p) => p.state === 'running' },
  { op: 'resume', label: 'Resume', signal: 'SIGCONT', when: (p) => p.state === 'paused' },
  { op: 'start', label: 'Start', signal: 'its command line', when: (p) => p.state === 'exited' },
];

/**
 * Fault drills on the broker processes of a cluster started by `sluice cluster --console-port`: admins only (the
 * server checks), every one in the audit log. The cluster heals on its own; the tables above show it.
 */
export function Drills({ processes }: { processes: BrokerProcess[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const drill = useMutation(trpc.brokers.drill.mutationOptions());

  async function run(op: DrillOp, nodeId: number, label: string) {
    setProblem(null);
    setDone(null);
    try {
      await drill.mutateAsync({ op, nodeId });
      setDone(`${label}: broker ${nodeId}.`);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.brokers.drills.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.brokers.list.queryKey() }),
    ]);
  }

  return (
    <Card title="Fault drills">
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
        Practise a failure on this cluster&apos;s broker processes: Stop sends SIGTERM (controlled shutdown),
        Kill SIGKILL, Pause SIGSTOP, Resume SIGCONT; Start runs the broker&apos;s own command line again. Each
        drill is written to the audit log.
      </p>
      <ul
        aria-label="Broker processes"
        className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800"
      >
        {processes.map((p) => (
          <li
            key={p.nodeId}
            aria-label={`Broker ${p.nodeId} process`}
            className="flex flex-wrap items-center gap-3 py-2"
          >
            <span className="w-24 font-medium">Broker {p.nodeId}</span>
            <span className="w-44 text-sm" data-process-state={p.state}>
              {formatProcess(p)}
            </span>
            <span className="flex flex-wrap gap-2">
              {DRILLS.map(({ op, label, signal, when }) => (
                <button
                  key={op}
                  type="button"
                  className={SMALL_BUTTON}
                  disabled={drill.isPending || !when(p)}
                  aria-label={`${label} broker ${p.nodeId}`}
                  title={signal}
                  onClick={() => void run(op, p.nodeId, label)}
                >
                  {label}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
      <p role="status" className="mt-2 text-sm empty:hidden">
        {done}
      </p>
      {problem && (
        <p id={`${id}-problem`} role="alert" className={ERROR_TEXT}>
          {problem}
        </p>
      )}
    </Card>
  );
}
