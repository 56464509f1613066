'use client';

import { createContext, useContext } from 'react';
import { SMALL_BUTTON } from '../../../_components/form-styles';

/** A producer's transaction on some partitions: an open transaction's, or one hanging on a partition. */
export interface AbortTarget {
  /** Null for a hanging transaction, whose coordinator does not know it there. */
  transactionalId: string | null;
  producerId: number;
  producerEpoch: number;
  partitions: { topic: string; partition: number }[];
}

/**
 * What a row's Abort button does: null while the role is unknown or when the user may not abort, with the reason
 * in `refusal` (the button is shown disabled with it). By context: the columns live at module scope.
 */
export const AbortActionsContext = createContext<{
  abort: ((target: AbortTarget) => void) | null;
  refusal: string | null;
}>({ abort: null, refusal: null });

export function AbortButton({ target, label }: { target: AbortTarget; label: string }) {
  const { abort, refusal } = useContext(AbortActionsContext);
  return (
    <button
      type="button"
      onClick={() => abort?.(target)}
      disabled={!abort}
      title={refusal ?? undefined}
      aria-label={label}
      className={SMALL_BUTTON}
    >
      Abort
    </button>
  );
}
