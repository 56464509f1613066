import { Card } from '@sluice/ui';
import { formatCount } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';
import { Tile } from '../../_overview/tile';
import { formatAgo } from './broker-format';

type Brokers = RouterOutputs['brokers']['list'];
type QuorumReplica = NonNullable<Brokers['quorum']>['voters'][number];

const CELL = 'px-3 py-2 text-sm';
const HEAD = 'px-3 py-2 text-left text-xs font-semibold text-zinc-700 dark:text-zinc-300';

function Row({
  replica,
  role,
  now,
}: {
  replica: QuorumReplica;
  role: 'leader' | 'voter' | 'observer';
  now: number;
}) {
  const behind = replica.lag !== null && replica.lag > 0;
  return (
    <tr className="border-t border-zinc-200 dark:border-zinc-800">
      <td className={`${CELL} text-right tabular-nums`}>{replica.nodeId}</td>
      <td className={CELL}>{role}</td>
      <td className={`${CELL} text-right tabular-nums`}>
        {replica.logEndOffset === null ? 'unknown' : formatCount(replica.logEndOffset)}
      </td>
      <td
        className={`${CELL} text-right tabular-nums ${behind ? 'font-semibold text-amber-800 dark:text-amber-300' : ''}`}
      >
        {replica.lag === null ? 'unknown' : formatCount(replica.lag)}
      </td>
      <td className={CELL}>{role === 'leader' ? '—' : formatAgo(replica.lastFetchTimestamp, now)}</td>
      <td className={CELL}>{formatAgo(replica.lastCaughtUpTimestamp, now)}</td>
    </tr>
  );
}

/** The KRaft metadata quorum: its leader, epoch and high watermark, and how far each voter is behind the leader. */
export function Quorum({ brokers, now }: { brokers: Brokers; now: number }) {
  const { quorum } = brokers;
  if (!quorum) {
    return (
      <Card title="Metadata quorum">
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          The cluster did not describe its quorum{brokers.quorumError ? `: ${brokers.quorumError}` : ''}.
          (DescribeQuorum is served by KRaft clusters; a ZooKeeper-based Kafka has no metadata quorum.)
        </p>
      </Card>
    );
  }
  return (
    <Card title="Metadata quorum">
      <section aria-label="Quorum">
        <dl className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4">
          <Tile label="Leader" tone={quorum.leaderId < 0 ? 'critical' : 'normal'}>
            {quorum.leaderId < 0 ? 'none' : `broker ${quorum.leaderId}`}
          </Tile>
          <Tile label="Epoch">{formatCount(quorum.leaderEpoch)}</Tile>
          <Tile label="High watermark">{formatCount(quorum.highWatermark)}</Tile>
          <Tile label="Voters">{formatCount(quorum.voters.length)}</Tile>
        </dl>
      </section>
      {quorum.standalone && (
        <p className="mb-3 text-sm text-zinc-700 dark:text-zinc-300">
          A single broker without KRaft: it holds the cluster&apos;s metadata alone, so it is a quorum of one
          with no metadata log to replicate.
        </p>
      )}
      <div className="overflow-x-auto">
        <table aria-label="Quorum replicas" className="w-full min-w-[40rem]">
          <thead>
            <tr>
              <th scope="col" className={`${HEAD} text-right`}>
                Node id
              </th>
              <th scope="col" className={HEAD}>
                Role
              </th>
              <th scope="col" className={`${HEAD} text-right`}>
                Log end offset
              </th>
              <th scope="col" className={`${HEAD} text-right`}>
                Lag
              </th>
              <th scope="col" className={HEAD}>
                Last fetch
              </th>
              <th scope="col" className={HEAD}>
                Last caught up
              </th>
            </tr>
          </thead>
          <tbody>
            {quorum.voters.map((voter) => (
              <Row
                key={`v${voter.nodeId}`}
                replica={voter}
                role={voter.nodeId === quorum.leaderId ? 'leader' : 'voter'}
                now={now}
              />
            ))}
            {quorum.observers.map((observer) => (
              <Row key={`o${observer.nodeId}`} replica={observer} role="observer" now={now} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        Lag is the leader&apos;s log end offset minus the replica&apos;s, in metadata records. Times are the
        leader&apos;s clock.
      </p>
    </Card>
  );
}
