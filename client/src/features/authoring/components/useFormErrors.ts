import { useEffect, useRef, useState } from "react";
import { describeError, fieldErrorsOf } from "../../../lib/errors";
import type { FieldErrors } from "../lib/versionForm";
import { focusFirstInvalid } from "./Field";

/**
 * Errors of one authoring form: per field (ours, or the server's `extensions.fields`) or, for anything
 * else, one message for the whole form. After a failed submit, focus moves to the first invalid field
 * once React has rendered the errors (so `aria-invalid` is already there).
 */
export function useFormErrors() {
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);

  useEffect(() => {
    if (failures > 0) focusFirstInvalid(form.current);
  }, [failures]);

  /** Shows the form's own findings; true when there were any (do not send). */
  const rejectLocally = (found: FieldErrors): boolean => {
    setErrors(found);
    setProblem(null);
    const any = Object.keys(found).length > 0;
    if (any) setFailures((n) => n + 1);
    return any;
  };

  /**
   * Shows what the server refused: each field's message beside it when the form `shows` that field;
   * anything else (another error, or a field the form has no control for) as the form's message, so no
   * refusal goes unexplained.
   */
  const rejectedByServer = (error: unknown, shows: (field: string) => boolean = () => true): void => {
    const fields = fieldErrorsOf(error);
    const unshown = Object.entries(fields).filter(([field]) => !shows(field));
    setErrors(fields);
    setProblem(
      Object.keys(fields).length === 0
        ? describeError(error).message
        : unshown.length
          ? unshown.map(([field, message]) => `${field}: ${message}`).join("; ")
          : null,
    );
    setFailures((n) => n + 1);
  };

  return { form, errors, setErrors, problem, rejectLocally, rejectedByServer };
}
