import type { Metadata } from 'next';
import { ComingNext } from '../../_components/coming-next';

export const metadata: Metadata = { title: 'Audit log · Sluice console' };

export default function AuditPage() {
  return (
    <ComingNext title="Audit log">
      <p>
        The audit log comes with console sign-in: who signed in, and who changed users, topics or committed
        offsets, when and from where.
      </p>
    </ComingNext>
  );
}
