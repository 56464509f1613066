import type { ReactNode } from 'react';
import { ERROR_TEXT, HINT_TEXT, LABEL_TEXT } from './form-styles';

/**
 * The console's labelled form field: a label, the control, then an optional hint and an error message. The
 * control points at them with aria-describedby={describedBy(id, ...)}: the hint is `${id}-hint`, the error
 * `${id}-error`, so a screen reader reads both with the control.
 */

/** The ids a control points to with aria-describedby: its hint, then its error when it has one. */
export function describedBy(id: string, hint: boolean, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A field's error, under it; nothing when there is none. */
export function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className={ERROR_TEXT}>
      {message}
    </p>
  );
}

export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  /** The control's id. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={LABEL_TEXT}>
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className={HINT_TEXT}>
          {hint}
        </p>
      )}
      <FieldMessage id={id} message={error} />
    </div>
  );
}
