import type { ReactNode } from 'react';

/** "attention": worth a look (under-replicated, groups not OK); "critical": data unavailable (offline partitions). */
export type TileTone = 'normal' | 'attention' | 'critical';

const TONES: Record<TileTone, { box: string; icon: string | null; meaning: string | null }> = {
  normal: {
    box: 'border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900',
    icon: null,
    meaning: null,
  },
  attention: {
    box: 'border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
    icon: '▲',
    meaning: 'needs attention',
  },
  critical: {
    box: 'border-red-400 bg-red-50 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-100',
    icon: '■',
    meaning: 'critical',
  },
};

/**
 * One figure of a description list, in a box. A figure that needs attention is coloured and carries an icon and
 * words too, so colour is never the only cue.
 */
export function Tile({
  label,
  tone = 'normal',
  note,
  children,
}: {
  label: string;
  tone?: TileTone;
  /** A line under the figure, e.g. "2 not OK". */
  note?: ReactNode;
  children: ReactNode;
}) {
  const { box, icon, meaning } = TONES[tone];
  return (
    <div data-tone={tone} className={`min-w-0 rounded-lg border p-3 ${box}`}>
      <dt className={`text-xs ${tone === 'normal' ? 'text-zinc-600 dark:text-zinc-400' : ''}`}>{label}</dt>
      <dd className="mt-1 text-lg font-semibold break-words tabular-nums">
        {icon && (
          <span aria-hidden="true" className="mr-1.5 text-xs">
            {icon}
          </span>
        )}
        {children}
        {meaning && <span className="sr-only"> ({meaning})</span>}
        {note && <span className="block text-xs font-normal">{note}</span>}
      </dd>
    </div>
  );
}
