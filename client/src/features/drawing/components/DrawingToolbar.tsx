import type { DrawingDraft } from "../hooks/useDrawingDraft";
import { COLOURS, TOOLS, WIDTHS } from "../lib/shapes";

interface Props {
  draft: DrawingDraft;
  /** "Done" for a new note's drawing (kept for the composer), "Save drawing" when editing a note. */
  doneLabel: string;
  onDone: () => void;
  busy?: boolean;
}

/** Tools, production colours, widths, undo/redo/clear, and done. */
export function DrawingToolbar({ draft, doneLabel, onDone, busy }: Props) {
  const { history, dispatch } = draft;
  return (
    <div className="drawing-toolbar" role="toolbar" aria-label="Drawing tools" data-testid="drawing-toolbar">
      {TOOLS.map((t) => (
        <button
          key={t.tool}
          type="button"
          className="btn sm"
          aria-pressed={draft.tool === t.tool}
          onClick={() => draft.setTool(t.tool)}
          title={t.label}
        >
          {t.label}
        </button>
      ))}
      <span className="drawing-sep" />
      {COLOURS.map((c) => (
        <button
          key={c.color}
          type="button"
          className="swatch"
          style={{ background: c.color }}
          aria-label={c.name}
          aria-pressed={draft.color === c.color}
          onClick={() => draft.setColor(c.color)}
        />
      ))}
      <span className="drawing-sep" />
      {WIDTHS.map((w) => (
        <button
          key={w}
          type="button"
          className="btn sm"
          aria-label={`Width ${w}`}
          aria-pressed={draft.size === w}
          onClick={() => draft.setSize(w)}
        >
          <span className="width-dot" style={{ height: w, width: 14 }} />
        </button>
      ))}
      <span className="drawing-sep" />
      <button
        type="button"
        className="btn sm"
        disabled={!history.past.length}
        onClick={() => dispatch({ type: "undo" })}
      >
        Undo
      </button>
      <button
        type="button"
        className="btn sm"
        disabled={!history.future.length}
        onClick={() => dispatch({ type: "redo" })}
      >
        Redo
      </button>
      <button
        type="button"
        className="btn sm"
        disabled={!history.present.length}
        onClick={() => dispatch({ type: "clear" })}
      >
        Clear
      </button>
      <span className="drawing-sep" />
      <button type="button" className="btn ghost sm" onClick={draft.discard}>
        Discard
      </button>
      <button type="button" className="btn primary sm" onClick={onDone} disabled={busy}>
        {doneLabel}
      </button>
    </div>
  );
}
