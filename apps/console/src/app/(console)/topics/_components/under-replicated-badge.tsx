/**
 * A warning badge for under-replicated partitions (fewer in-sync replicas than replicas): a topic's count of them,
 * or a partition's flag when `label` is given; a plain "0" for a topic without any. The icon repeats the warning
 * for those who see colour poorly; the text carries the meaning.
 */
export function UnderReplicatedBadge({ count, label }: { count: number; label?: string }) {
  if (count === 0) return <span className="text-zinc-600 dark:text-zinc-400">0</span>;
  return (
    <span
      title="ISR smaller than the replica set"
      data-warning="under-replicated"
      className="inline-flex items-center gap-1 rounded-md bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-600/40 ring-inset dark:bg-amber-950 dark:text-amber-300"
    >
      <span aria-hidden="true" className="text-[0.6rem]">
        ▲
      </span>
      {label ?? (
        <>
          {count.toLocaleString('en-US')}
          <span className="sr-only"> under-replicated</span>
        </>
      )}
    </span>
  );
}
