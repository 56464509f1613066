'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { describedBy } from '../../../../../../_components/field';
import {
  BUTTON,
  ERROR_TEXT,
  HINT_TEXT,
  INPUT,
  PRIMARY_BUTTON,
  SUCCESS_TEXT,
} from '../../../../../../_components/form-styles';
import { parseConnectorConfigJson } from '../../../../_components/connect-json';

const asJson = (config: Record<string, string>) =>
  JSON.stringify(Object.fromEntries(Object.entries(config).sort(([a], [b]) => a.localeCompare(b))), null, 2);

/**
 * The connector's whole config as JSON; saving replaces it (`PUT /connectors/{name}/config`), and Kafka Connect
 * restarts the connector with it. Read-only for viewers.
 */
export function ConfigEditor({
  cluster,
  connector,
  config,
  editable,
}: {
  cluster: string;
  connector: string;
  config: Record<string, string>;
  editable: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const update = useMutation(trpc.connect.updateConfig.mutationOptions());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (editing === null) return;
    setSaved(null);
    const parsed = parseConnectorConfigJson(editing);
    if (!parsed.ok) {
      setProblem(parsed.error);
      return;
    }
    setProblem(null);
    try {
      await update.mutateAsync({ cluster, connector, config: parsed.value });
      setEditing(null);
      setSaved('Saved: Kafka Connect restarts the connector with the new config.');
      await queryClient.invalidateQueries({
        queryKey: trpc.connect.connector.queryKey({ cluster, connector }),
      });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  if (editing === null)
    return (
      <div className="flex flex-col gap-3">
        <pre className="max-h-96 overflow-auto rounded-md bg-zinc-100 p-3 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-950">
          {asJson(config)}
        </pre>
        <p role="status" className={SUCCESS_TEXT}>
          {saved}
        </p>
        {editable && (
          <div>
            <button type="button" className={BUTTON} onClick={() => setEditing(asJson(config))}>
              Edit config
            </button>
          </div>
        )}
      </div>
    );

  return (
    <form onSubmit={submit} aria-label="Edit config" className="flex flex-col gap-3">
      <label htmlFor={`${id}-config`} className="text-sm font-medium">
        Config (JSON)
      </label>
      <textarea
        id={`${id}-config`}
        value={editing}
        onChange={(event) => setEditing(event.target.value)}
        rows={Math.min(30, editing.split('\n').length + 2)}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(`${id}-config`, true, problem)}
        className={`${INPUT} font-mono text-xs`}
      />
      <p id={`${id}-config-hint`} className={HINT_TEXT}>
        The whole config: a name left out is removed. Every value is a string.
      </p>
      {problem && (
        <p id={`${id}-config-error`} role="alert" className={ERROR_TEXT}>
          {problem}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className={PRIMARY_BUTTON} disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save config'}
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
  );
}
