'use client';

import { INPUT } from '~/app/_components/form-styles';
import { ISOLATION_LEVELS, type IsolationLevel } from './seek';

/** What the choice means, for the hint beside it. */
export const ISOLATION_LEVEL_HINT =
  'read_committed reads as a read_committed consumer does: up to the last stable offset, without aborted transactions.';

/** Kafka's isolation.level, for the message browser and the live tail. */
export function IsolationLevelSelect({
  id,
  value,
  onChange,
  describedBy,
}: {
  id: string;
  value: IsolationLevel;
  onChange: (value: IsolationLevel) => void;
  describedBy: string;
}) {
  return (
    <select
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value as IsolationLevel)}
      aria-describedby={describedBy}
      className={INPUT}
    >
      {ISOLATION_LEVELS.map((level) => (
        <option key={level.value} value={level.value}>
          {level.label}
        </option>
      ))}
    </select>
  );
}
