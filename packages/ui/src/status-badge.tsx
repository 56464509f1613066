/** Consumer lag statuses as Burrow names them: a group's (OK, WARN, ERR, NOTFOUND) and a partition's. */
export type LagStatus = 'OK' | 'WARN' | 'ERR' | 'STOP' | 'STALL' | 'REWIND' | 'NOTFOUND';

/** What each status means, for the tooltip and for assistive technology; the badge text is the status itself. */
export const LAG_STATUS_DESCRIPTIONS: Record<LagStatus, string> = {
  OK: 'keeping up',
  WARN: 'lag is growing',
  ERR: 'a partition has stopped, stalled or rewound',
  STOP: 'no commits for longer than the recent window',
  STALL: 'committing the same offset while lag remains',
  REWIND: 'the committed offset went back',
  NOTFOUND: 'the cluster does not know this group',
};

/** Ascending severity, so a descending sort puts what needs attention first. */
const SEVERITY: Record<LagStatus, number> = {
  NOTFOUND: 0,
  OK: 1,
  WARN: 2,
  REWIND: 3,
  STALL: 4,
  STOP: 5,
  ERR: 6,
};

export function compareLagStatus(a: LagStatus, b: LagStatus): number {
  return SEVERITY[a] - SEVERITY[b];
}

/** Both themes keep the label at WCAG AA contrast; the icon repeats the tone for those who see colour poorly. */
const TONES: Record<LagStatus, { className: string; icon: string }> = {
  OK: {
    className: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-300',
    icon: '●',
  },
  WARN: {
    className: 'bg-amber-50 text-amber-900 ring-amber-600/40 dark:bg-amber-950 dark:text-amber-300',
    icon: '▲',
  },
  ERR: { className: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-300', icon: '■' },
  STOP: { className: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-300', icon: '■' },
  STALL: {
    className: 'bg-orange-50 text-orange-900 ring-orange-600/40 dark:bg-orange-950 dark:text-orange-300',
    icon: '■',
  },
  REWIND: {
    className: 'bg-violet-50 text-violet-800 ring-violet-600/30 dark:bg-violet-950 dark:text-violet-300',
    icon: '◀',
  },
  NOTFOUND: {
    className: 'bg-zinc-100 text-zinc-700 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-300',
    icon: '○',
  },
};

/** A consumer status as a small labelled badge. Plain text, not a live region: tables hold many of them. */
export function StatusBadge({ status }: { status: LagStatus }) {
  const { className, icon } = TONES[status];
  const description = LAG_STATUS_DESCRIPTIONS[status];
  return (
    <span
      title={description}
      data-status={status}
      className={`inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${className}`}
    >
      <span aria-hidden="true" className="text-[0.6rem]">
        {icon}
      </span>
      {status}
      <span className="sr-only">: {description}</span>
    </span>
  );
}
