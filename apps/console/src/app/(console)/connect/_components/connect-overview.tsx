'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { Card, DataTable } from '@sluice/ui';
import { refreshEvery } from '~/lib/api-errors';
import { formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../_components/api-error';
import { HINT_TEXT, PRIMARY_BUTTON } from '../../../_components/form-styles';
import { useRoleAccess, youAre } from '../../../_components/role-access';
import { connectHref, newConnectorHref } from './connect-links';
import { connectorColumns, connectorRowId, workerColumns, workerRowId } from './connector-columns';

const REFRESH_MS = 5_000;

const LINK =
  'rounded-md px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500';

/** The Connect clusters this console manages and, for the chosen one, its workers and connectors. */
export function ConnectOverview({ cluster }: { cluster: string | undefined }) {
  const trpc = useTRPC();
  const clusters = useQuery(trpc.connect.clusters.queryOptions());
  if (clusters.isPending)
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading the Connect clusters…
      </p>
    );
  if (clusters.isError) return <ApiError error={clusters.error} what="the Connect clusters" />;
  if (clusters.data.length === 0)
    return (
      <Card title="No Connect cluster">
        <p className="text-sm">
          This console manages Kafka Connect clusters through their REST API. Start it with{' '}
          <code className="font-mono">SLUICE_CONNECT_URL=http://127.0.0.1:8083</code> (several:{' '}
          <code className="font-mono">name=URL,name=URL</code>) or{' '}
          <code className="font-mono">sluice serve --connect-url [NAME=]URL</code>. A worker started by{' '}
          <code className="font-mono">sluice connect standalone</code> or Apache Kafka&apos;s own
          connect-distributed.sh both serve it.
        </p>
      </Card>
    );
  const chosen = clusters.data.find((c) => c.name === cluster) ?? clusters.data[0]!;
  return (
    <div className="flex flex-col gap-6">
      {clusters.data.length > 1 && (
        <nav aria-label="Connect clusters">
          <ul className="flex flex-wrap gap-2">
            {clusters.data.map((c) => (
              <li key={c.name}>
                <Link
                  href={connectHref(c.name)}
                  aria-current={c.name === chosen.name ? 'page' : undefined}
                  className={`${LINK} ${
                    c.name === chosen.name
                      ? 'bg-sky-50 text-sky-900 ring-1 ring-sky-600 dark:bg-sky-950 dark:text-sky-100'
                      : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'
                  }`}
                >
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ConnectCluster key={chosen.name} cluster={chosen.name} />
    </div>
  );
}

function ConnectCluster({ cluster }: { cluster: string }) {
  const trpc = useTRPC();
  const access = useRoleAccess('operator');
  const overview = useQuery(
    trpc.connect.overview.queryOptions({ cluster }, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );
  const connectors = useMemo(
    () => overview.data?.connectors.map((c) => ({ ...c, cluster })) ?? [],
    [overview.data, cluster],
  );
  if (overview.isPending)
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Asking {cluster}…
      </p>
    );
  if (overview.isError && !overview.data)
    return <ApiError error={overview.error} what={`the Connect cluster ${cluster}`} />;
  const { info, url, workers } = overview.data;
  return (
    <>
      <Card
        title={`Connect cluster ${cluster}`}
        aside={
          access.status === 'allowed' ? (
            <Link href={newConnectorHref(cluster)} className={PRIMARY_BUTTON}>
              New connector
            </Link>
          ) : access.status === 'denied' ? (
            <p className={HINT_TEXT}>Creating connectors needs the operator role; {youAre(access.role)}.</p>
          ) : null
        }
      >
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className={HINT_TEXT}>REST URL</dt>
            <dd className="font-mono break-all">{url}</dd>
          </div>
          <div>
            <dt className={HINT_TEXT}>Version</dt>
            <dd className="font-mono">{info.version}</dd>
          </div>
          <div>
            <dt className={HINT_TEXT}>Commit</dt>
            <dd className="font-mono break-all">{info.commit}</dd>
          </div>
          <div>
            <dt className={HINT_TEXT}>Kafka cluster id</dt>
            <dd className="font-mono break-all">{info.kafka_cluster_id ?? '—'}</dd>
          </div>
        </dl>
      </Card>
      <Card title="Connectors">
        <div className="flex flex-col gap-3">
          <DataTable
            data={connectors}
            columns={connectorColumns}
            getRowId={connectorRowId}
            label="Connectors"
            filterLabel="Filter connectors"
            rowNoun={['connector', 'connectors']}
            initialSorting={[{ id: 'name', desc: false }]}
            emptyMessage="No connectors yet."
          />
          <p className={HINT_TEXT}>
            {overview.isError
              ? `Refreshing failed (${overview.error.message}); showing what was read at ${formatTime(new Date(overview.dataUpdatedAt))}.`
              : `As of ${formatTime(new Date(overview.dataUpdatedAt))}, refreshed every ${REFRESH_MS / 1000} s.`}
          </p>
        </div>
      </Card>
      <Card title="Workers">
        <div className="flex flex-col gap-3">
          <DataTable
            data={workers}
            columns={workerColumns}
            getRowId={workerRowId}
            label="Workers"
            filterLabel="Filter workers"
            rowNoun={['worker', 'workers']}
            initialSorting={[{ id: 'workerId', desc: false }]}
            emptyMessage="No worker runs a connector or task yet; the worker at the REST URL answered above."
          />
          <p className={HINT_TEXT}>
            Workers as the connectors&apos; and tasks&apos; statuses name them (host:port of each
            worker&apos;s REST listener).
          </p>
        </div>
      </Card>
    </>
  );
}
