'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { aclBindingInput } from '@sluice/validators';
import { useTRPC } from '~/trpc/react';
import { ConfirmDialog } from '../../../_components/confirm-dialog';
import { aclText } from './acl-explanation';
import type { AclRow } from './columns';

/** Deletes one ACL after a second step, in a modal dialog; Escape or Cancel dismisses it. */
export function DeleteAclDialog({ acl, onClose }: { acl: AclRow; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.acls.delete.mutationOptions());

  async function confirm() {
    // An ACL of a type this console does not manage (say a USER ACL of a remote Kafka) is refused here.
    const input = aclBindingInput.safeParse(acl);
    if (!input.success) throw new Error(input.error.issues[0]!.message);
    await remove.mutateAsync(input.data);
    await queryClient.invalidateQueries({ queryKey: trpc.acls.list.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.acls.check.queryKey() });
  }

  return (
    <ConfirmDialog
      title="Delete this ACL?"
      confirmLabel="Delete ACL"
      pendingLabel="Deleting…"
      onConfirm={confirm}
      onClose={onClose}
    >
      <p>
        <span className="font-mono">{aclText(acl)}</span>. Every broker stops applying it from its next
        metadata update.
      </p>
    </ConfirmDialog>
  );
}
