import { useEffect, useRef } from "react";
import { SHORTCUTS } from "../lib/hotkeys";

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: backdrop click is a mouse convenience; Esc closes via the dialog
    <div className="overlay" role="presentation" onClick={onClose}>
      <div
        className="dialog stack"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === "Escape" || e.key === "?") onClose();
        }}
      >
        <div className="row">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <span className="spacer" />
          <button ref={closeRef} type="button" className="btn ghost" onClick={onClose} aria-label="Close">
            Esc
          </button>
        </div>
        {Object.entries(SHORTCUTS).map(([group, list]) => (
          <section key={group}>
            <h3 className="small muted">{group}</h3>
            <table className="shortcut-table">
              <tbody>
                {list.map((s) => (
                  <tr key={s.action}>
                    <td style={{ width: "40%" }}>
                      {s.keys.map((k) => (
                        <kbd key={k} style={{ marginRight: 4 }}>
                          {k}
                        </kbd>
                      ))}
                    </td>
                    <td>{s.action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </div>
  );
}
