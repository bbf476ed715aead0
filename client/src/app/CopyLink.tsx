import { useState } from "react";

/**
 * A button that copies an in-app link (absolute, from this origin). Says "Copied" for a moment; if the
 * clipboard is refused, it says so and the link stays available as the button's href for manual copy.
 */
export function CopyLink({
  href,
  label,
  testId,
  text = "Copy link",
}: {
  href: string;
  label: string;
  testId?: string;
  text?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const url = new URL(href, window.location.origin).toString();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 1500);
  };
  return (
    <a
      className="btn ghost sm copy-link"
      href={url}
      onClick={(e) => {
        e.preventDefault();
        void copy();
      }}
      title={state === "failed" ? `Copy failed — ${url}` : label}
      aria-label={label}
      data-testid={testId}
      data-state={state}
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : text}
    </a>
  );
}
