import Link from 'next/link';
import { dataTableColumns } from '@sluice/ui';
import { formatCount } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';
import { formatBytes, formatRecordRate } from './topic-format';
import { topicHref } from './topic-links';
import { UnderReplicatedBadge } from './under-replicated-badge';

export type TopicRow = RouterOutputs['topics']['list'][number];

const column = dataTableColumns<TopicRow>();

/** The search box matches topic names only: a number column would match "1" in every row. */
export const topicColumns = column.columns([
  column.accessor('name', {
    header: 'Topic',
    sortFn: 'alphanumeric',
    cell: (info) => (
      // No prefetch as rows scroll into view: with 10,000 topics that is a request per row passing by.
      <Link
        href={topicHref(info.getValue())}
        prefetch={false}
        className="font-medium text-sky-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300"
      >
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor('partitions', {
    header: 'Partitions',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '7.5rem' },
  }),
  column.accessor('replicationFactor', {
    header: 'Replication',
    enableGlobalFilter: false,
    meta: { align: 'end', width: '7.5rem' },
  }),
  column.accessor('records', {
    header: 'Records',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '9rem' },
  }),
  // Undefined sorts last either way: a cluster that does not report sizes has nothing to order by.
  column.accessor((topic) => topic.sizeBytes ?? undefined, {
    id: 'sizeBytes',
    header: 'Size',
    sortUndefined: 'last',
    cell: (info) => {
      const bytes = info.getValue();
      return bytes === undefined ? (
        <span title="The cluster does not report log sizes">—</span>
      ) : (
        formatBytes(bytes)
      );
    },
    enableGlobalFilter: false,
    meta: { align: 'end', width: '8rem' },
  }),
  column.accessor((topic) => topic.recordsPerSecond ?? undefined, {
    id: 'recordsPerSecond',
    header: 'Records/s',
    sortUndefined: 'last',
    cell: (info) => {
      const rate = info.getValue();
      return rate === undefined ? (
        <span title="Known from the second reading on, a refresh after the first">—</span>
      ) : (
        formatRecordRate(rate)
      );
    },
    enableGlobalFilter: false,
    meta: { align: 'end', width: '8rem' },
  }),
  column.accessor('underReplicatedPartitions', {
    header: 'Under-replicated',
    cell: (info) => <UnderReplicatedBadge count={info.getValue()} />,
    enableGlobalFilter: false,
    meta: { align: 'end', width: '9.5rem' },
  }),
]);
