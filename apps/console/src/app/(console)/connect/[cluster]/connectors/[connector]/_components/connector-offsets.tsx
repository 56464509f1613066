'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { refreshEvery } from '~/lib/api-errors';
import { useTRPC } from '~/trpc/react';
import { ConfirmDialog } from '../../../../../../_components/confirm-dialog';
import { describedBy } from '../../../../../../_components/field';
import {
  BUTTON,
  DANGER_BUTTON,
  ERROR_TEXT,
  HINT_TEXT,
  INPUT,
  PRIMARY_BUTTON,
  SUCCESS_TEXT,
} from '../../../../../../_components/form-styles';
import { parseOffsetsJson } from '../../../../_components/connect-json';

const CELL = 'px-3 py-2 text-left align-top';
/** Source tasks commit offsets every offset.flush.interval.ms (a minute by default). */
const REFRESH_MS = 5_000;

/**
 * The connector's offsets (KIP-875), each source partition (or sink topic partition) with its offset; altering
 * or resetting them is for a STOPPED connector, which Kafka Connect enforces and this says up front.
 */
export function ConnectorOffsets({
  cluster,
  connector,
  stopped,
  editable,
}: {
  cluster: string;
  connector: string;
  stopped: boolean;
  editable: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const input = { cluster, connector };
  const offsets = useQuery(
    trpc.connect.offsets.queryOptions(input, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );
  const alter = useMutation(trpc.connect.alterOffsets.mutationOptions());
  const reset = useMutation(trpc.connect.resetOffsets.mutationOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (editing === null) return;
    setMessage(null);
    const parsed = parseOffsetsJson(editing);
    if (!parsed.ok) {
      setProblem(parsed.error);
      return;
    }
    setProblem(null);
    try {
      const result = await alter.mutateAsync({ ...input, offsets: parsed.value.offsets });
      setEditing(null);
      setMessage(result.message);
      await queryClient.invalidateQueries({ queryKey: trpc.connect.offsets.queryKey(input) });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {offsets.isPending ? (
        <p role="status" className={HINT_TEXT}>
          Loading the offsets…
        </p>
      ) : offsets.isError ? (
        <p role="alert" className={ERROR_TEXT}>
          Could not read the offsets: {offsets.error.message}
        </p>
      ) : offsets.data.offsets.length === 0 ? (
        <p className={HINT_TEXT}>No committed offsets.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Offsets of {connector}</caption>
            <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className={CELL}>
                  Partition
                </th>
                <th scope="col" className={CELL}>
                  Offset
                </th>
              </tr>
            </thead>
            <tbody>
              {offsets.data.offsets.map((o) => (
                <tr
                  key={JSON.stringify(o.partition)}
                  className="border-b border-zinc-100 last:border-0 dark:border-zinc-800"
                >
                  <td className={`${CELL} font-mono text-xs break-all`}>{JSON.stringify(o.partition)}</td>
                  <td className={`${CELL} font-mono text-xs break-all`}>{JSON.stringify(o.offset)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p role="status" className={SUCCESS_TEXT}>
        {message}
      </p>
      {editable && !stopped && <p className={HINT_TEXT}>Stop the connector to alter or reset its offsets.</p>}
      {editable && stopped && editing === null && (
        <div className="flex gap-2">
          <button
            type="button"
            className={BUTTON}
            onClick={() => setEditing(JSON.stringify({ offsets: offsets.data?.offsets ?? [] }, null, 2))}
          >
            Alter offsets
          </button>
          <button type="button" className={DANGER_BUTTON} onClick={() => setResetting(true)}>
            Reset offsets
          </button>
        </div>
      )}
      {editable && editing !== null && (
        <form onSubmit={submit} aria-label="Alter offsets" className="flex flex-col gap-3">
          <label htmlFor={`${id}-offsets`} className="text-sm font-medium">
            New offsets (JSON)
          </label>
          <textarea
            id={`${id}-offsets`}
            value={editing}
            onChange={(event) => setEditing(event.target.value)}
            rows={Math.min(24, editing.split('\n').length + 2)}
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={describedBy(`${id}-offsets`, true, problem)}
            className={`${INPUT} font-mono text-xs`}
          />
          <p id={`${id}-offsets-hint`} className={HINT_TEXT}>
            Only the partitions listed change; an offset of null removes that partition&apos;s offset.
          </p>
          {problem && (
            <p id={`${id}-offsets-error`} role="alert" className={ERROR_TEXT}>
              {problem}
            </p>
          )}
          <div className="flex gap-2">
            <button type="submit" className={PRIMARY_BUTTON} disabled={alter.isPending}>
              {alter.isPending ? 'Altering…' : 'Alter offsets'}
            </button>
            <button
              type="button"
              className={BUTTON}
              onClick={() => {
                setEditing(null);
                setProblem(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {resetting && (
        <ConfirmDialog
          title={`Reset the offsets of ${connector}?`}
          confirmLabel="Reset offsets"
          pendingLabel="Resetting…"
          onClose={() => setResetting(false)}
          onConfirm={async () => {
            const result = await reset.mutateAsync(input);
            setMessage(result.message);
            await queryClient.invalidateQueries({ queryKey: trpc.connect.offsets.queryKey(input) });
          }}
        >
          Kafka Connect forgets every offset of this connector: resumed, a source connector reads its sources
          from the start, a sink connector its topics from their auto.offset.reset.
        </ConfirmDialog>
      )}
    </div>
  );
}
