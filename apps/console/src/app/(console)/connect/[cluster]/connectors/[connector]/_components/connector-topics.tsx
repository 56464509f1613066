'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { refreshEvery } from '~/lib/api-errors';
import { useTRPC } from '~/trpc/react';
import { BUTTON, ERROR_TEXT, HINT_TEXT } from '../../../../../../_components/form-styles';
import { topicHref } from '../../../../../topics/_components/topic-links';

/** A task records a topic as it first uses it: a minute-old list is close enough for a glance. */
const REFRESH_MS = 10_000;

/**
 * The topics the connector has used (KIP-558): a source's once a record to them was acknowledged, a sink's as
 * it reads them. Operators can reset the list, which fills again as the tasks use topics.
 */
export function ConnectorTopics({
  cluster,
  connector,
  editable,
}: {
  cluster: string;
  connector: string;
  editable: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { cluster, connector };
  const topics = useQuery(
    trpc.connect.activeTopics.queryOptions(input, { refetchInterval: refreshEvery(REFRESH_MS) }),
  );
  const reset = useMutation(trpc.connect.resetActiveTopics.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);

  async function resetTopics() {
    setProblem(null);
    try {
      await reset.mutateAsync(input);
      await queryClient.invalidateQueries({ queryKey: trpc.connect.activeTopics.queryKey(input) });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  if (topics.isPending)
    return (
      <p role="status" className={HINT_TEXT}>
        Loading the topics…
      </p>
    );
  if (topics.isError)
    return (
      <p role="alert" className={ERROR_TEXT}>
        Could not read the topics: {topics.error.message}
      </p>
    );
  if (!topics.data.tracking)
    return (
      <p className={HINT_TEXT}>
        Kafka Connect says “{topics.data.reason}”: its workers run with topic.tracking.enable=false.
      </p>
    );
  return (
    <div className="flex flex-col gap-3">
      {topics.data.topics.length === 0 ? (
        <p className={HINT_TEXT}>No topic used yet.</p>
      ) : (
        <ul aria-label={`Topics ${connector} used`} className="flex flex-wrap gap-2 text-sm">
          {topics.data.topics.map((topic) => (
            <li key={topic}>
              <Link href={topicHref(topic)} className="font-mono text-sky-800 underline dark:text-sky-300">
                {topic}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p role="alert" className={ERROR_TEXT}>
          {problem}
        </p>
      )}
      {editable && topics.data.topics.length > 0 && (
        <div>
          <button type="button" className={BUTTON} onClick={resetTopics} disabled={reset.isPending}>
            {reset.isPending ? 'Resetting…' : 'Reset the list'}
          </button>
        </div>
      )}
    </div>
  );
}
