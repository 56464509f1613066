import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { AuditLog } from './_components/audit-log';

export const metadata: Metadata = { title: 'Audit log · Sluice console' };

export default function AuditPage() {
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made through the console and its API, newest first: who did what to which user, topic or group, and when."
      />
      <AuditLog />
    </>
  );
}
