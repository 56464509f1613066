'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { DataTable } from '@sluice/ui';
import { formatCount, formatTime } from '~/lib/format';
import { useTRPC, useTRPCClient } from '~/trpc/react';
import { ApiError } from '../../../_components/api-error';
import { BUTTON, INPUT } from '../../../_components/form-styles';
import { RoleRequired, useRoleAccess, youAre } from '../../../_components/role-access';
import { auditColumns, type AuditEntry } from './columns';

const PAGE_SIZE = 100;
const ALL = '';
const rowId = (entry: AuditEntry) => String(entry.id);

/** The distinct values of `key` among the loaded entries, for a filter's choices. */
function distinct(entries: AuditEntry[], key: 'action' | 'actor'): string[] {
  return [...new Set(entries.map((entry) => entry[key]))].sort((a, b) => a.localeCompare(b));
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: string[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  // A choice made before a refresh stays choosable even if no loaded entry has it any more.
  const choices = value !== ALL && !options.includes(value) ? [value, ...options] : options;
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`${INPUT} w-auto py-1.5`}
      >
        <option value={ALL}>any</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </div>
  );
}

function AuditEntries() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [action, setAction] = useState(ALL);
  const [actor, setActor] = useState(ALL);
  // Pages are chained by id (`before`), so a refetch reloads them in order from the newest: no gaps, no repeats.
  const log = useInfiniteQuery({
    queryKey: [...trpc.audit.list.pathKey(), { input: { limit: PAGE_SIZE }, type: 'infinite' }],
    queryFn: ({ pageParam, signal }) =>
      client.audit.list.query({ limit: PAGE_SIZE, before: pageParam }, { signal }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.entries) ?? [], [log.data]);
  const shown = useMemo(
    () =>
      entries.filter(
        (entry) => (action === ALL || entry.action === action) && (actor === ALL || entry.actor === actor),
      ),
    [entries, action, actor],
  );

  if (log.isPending) {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading the audit log…
      </p>
    );
  }
  if (log.isError && !log.data) return <ApiError error={log.error} what="the audit log" />;

  return (
    <div className="flex flex-col gap-3">
      <div role="group" aria-label="Filter loaded entries" className="flex flex-wrap items-center gap-4">
        <FilterSelect
          label="Action"
          value={action}
          options={distinct(entries, 'action')}
          onChange={setAction}
        />
        <FilterSelect label="Actor" value={actor} options={distinct(entries, 'actor')} onChange={setActor} />
        <button type="button" onClick={() => void log.refetch()} disabled={log.isFetching} className={BUTTON}>
          {log.isRefetching && !log.isFetchingNextPage ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <DataTable
        data={shown}
        columns={auditColumns}
        getRowId={rowId}
        label="Audit log"
        filterLabel="Search entries"
        rowNoun={['entry', 'entries']}
        emptyMessage={
          entries.length === 0
            ? 'Nothing yet: entries appear as users sign in and change users, topics or consumer groups.'
            : 'No loaded entry has this action and actor.'
        }
      />
      <div className="flex flex-wrap items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
        {log.hasNextPage ? (
          <button
            type="button"
            onClick={() => void log.fetchNextPage()}
            disabled={log.isFetchingNextPage}
            className={BUTTON}
          >
            {log.isFetchingNextPage ? 'Loading older entries…' : 'Load older'}
          </button>
        ) : null}
        <p>
          {formatCount(entries.length)} {entries.length === 1 ? 'entry' : 'entries'} loaded
          {log.hasNextPage ? '; older ones remain' : ', back to the first'} · as of{' '}
          {formatTime(new Date(log.dataUpdatedAt))}
        </p>
      </div>
      {log.isError && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {log.error.message}
        </p>
      )}
    </div>
  );
}

/** The audit trail for operators and admins; viewers are told it is not theirs to read. */
export function AuditLog() {
  const access = useRoleAccess('operator');
  if (access.status === 'unknown') {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading…
      </p>
    );
  }
  if (access.status === 'denied') {
    return (
      <RoleRequired title="Operators and admins only">
        The audit log needs the operator or admin role; {youAre(access.role)}.
      </RoleRequired>
    );
  }
  return <AuditEntries />;
}
