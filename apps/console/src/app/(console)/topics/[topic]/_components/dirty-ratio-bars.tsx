import {
  describeEligibility,
  formatRatio,
  type CleanerStatusRow,
} from '../../../cleaner/_components/cleaner-format';

/**
 * Each partition's dirty ratio as a bar against its min.cleanable.dirty.ratio, drawn as a tick across the bar.
 * The numbers are in the text beside it, so the bar is decoration for assistive technology and colour is never
 * the only signal: a partition the cleaner would pick now (its ratio above the threshold, or its oldest dirty
 * record past max.compaction.lag.ms) also says "due".
 */
export function DirtyRatioBars({ statuses }: { statuses: CleanerStatusRow[] }) {
  return (
    <ul aria-label="Dirty ratio per partition" className="flex flex-col gap-2">
      {statuses.map((status) => {
        const due = status.eligibility === 'dirty-ratio' || status.eligibility === 'max-compaction-lag';
        return (
          <li key={status.partition} className="grid grid-cols-[7rem_1fr_16rem] items-center gap-3 text-sm">
            <span className="text-zinc-700 dark:text-zinc-300">Partition {status.partition}</span>
            <span
              aria-hidden="true"
              className="relative h-3 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
            >
              <span
                className={`absolute inset-y-0 left-0 ${due ? 'bg-amber-600 dark:bg-amber-400' : 'bg-sky-700 dark:bg-sky-500'}`}
                style={{ width: `${Math.min(100, status.dirtyRatio * 100).toFixed(2)}%` }}
              />
              <span
                className="absolute inset-y-0 w-0.5 bg-zinc-900 dark:bg-zinc-50"
                style={{ left: `${Math.min(100, status.minCleanableDirtyRatio * 100).toFixed(2)}%` }}
              />
            </span>
            <span className="text-zinc-900 tabular-nums dark:text-zinc-100">
              {formatRatio(status.dirtyRatio)} dirty, threshold {formatRatio(status.minCleanableDirtyRatio)}
              {due ? ' (due)' : ''}
            </span>
            <span className="col-start-2 col-end-4 text-zinc-700 dark:text-zinc-300">
              Next cleaning: {describeEligibility(status)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
