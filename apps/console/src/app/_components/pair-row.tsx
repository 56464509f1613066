import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy, FieldMessage } from './field';
import { BUTTON, INPUT } from './form-styles';

export interface PairInput {
  id: string;
  /** Read by screen readers only: the row's layout says it to sighted users. */
  label: string;
  placeholder: string;
  registration: UseFormRegisterReturn;
  error: string | undefined;
}

/**
 * One row of an editable list of pairs (a topic's other configs, a record's headers): two monospaced inputs,
 * each with its error under it, and a Remove button.
 */
export function PairRow({
  inputs,
  removeLabel,
  onRemove,
}: {
  inputs: [PairInput, PairInput];
  removeLabel: string;
  onRemove: () => void;
}) {
  return (
    <div className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
      {inputs.map(({ id, label, placeholder, registration, error }) => (
        <div key={id} className="flex flex-col gap-1">
          <label htmlFor={id} className="sr-only">
            {label}
          </label>
          <input
            id={id}
            {...registration}
            placeholder={placeholder}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, false, error)}
            className={`${INPUT} font-mono`}
          />
          <FieldMessage id={id} message={error} />
        </div>
      ))}
      <button type="button" onClick={onRemove} aria-label={removeLabel} className={BUTTON}>
        Remove
      </button>
    </div>
  );
}
