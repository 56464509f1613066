'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { alterTopicConfigsInput } from '@sluice/validators';
import { useTRPC } from '~/trpc/react';
import { configDefaultText, configValueText, type ConfigRow } from './config-columns';
import { BUTTON, DANGER_BUTTON, INPUT, PRIMARY_BUTTON } from '~/app/_components/form-styles';

type Outcome = { kind: 'valid' } | { kind: 'failed'; message: string } | null;

/**
 * One config in a modal dialog: its documentation, type, source and default for everyone; for operators, a new
 * value to validate (validateOnly) or save, and "reset to default", which removes the topic's override.
 * Escape or Close dismisses it, and focus returns where it was.
 */
export function ConfigDialog({
  topic,
  config,
  canEdit,
  onClose,
}: {
  topic: string;
  config: ConfigRow;
  canEdit: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const editable = canEdit && !config.readOnly;
  const [value, setValue] = useState(config.sensitive ? '' : (config.value ?? ''));
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState<'validate' | 'save' | 'reset' | null>(null);
  const alter = useMutation(trpc.topics.alterConfigs.mutationOptions());

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  async function change(action: 'validate' | 'save' | 'reset') {
    const input = alterTopicConfigsInput.safeParse({
      topic,
      ...(action === 'reset' ? { remove: [config.name] } : { set: { [config.name]: value } }),
      validateOnly: action === 'validate',
    });
    if (!input.success) {
      setOutcome({ kind: 'failed', message: input.error.issues.map((i) => i.message).join('; ') });
      return;
    }
    setOutcome(null);
    setPending(action);
    try {
      await alter.mutateAsync(input.data);
      if (action === 'validate') {
        setOutcome({ kind: 'valid' });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: trpc.topics.detail.queryKey({ topic }) });
      dialog.current?.close();
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setPending(null);
    }
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void change('save');
  }

  const facts: [string, string][] = [
    ['Value', configValueText(config)],
    ['Source', config.source],
    ['Default', configDefaultText(config)],
    ['Type', config.type],
  ];
  if (config.readOnly) facts.push(['Read-only', 'yes: the broker does not allow changing it per topic']);

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex flex-col gap-4 p-5">
        <h2 id={`${id}-title`} className="font-mono text-base font-semibold break-all">
          {config.name}
        </h2>
        {config.documentation && (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">{config.documentation}</p>
        )}
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {facts.map(([term, detail]) => (
            <div key={term} className="contents">
              <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
              <dd className="font-mono text-xs leading-5 break-all">{detail}</dd>
            </div>
          ))}
        </dl>

        {editable ? (
          <form onSubmit={save} className="flex flex-col gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-value`} className="text-sm font-medium">
                New value
              </label>
              <input
                id={`${id}-value`}
                value={value}
                onChange={(event) => {
                  setValue(event.target.value);
                  setOutcome(null);
                }}
                autoFocus
                autoComplete="off"
                spellCheck={false}
                aria-invalid={outcome?.kind === 'failed' ? true : undefined}
                aria-describedby={outcome?.kind === 'failed' ? `${id}-problem` : undefined}
                className={`${INPUT} font-mono`}
              />
            </div>
            {outcome?.kind === 'failed' && (
              <p
                id={`${id}-problem`}
                role="alert"
                className="text-sm break-words text-red-700 dark:text-red-400"
              >
                {outcome.message}
              </p>
            )}
            <p role="status" className="text-sm text-emerald-800 empty:hidden dark:text-emerald-300">
              {outcome?.kind === 'valid' ? 'Valid: the broker accepts this value. Nothing was changed.' : ''}
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="submit" disabled={pending !== null} className={PRIMARY_BUTTON}>
                {pending === 'save' ? 'Saving…' : 'Save'}
              </button>
              <button
                type="button"
                onClick={() => void change('validate')}
                disabled={pending !== null}
                className={BUTTON}
              >
                {pending === 'validate' ? 'Validating…' : 'Validate'}
              </button>
              {config.source === 'TOPIC_CONFIG' && (
                <button
                  type="button"
                  onClick={() => void change('reset')}
                  disabled={pending !== null}
                  className={DANGER_BUTTON}
                >
                  {pending === 'reset' ? 'Resetting…' : 'Reset to default'}
                </button>
              )}
              <button type="button" onClick={() => dialog.current?.close()} className={BUTTON}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <div className="flex justify-end">
            <button type="button" onClick={() => dialog.current?.close()} autoFocus className={BUTTON}>
              Close
            </button>
          </div>
        )}
      </div>
    </dialog>
  );
}
