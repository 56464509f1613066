import { dataTableColumns } from '@sluice/ui';
import { formatCount } from '~/lib/format';
import type { RouterOutputs } from '~/trpc/outputs';
import { GroupLink } from '../../../groups/_components/columns';

export type ConsumerRow = RouterOutputs['topics']['detail']['consumers'][number];

const column = dataTableColumns<ConsumerRow>();

export const consumerColumns = column.columns([
  column.accessor('groupId', {
    header: 'Group',
    sortFn: 'alphanumeric',
    cell: (info) => <GroupLink groupId={info.getValue()} />,
  }),
  column.accessor('state', { header: 'State', sortFn: 'text', meta: { width: '11rem' } }),
  column.accessor('partitions', {
    header: 'Partitions committed',
    enableGlobalFilter: false,
    meta: { align: 'end', width: '11rem' },
  }),
  column.accessor('lag', {
    header: 'Lag on this topic',
    cell: (info) => formatCount(info.getValue()),
    enableGlobalFilter: false,
    meta: { align: 'end', width: '10rem' },
  }),
]);
