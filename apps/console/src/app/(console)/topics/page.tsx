import type { Metadata } from 'next';
import { ComingNext } from '../../_components/coming-next';

export const metadata: Metadata = { title: 'Topics · Sluice console' };

export default function TopicsPage() {
  return (
    <ComingNext title="Topics">
      <p>
        Browsing topics comes next: their partitions, leaders and ISR, log start and end offsets, and
        configurations. Until then the command line lists and describes them:
      </p>
      <pre className="mt-3 overflow-x-auto rounded-md bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-800">
        sluice topics describe --bootstrap-server 127.0.0.1:9092
      </pre>
    </ComingNext>
  );
}
