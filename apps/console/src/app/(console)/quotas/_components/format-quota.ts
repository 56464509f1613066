/**
 * Quota values and measures as the quotas page shows them. The same fixed locale as ~/lib/format, so the
 * server's render and the browser's agree.
 */
import type { ClientQuotaKey } from '@sluice/validators';
import { formatByteRate } from '../../_overview/format-traffic';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "1,048,576 B/s (1 MiB/s)", "512 B/s", "12.5 %", "2 partitions/s". */
export function formatQuota(key: ClientQuotaKey, value: number): string {
  switch (key) {
    case 'producer_byte_rate':
    case 'consumer_byte_rate': {
      const exact = `${NUMBER.format(value)} B/s`;
      const rate = formatByteRate(value);
      return rate === exact ? exact : `${exact} (${rate})`;
    }
    case 'request_percentage':
      return `${NUMBER.format(value)} %`;
    case 'controller_mutation_rate':
      return `${NUMBER.format(value)} partitions/s`;
  }
}

/** "throttled 1,234 ms" or "not throttled". */
export function formatThrottle(ms: number): string {
  return ms > 0 ? `throttled ${NUMBER.format(Math.round(ms))} ms` : 'not throttled';
}

export { formatByteRate };
