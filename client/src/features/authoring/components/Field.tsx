import type { ReactNode } from "react";

/** What a control needs to be labelled, described and marked invalid. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

interface Props {
  id: string;
  label: string;
  error?: string | null;
  hint?: ReactNode;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A labelled form control whose hint and error are linked with `aria-describedby`, so a screen reader
 * reads the problem with the field; `aria-invalid` lets the form focus the first invalid field.
 */
export function Field({ id, label, error, hint, children }: Props) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint ? (
        <span id={hintId ?? undefined} className="small muted">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId ?? undefined} className="field-error small" data-testid={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Moves focus to the first invalid control of a form (after a failed submit). */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
}
