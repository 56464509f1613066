'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { aclBindingInput } from '@sluice/validators';
import { useTRPC } from '~/trpc/react';
import { BUTTON, DANGER_BUTTON, ERROR_TEXT } from '../../../_components/form-styles';
import { aclText } from './acl-explanation';
import type { AclRow } from './columns';

/** Deletes one ACL after a second step, in a modal dialog; Escape or Cancel dismisses it. */
export function DeleteAclDialog({ acl, onClose }: { acl: AclRow; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const remove = useMutation(trpc.acls.delete.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  async function confirm() {
    setProblem(null);
    // An ACL of a type this console does not manage (say a USER ACL of a remote Kafka) is refused here.
    const input = aclBindingInput.safeParse(acl);
    if (!input.success) {
      setProblem(input.error.issues[0]!.message);
      return;
    }
    try {
      await remove.mutateAsync(input.data);
      await queryClient.invalidateQueries({ queryKey: trpc.acls.list.queryKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.acls.check.queryKey() });
      dialog.current?.close();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
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
          Delete this ACL?
        </h2>
        <p id={`${id}-text`} className="text-sm break-words">
          <span className="font-mono">{aclText(acl)}</span>. Every broker stops applying it from its next
          metadata update.
        </p>
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
            disabled={remove.isPending}
            className={DANGER_BUTTON}
          >
            {remove.isPending ? 'Deleting…' : 'Delete ACL'}
          </button>
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            disabled={remove.isPending}
            className={BUTTON}
          >
            Cancel
          </button>
        </div>
      </div>
    </dialog>
  );
}
