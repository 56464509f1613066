'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { BUTTON, DANGER_BUTTON, ERROR_TEXT } from './form-styles';

/**
 * A destructive action's second step, in a modal dialog: what will happen, the confirm button, and the server's
 * refusal when there is one (the dialog stays open to show it). Escape or Cancel dismisses it; a confirmed action
 * closes it. `onConfirm` throws to refuse.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pendingLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  async function confirm() {
    setProblem(null);
    setPending(true);
    try {
      await onConfirm();
      dialog.current?.close();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex flex-col gap-4 p-5">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
        <div id={`${id}-text`} className="text-sm break-words">
          {children}
        </div>
        {problem && (
          <p role="alert" className={ERROR_TEXT}>
            {problem}
          </p>
        )}
        <div className="flex gap-2">
          <button
            type="button"
            autoFocus
            onClick={() => void confirm()}
            disabled={pending}
            className={DANGER_BUTTON}
          >
            {pending ? pendingLabel : confirmLabel}
          </button>
          <button type="button" onClick={() => dialog.current?.close()} disabled={pending} className={BUTTON}>
            Cancel
          </button>
        </div>
      </div>
    </dialog>
  );
}
