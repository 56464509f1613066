'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { reassignPartitionInput } from '@sluice/validators';
import { Card } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { formatTime } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../../_components/api-error';
import {
  DANGER_BUTTON,
  ERROR_TEXT,
  HINT_TEXT,
  INPUT,
  PRIMARY_BUTTON,
  SUCCESS_TEXT,
} from '../../../../_components/form-styles';
import { useRoleAccess } from '../../../../_components/role-access';
import { formatBytes } from '../../_components/topic-format';

type Ongoing = RouterOutputs['reassignments']['progress']['reassignments'][number];

const REFRESH_MS = 2_000;

const ids = (list: number[]) => (list.length === 0 ? 'none' : list.join(', '));

function Progress({ topic, ongoing, canCancel }: { topic: string; ongoing: Ongoing; canCancel: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cancel = useMutation(trpc.reassignments.cancel.mutationOptions());
  const total = ongoing.leaderSizeBytes ?? 0;
  const copied = Math.max(0, total - ongoing.bytesLeft);
  // A replica whose broker is down has an unknown size: what is left to copy is counted as everything.
  const sizeUnknown = ongoing.replicaProgress.some((r) => r.role === 'adding' && r.brokerDown);
  const labelId = useId();
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950">
      <p id={labelId} className="text-sm font-medium">
        Partition {ongoing.partition}: reassignment in progress
      </p>
      {ongoing.waitingFor.length > 0 && (
        <p className="text-sm font-semibold text-red-800 dark:text-red-300">
          <span aria-hidden="true" className="mr-1 text-[0.6rem]">
            ■
          </span>
          Waiting for {ongoing.waitingFor.length === 1 ? 'broker' : 'brokers'} {ids(ongoing.waitingFor)}:
          down, so the move cannot complete until {ongoing.waitingFor.length === 1 ? 'it is' : 'they are'}{' '}
          back (or it is cancelled).
        </p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        <dt>Replicas</dt>
        <dd className="tabular-nums">{ids(ongoing.replicas)}</dd>
        <dt>Adding</dt>
        <dd className="tabular-nums">{ids(ongoing.addingReplicas)}</dd>
        <dt>Removing</dt>
        <dd className="tabular-nums">{ids(ongoing.removingReplicas)}</dd>
        <dt>Bytes left</dt>
        <dd className="tabular-nums">
          {sizeUnknown ? 'at most ' : ''}
          {formatBytes(ongoing.bytesLeft)} of {formatBytes(total)} (leader {ongoing.leader})
        </dd>
      </dl>
      <progress
        aria-labelledby={labelId}
        max={Math.max(total, 1)}
        value={total === 0 ? 0 : copied}
        className="h-2 w-full"
      />
      <ul className={HINT_TEXT}>
        {ongoing.replicaProgress.map((r) => (
          <li key={r.broker}>
            Broker {r.broker} ({r.role}):{' '}
            {r.brokerDown
              ? 'broker down'
              : `${r.sizeBytes === null ? 'no log yet' : formatBytes(r.sizeBytes)}${r.role === 'adding' ? `, ${formatBytes(r.bytesLeft)} left` : ''}`}
          </li>
        ))}
      </ul>
      {canCancel && (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className={DANGER_BUTTON}
            disabled={cancel.isPending}
            onClick={() =>
              cancel.mutate(
                { topic, partition: ongoing.partition },
                {
                  onSettled: () =>
                    queryClient.invalidateQueries({
                      queryKey: trpc.reassignments.progress.queryKey({ topic }),
                    }),
                },
              )
            }
          >
            {cancel.isPending ? 'Cancelling…' : `Cancel the reassignment of partition ${ongoing.partition}`}
          </button>
          {cancel.isError && (
            <p role="alert" className={ERROR_TEXT}>
              {cancel.error.message}
            </p>
          )}
        </div>
      )}
    </li>
  );
}

function StartForm({
  topic,
  partitions,
}: {
  topic: string;
  partitions: { partition: number; replicas: number[] }[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const start = useMutation(trpc.reassignments.start.mutationOptions());
  const [partitionText, setPartitionText] = useState(String(partitions[0]?.partition ?? 0));
  const [replicasText, setReplicasText] = useState('');
  const [throttled, setThrottled] = useState(false);
  const [throttleText, setThrottleText] = useState('1048576');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const current = partitions.find((p) => String(p.partition) === partitionText);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const replicas = replicasText
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (replicas.some((s) => !/^\d+$/.test(s))) {
      setProblem('list broker ids separated by commas, e.g. 2,3');
      return;
    }
    const parsed = reassignPartitionInput.safeParse({
      topic,
      partition: Number(partitionText),
      replicas: replicas.map(Number),
      throttle: throttled ? (/^\d+$/.test(throttleText.trim()) ? Number(throttleText) : NaN) : null,
    });
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => i.message).join('; '));
      return;
    }
    setProblem(null);
    try {
      const { from, to } = await start.mutateAsync(parsed.data);
      setDone(
        `Started moving partition ${parsed.data.partition} from ${ids(from)} to ${ids(to)}${parsed.data.throttle ? `, throttled to ${formatBytes(parsed.data.throttle)}/s` : ''} at ${formatTime(new Date())}.`,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.reassignments.progress.queryKey({ topic }) }),
        queryClient.invalidateQueries({ queryKey: trpc.topics.detail.queryKey({ topic }) }),
      ]);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3"
    >
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        Reassign a partition
      </h3>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-partition`} className="text-sm font-medium">
            Partition
          </label>
          <select
            id={`${id}-partition`}
            value={partitionText}
            onChange={(e) => setPartitionText(e.target.value)}
            className={`${INPUT} w-auto`}
          >
            {partitions.map((p) => (
              <option key={p.partition} value={String(p.partition)}>
                {p.partition}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-replicas`} className="text-sm font-medium">
            Target replicas
          </label>
          <input
            id={`${id}-replicas`}
            value={replicasText}
            onChange={(e) => setReplicasText(e.target.value)}
            placeholder="2,3"
            autoComplete="off"
            aria-describedby={`${id}-replicas-hint`}
            aria-invalid={problem ? true : undefined}
            className={`${INPUT} w-40`}
          />
        </div>
        <div className="flex items-center gap-2 pb-2">
          <input
            id={`${id}-throttled`}
            type="checkbox"
            checked={throttled}
            onChange={(e) => setThrottled(e.target.checked)}
          />
          <label htmlFor={`${id}-throttled`} className="text-sm font-medium">
            Throttle replication
          </label>
        </div>
        {throttled && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-throttle`} className="text-sm font-medium">
              Throttle (bytes/s)
            </label>
            <input
              id={`${id}-throttle`}
              inputMode="numeric"
              value={throttleText}
              onChange={(e) => setThrottleText(e.target.value)}
              className={`${INPUT} w-40`}
            />
          </div>
        )}
        <button type="submit" disabled={start.isPending} className={PRIMARY_BUTTON}>
          {start.isPending ? 'Starting…' : 'Start reassignment'}
        </button>
      </div>
      <p id={`${id}-replicas-hint`} className={HINT_TEXT}>
        Broker ids separated by commas, the preferred leader first
        {current ? `; partition ${current.partition} is now on ${ids(current.replicas)}` : ''}. A throttle
        limits replication on the brokers involved (leader and follower.replication.throttled.rate) until the
        reassignment completes or is cancelled.
      </p>
      {problem && (
        <p role="alert" className={ERROR_TEXT}>
          {problem}
        </p>
      )}
      <p role="status" className={SUCCESS_TEXT}>
        {done ?? ''}
      </p>
    </form>
  );
}

/**
 * Partition reassignment (KIP-455): the topic's ongoing reassignments with their progress (bytes the new
 * replicas still have to copy from the leader), and for admins, a form to start one and a button to cancel.
 */
export function PartitionReassignment({ topic }: { topic: string }) {
  const trpc = useTRPC();
  const access = useRoleAccess('admin');
  const progress = useQuery(
    trpc.reassignments.progress.queryOptions({ topic }, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );
  const detail = useQuery(trpc.topics.detail.queryOptions({ topic }));
  const isAdmin = access.status === 'allowed';
  const ongoing = progress.data?.reassignments ?? [];
  return (
    <Card title="Reassignment">
      <div className="flex flex-col gap-4">
        {progress.isError && !progress.data ? (
          <ApiError error={progress.error} what="the reassignments" />
        ) : progress.isPending ? (
          <p role="status">Loading the reassignments…</p>
        ) : ongoing.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            No reassignment of this topic is in progress.
          </p>
        ) : (
          <ul aria-label="Reassignments in progress" className="flex flex-col gap-3">
            {ongoing.map((o) => (
              <Progress key={o.partition} topic={topic} ongoing={o} canCancel={isAdmin} />
            ))}
          </ul>
        )}
        {isAdmin && detail.data && (
          <StartForm
            topic={topic}
            partitions={detail.data.partitions.map((p) => ({ partition: p.partition, replicas: p.replicas }))}
          />
        )}
        {access.status === 'denied' && (
          <p className={HINT_TEXT}>Starting and cancelling reassignments needs the admin role.</p>
        )}
      </div>
    </Card>
  );
}
