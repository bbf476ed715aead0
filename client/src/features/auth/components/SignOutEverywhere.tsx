import { useMutation } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { describeError } from "../../../lib/errors";
import { SignOutEverywhereDocument } from "../graphql";

/**
 * "Sign out everywhere", for a lost laptop or a leaked token: ends every session of the user on
 * every device (open rooms elsewhere close at once) and, unless kept, revokes their API tokens.
 * It asks first because it cannot be undone; `onDone` then leaves this browser too.
 */
export function SignOutEverywhere({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (ended: number) => void;
}) {
  const [keepApiTokens, setKeepApiTokens] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [run, state] = useMutation(SignOutEverywhereDocument);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);

  const confirm = async () => {
    setProblem(null);
    try {
      const res = await run({ variables: { keepApiTokens } });
      onDone(res.data?.signOutEverywhere ?? 0);
    } catch (e) {
      setProblem(describeError(e).message);
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: backdrop click is a mouse convenience; Esc closes via the dialog
    <div className="overlay" role="presentation" onClick={onClose}>
      <div
        className="dialog stack"
        role="dialog"
        aria-modal="true"
        aria-labelledby="sign-out-everywhere-title"
        data-testid="sign-out-everywhere-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === "Escape") onClose();
        }}
      >
        <h2 id="sign-out-everywhere-title">Sign out everywhere?</h2>
        <p>
          This ends every session of yours, on every device and browser, this one included. Rooms open
          elsewhere close at once.
        </p>
        <label className="row small">
          <input
            type="checkbox"
            checked={keepApiTokens}
            onChange={(e) => setKeepApiTokens(e.target.checked)}
          />
          Keep my API tokens (tools keep working)
        </label>
        {problem ? (
          <p className="small" role="alert" style={{ color: "var(--danger)" }}>
            {problem}
          </p>
        ) : null}
        <div className="row">
          <span className="spacer" />
          <button ref={cancelRef} type="button" className="btn ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn danger" disabled={state.loading} onClick={confirm}>
            Sign out everywhere
          </button>
        </div>
      </div>
    </div>
  );
}
