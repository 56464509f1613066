/**
 * Epoch labels whose leader changes lie closer than this share of the lane's width are drawn as one ("epochs
 * 5–7"), so no label prints over another (a label centred on its change, or ending at it near the right edge, is
 * at most about a tenth of a lane wide); the event list names each change.
 */
const EPOCH_LABEL_MIN_GAP = 0.12;

/**
 * The epoch labels under the ISR timeline's lanes: leader changes (oldest first) grouped by EPOCH_LABEL_MIN_GAP,
 * each group at its first change; `share` places a time on the lane (0 at its start, 1 now).
 */
export function epochLabels(
  changes: readonly { at: number; leaderEpoch: number }[],
  share: (at: number) => number,
): { at: number; share: number; text: string }[] {
  const groups: { at: number; share: number; epochs: number[] }[] = [];
  for (const change of changes) {
    const position = share(change.at);
    const last = groups.at(-1);
    if (last && position - last.share < EPOCH_LABEL_MIN_GAP) last.epochs.push(change.leaderEpoch);
    else groups.push({ at: change.at, share: position, epochs: [change.leaderEpoch] });
  }
  return groups.map(({ at, share: position, epochs }) => ({
    at,
    share: position,
    text: epochs.length === 1 ? `epoch ${epochs[0]}` : `epochs ${epochs[0]}–${epochs.at(-1)}`,
  }));
}
