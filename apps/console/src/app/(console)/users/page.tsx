import type { Metadata } from 'next';
import { ComingNext } from '../../_components/coming-next';

export const metadata: Metadata = { title: 'Users · Sluice console' };

export default function UsersPage() {
  return (
    <ComingNext title="Users">
      <p>
        Managing console users comes with console sign-in: adding and removing them, resetting passwords, and
        their roles (viewer, operator, admin).
      </p>
    </ComingNext>
  );
}
