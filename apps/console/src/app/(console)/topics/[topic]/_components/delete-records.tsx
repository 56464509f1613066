'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { deleteRecordsInput } from '@sluice/validators';
import { formatCount, formatRecords } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { BUTTON, DANGER_BUTTON, INPUT } from '~/app/_components/form-styles';
import type { PartitionRow } from './partition-columns';

interface Plan {
  partition: number;
  beforeOffset: number;
  records: number;
}

/** Why `offsetText` cannot be deleted up to in `partition`, or null when it can. */
function offsetProblem(offsetText: string, partition: PartitionRow): string | null {
  if (!/^\d+$/.test(offsetText.trim())) return 'enter an offset: a whole number';
  const offset = Number(offsetText);
  if (offset > partition.highWatermark)
    return `the offset is past the high watermark (${formatCount(partition.highWatermark)})`;
  if (offset <= partition.logStartOffset)
    return `nothing to delete: the log already starts at ${formatCount(partition.logStartOffset)}`;
  return null;
}

/**
 * DeleteRecords for one partition, in two steps: choose the partition and the offset records are deleted before,
 * then confirm what goes. Consumers positioned before the new log start offset reset by their auto.offset.reset.
 */
export function DeleteRecords({ topic, partitions }: { topic: string; partitions: PartitionRow[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [partitionText, setPartitionText] = useState(String(partitions[0]?.partition ?? 0));
  const [offsetText, setOffsetText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const deleteRecords = useMutation(trpc.topics.deleteRecords.mutationOptions());
  // The confirmation takes focus and goes away when answered; focus comes back to where the step began.
  const reviewButton = useRef<HTMLButtonElement>(null);
  const closePlan = () => {
    setPlan(null);
    requestAnimationFrame(() => reviewButton.current?.focus());
  };
  const partition = partitions.find((p) => String(p.partition) === partitionText);

  function review(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    if (!partition) return;
    const found = offsetProblem(offsetText, partition);
    setProblem(found);
    if (found) return;
    const beforeOffset = Number(offsetText);
    setPlan({
      partition: partition.partition,
      beforeOffset,
      records: beforeOffset - partition.logStartOffset,
    });
  }

  async function confirm() {
    if (!plan) return;
    const input = deleteRecordsInput.parse({
      topic,
      partition: plan.partition,
      beforeOffset: plan.beforeOffset,
    });
    try {
      const { logStartOffset } = await deleteRecords.mutateAsync(input);
      setDone(`Partition ${plan.partition} now starts at offset ${formatCount(logStartOffset)}.`);
      closePlan();
      setOffsetText('');
      await queryClient.invalidateQueries({ queryKey: trpc.topics.detail.queryKey({ topic }) });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      closePlan();
    }
  }

  const locked = plan !== null || deleteRecords.isPending;
  return (
    <div className="flex flex-col gap-3">
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        Delete records
      </h3>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Deletes a partition’s records before an offset, for good: its log start offset moves there. Consumers
        positioned before it restart by their auto.offset.reset.
      </p>
      <form
        onSubmit={review}
        noValidate
        aria-labelledby={`${id}-title`}
        className="flex flex-wrap items-end gap-3"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-partition`} className="text-sm font-medium">
            Partition
          </label>
          <select
            id={`${id}-partition`}
            value={partitionText}
            disabled={locked}
            onChange={(event) => {
              setPartitionText(event.target.value);
              setProblem(null);
            }}
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
          <label htmlFor={`${id}-offset`} className="text-sm font-medium">
            Delete records before offset
          </label>
          <input
            id={`${id}-offset`}
            inputMode="numeric"
            autoComplete="off"
            value={offsetText}
            disabled={locked}
            onChange={(event) => {
              setOffsetText(event.target.value);
              setProblem(null);
            }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-offset-hint${problem ? ` ${id}-offset-error` : ''}`}
            className={`${INPUT} w-48`}
          />
        </div>
        <button ref={reviewButton} type="submit" disabled={locked} className={BUTTON}>
          Delete records…
        </button>
      </form>
      <p id={`${id}-offset-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
        {partition
          ? `Partition ${partition.partition}: log start offset ${formatCount(partition.logStartOffset)}, high watermark ${formatCount(partition.highWatermark)}. The high watermark deletes every record.`
          : 'Choose a partition.'}
      </p>
      {problem && (
        <p
          id={`${id}-offset-error`}
          role="alert"
          className="text-sm break-words text-red-700 dark:text-red-400"
        >
          {problem}
        </p>
      )}
      {plan && (
        <div
          role="alertdialog"
          aria-labelledby={`${id}-confirm`}
          className="flex flex-col gap-3 rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950"
        >
          <p id={`${id}-confirm`} className="text-sm text-red-900 dark:text-red-200">
            Delete {formatRecords(plan.records)} of partition {plan.partition}, every record before offset{' '}
            {formatCount(plan.beforeOffset)}? This cannot be undone.
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              autoFocus
              onClick={() => void confirm()}
              disabled={deleteRecords.isPending}
              className={DANGER_BUTTON}
            >
              {deleteRecords.isPending ? 'Deleting…' : `Delete ${formatRecords(plan.records)}`}
            </button>
            <button type="button" onClick={closePlan} disabled={deleteRecords.isPending} className={BUTTON}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p role="status" className="text-sm text-emerald-800 empty:hidden dark:text-emerald-300">
        {done ?? ''}
      </p>
    </div>
  );
}
