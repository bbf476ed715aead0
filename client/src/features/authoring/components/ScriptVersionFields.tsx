import type { ChangeEvent } from "react";
import type { RevisionColor } from "../../../gql/graphql";
import { enumLabel } from "../../../lib/format";
import { revisionTint } from "../../script/components/ScreenplayView";
import { type FieldErrors, type VersionFormState, WGA_ORDER } from "../lib/versionForm";
import { Field } from "./Field";

interface Props {
  state: VersionFormState;
  errors: FieldErrors;
  onChange: (patch: Partial<VersionFormState>) => void;
}

/** Fountain text (pasted or read from a local file, never uploaded as a file) and the revision. */
export function ScriptVersionFields({ state, errors, onChange }: Props) {
  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) onChange({ text: await file.text() });
  };
  return (
    <>
      <Field id="version-file" label="Fountain file (.fountain or .txt)" hint="Read in your browser.">
        {(a) => <input {...a} type="file" accept=".fountain,.txt,text/plain" onChange={readFile} />}
      </Field>
      <Field id="version-text" label="Script (Fountain)" error={errors.text}>
        {(a) => (
          <textarea
            {...a}
            className="textarea mono"
            rows={12}
            value={state.text}
            onChange={(e) => onChange({ text: e.target.value })}
          />
        )}
      </Field>
      <div className="form-grid">
        <Field
          id="version-color"
          label="Revision colour"
          error={errors.revisionColor}
          hint="WGA order; the next colour is chosen."
        >
          {(a) => (
            <span className="row">
              <span
                className="swatch"
                style={{ background: revisionTint(state.revisionColor) }}
                aria-hidden="true"
              />
              <select
                {...a}
                className="select"
                value={state.revisionColor}
                onChange={(e) => onChange({ revisionColor: e.target.value as RevisionColor })}
              >
                {WGA_ORDER.map((c) => (
                  <option key={c} value={c}>
                    {enumLabel(c)}
                  </option>
                ))}
              </select>
            </span>
          )}
        </Field>
        <Field
          id="version-label"
          label="Revision label"
          error={errors.revisionLabel}
          hint="Optional; e.g. “Blue Revision 11/20”."
        >
          {(a) => (
            <input
              {...a}
              className="input"
              value={state.revisionLabel}
              onChange={(e) => onChange({ revisionLabel: e.target.value })}
            />
          )}
        </Field>
      </div>
    </>
  );
}
