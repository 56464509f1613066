'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Card } from '@sluice/ui';
import { apiErrorCode, refreshEvery } from '~/lib/api-errors';
import { formatTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../../../../_components/api-error';
import { HINT_TEXT } from '../../../../../../_components/form-styles';
import { useRoleAccess, youAre } from '../../../../../../_components/role-access';
import { connectHref } from '../../../../_components/connect-links';
import { ConnectorState } from '../../../../_components/connector-state';
import { ConfigEditor } from './config-editor';
import { ConnectorActions } from './connector-actions';
import { ConnectorOffsets } from './connector-offsets';
import { ConnectorTopics } from './connector-topics';
import { TaskList } from './task-list';

const REFRESH_MS = 3_000;

/** A connector: its state and worker, its tasks, the actions on it, the topics it used, its config and offsets. */
export function ConnectorDetail({ cluster, connector }: { cluster: string; connector: string }) {
  const trpc = useTRPC();
  const access = useRoleAccess('operator');
  const detail = useQuery(
    trpc.connect.connector.queryOptions(
      { cluster, connector },
      { refetchInterval: refreshEvery(REFRESH_MS) },
    ),
  );
  if (detail.isPending)
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading the connector…
      </p>
    );
  if (detail.isError && !detail.data) {
    if (apiErrorCode(detail.error) === 'NOT_FOUND')
      return (
        <div role="alert" className="max-w-2xl text-sm">
          <p className="font-semibold">Kafka Connect does not know this connector.</p>
          <p className="mt-1 text-zinc-700 dark:text-zinc-300">
            {detail.error.message}.{' '}
            <Link
              href={connectHref(cluster)}
              className="font-medium text-sky-800 underline dark:text-sky-300"
            >
              All connectors of {cluster}
            </Link>
          </p>
        </div>
      );
    return <ApiError error={detail.error} what="the connector" />;
  }
  const { data } = detail;
  const operator = access.status === 'allowed';
  return (
    <div className="flex flex-col gap-6">
      <Card title="Connector">
        <div className="flex flex-col gap-4">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <dt className={HINT_TEXT}>State</dt>
              <dd>
                <ConnectorState state={data.connector.state} />
              </dd>
            </div>
            <div>
              <dt className={HINT_TEXT}>Type</dt>
              <dd>{data.type}</dd>
            </div>
            <div>
              <dt className={HINT_TEXT}>Worker</dt>
              <dd className="font-mono">{data.connector.workerId}</dd>
            </div>
            <div>
              <dt className={HINT_TEXT}>Class</dt>
              <dd className="font-mono text-xs break-all">{data.config['connector.class'] ?? '—'}</dd>
            </div>
          </dl>
          {data.connector.trace && (
            <details className="text-sm">
              <summary className="cursor-pointer font-medium text-red-800 dark:text-red-300">
                Why the connector failed
              </summary>
              <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-zinc-100 p-3 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-950">
                {data.connector.trace}
              </pre>
            </details>
          )}
          {operator ? (
            <ConnectorActions cluster={cluster} connector={connector} state={data.connector.state} />
          ) : access.status === 'denied' ? (
            <p className={HINT_TEXT}>
              Pausing, resuming, stopping, restarting, editing and deleting connectors needs the operator
              role; {youAre(access.role)}.
            </p>
          ) : null}
          <p className={HINT_TEXT}>
            {detail.isError
              ? `Refreshing failed (${detail.error.message}); showing what was read at ${formatTime(new Date(detail.dataUpdatedAt))}.`
              : `As of ${formatTime(new Date(detail.dataUpdatedAt))}, refreshed every ${REFRESH_MS / 1000} s.`}
          </p>
        </div>
      </Card>
      <Card title="Tasks">
        <TaskList cluster={cluster} connector={connector} tasks={data.tasks} canRestart={operator} />
      </Card>
      <Card title="Topics">
        <ConnectorTopics cluster={cluster} connector={connector} editable={operator} />
      </Card>
      <Card title="Config">
        <ConfigEditor cluster={cluster} connector={connector} config={data.config} editable={operator} />
      </Card>
      <Card title="Offsets">
        <ConnectorOffsets
          cluster={cluster}
          connector={connector}
          stopped={data.connector.state === 'STOPPED'}
          editable={operator}
        />
      </Card>
    </div>
  );
}
