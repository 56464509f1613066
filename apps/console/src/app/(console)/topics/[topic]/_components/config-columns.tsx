'use client';

import { createContext, useContext } from 'react';
import { dataTableColumns } from '@sluice/ui';
import type { RouterOutputs } from '~/trpc/outputs';

export type ConfigRow = RouterOutputs['topics']['detail']['configs'][number];

/**
 * What a row's button does: open the config in the dialog, to edit (operators, writable configs) or to read.
 * Passed by context, since the columns live at module scope (a new column array would rebuild the table).
 */
export const ConfigActionsContext = createContext<{
  open: (name: string) => void;
  canEdit: boolean;
}>({ open: () => undefined, canEdit: false });

/** What a config's value shows as: sensitive values are never sent, and null is Kafka's "no value". */
export function configValueText(config: { value: string | null; sensitive: boolean }): string {
  if (config.sensitive) return '(sensitive)';
  return config.value ?? 'null';
}

/** Without an override the default is the value itself; a synonym further down gives it otherwise. */
export function configDefaultText(config: ConfigRow): string {
  if (config.defaultValue !== null) return config.defaultValue;
  return config.isDefault ? configValueText(config) : '—';
}

function ConfigButton({ config }: { config: ConfigRow }) {
  const { open, canEdit } = useContext(ConfigActionsContext);
  const editable = canEdit && !config.readOnly;
  return (
    <button
      type="button"
      onClick={() => open(config.name)}
      aria-label={`${editable ? 'Edit' : 'Details of'} ${config.name}`}
      className="rounded-md border border-zinc-300 px-2 py-0.5 text-xs font-medium text-zinc-800 hover:bg-zinc-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800"
    >
      {editable ? 'Edit' : 'Details'}
    </button>
  );
}

const column = dataTableColumns<ConfigRow>();

export const configColumns = column.columns([
  column.accessor('name', {
    header: 'Name',
    sortFn: 'alphanumeric',
    cell: (info) => (
      <span className="font-mono text-xs" title={info.row.original.documentation ?? undefined}>
        {info.getValue()}
      </span>
    ),
  }),
  column.accessor((config) => configValueText(config), {
    id: 'value',
    header: 'Value',
    sortFn: 'alphanumeric',
    cell: (info) => <span className="font-mono text-xs">{info.getValue()}</span>,
  }),
  column.accessor('source', {
    header: 'Source',
    sortFn: 'text',
    cell: (info) =>
      info.getValue() === 'TOPIC_CONFIG' ? (
        <span
          title="Set on this topic"
          className="rounded bg-sky-50 px-1.5 py-0.5 font-mono text-xs font-semibold text-sky-900 ring-1 ring-sky-600/30 ring-inset dark:bg-sky-950 dark:text-sky-200"
        >
          {info.getValue()}
        </span>
      ) : (
        <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{info.getValue()}</span>
      ),
    meta: { width: '14rem' },
  }),
  column.accessor((config) => configDefaultText(config), {
    id: 'default',
    header: 'Default',
    sortFn: 'alphanumeric',
    cell: (info) => <span className="font-mono text-xs">{info.getValue()}</span>,
  }),
  column.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <ConfigButton config={info.row.original} />,
    meta: { width: '6rem' },
  }),
]);
