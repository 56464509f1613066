'use client';

import { createContext, useContext } from 'react';
import { dataTableColumns } from '@sluice/ui';
import type { RouterOutputs } from '~/trpc/outputs';
import { SMALL_BUTTON } from '../../../_components/form-styles';

export type KafkaUserRow = RouterOutputs['kafkaUsers']['list'][number];

const COUNT = new Intl.NumberFormat('en-US');

/** "SCRAM-SHA-256 (8,192 iterations)". */
export function credentialText({ mechanism, iterations }: KafkaUserRow['credentials'][number]): string {
  return `${mechanism} (${COUNT.format(iterations)} iterations)`;
}

/**
 * What a row's button does, and whether there is one (admins only). Passed by context, since the columns live at
 * module scope (a new column array would rebuild the table).
 */
export const KafkaUserActionsContext = createContext<{ manage: ((user: string) => void) | null }>({
  manage: null,
});

function ManageButton({ user }: { user: string }) {
  const { manage } = useContext(KafkaUserActionsContext);
  if (!manage) return null;
  return (
    <button type="button" onClick={() => manage(user)} aria-label={`Manage ${user}`} className={SMALL_BUTTON}>
      Manage
    </button>
  );
}

const column = dataTableColumns<KafkaUserRow>();

export const kafkaUserColumns = column.columns([
  column.accessor('user', {
    header: 'User',
    sortFn: 'alphanumeric',
    cell: (info) => (
      <span className="font-mono font-medium break-all whitespace-normal">{info.getValue()}</span>
    ),
  }),
  column.accessor((row) => `User:${row.user}`, {
    id: 'principal',
    header: 'Principal',
    sortFn: 'alphanumeric',
    cell: (info) => <span className="font-mono break-all whitespace-normal">{info.getValue()}</span>,
  }),
  column.accessor((row) => row.credentials.map(credentialText).join(', '), {
    id: 'credentials',
    header: 'Credentials',
    sortFn: 'text',
    cell: (info) => (
      <ul className="flex flex-col gap-0.5 whitespace-normal">
        {info.row.original.credentials.map((c) => (
          <li key={c.mechanism}>{credentialText(c)}</li>
        ))}
      </ul>
    ),
  }),
  column.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <ManageButton user={info.row.original.user} />,
    meta: { width: '7rem' },
  }),
]);
