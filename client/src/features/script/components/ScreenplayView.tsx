import { memo, useCallback, useEffect, useMemo, useRef } from "react";
import type { CarriedPlacementFragment, NoteItemFragment, RevisionColor } from "../../../gql/graphql";
import { personColor } from "../../presence/components/PresenceAvatars";
import { type ParsedScript, parseInline, type ScriptLine } from "../fountain/parse";
import { CarriedMarginNote } from "./CarriedMarginNote";

export interface LineSelection {
  readonly start: number;
  readonly end: number;
}

interface Props {
  script: ParsedScript;
  revisionColor: RevisionColor | null;
  notes: readonly NoteItemFragment[];
  selection: LineSelection | null;
  onSelect: (selection: LineSelection | null) => void;
  selectedNoteId: string | null;
  onNoteClick: (note: NoteItemFragment) => void;
  /** Lines where other people are (presence), by line number. */
  others: ReadonlyMap<number, readonly { id: string; initials: string; name: string }[]>;
  /** Open notes of the previous version, at the lines they were carried to. */
  carried?: readonly CarriedPlacementFragment[];
  /** Lines this revision changed (computed by the server): an asterisk in the revision's colour. */
  changedLines?: ReadonlySet<number>;
}

const HIDDEN = new Set(["boneyard"]);

/** A one-line preview of a Markdown body for the margin (no markup characters). */
const plainPreview = (body: string) =>
  body
    .replace(/[*_`#>~[\]]/g, "")
    .replace(/\s+/g, " ")
    .slice(0, 60);

const range = (a: number, b: number): LineSelection => ({ start: Math.min(a, b), end: Math.max(a, b) });

export function revisionTint(color: RevisionColor | null): string {
  if (!color) return "var(--rev-white)";
  const base = color.replace("DOUBLE_", "").toLowerCase();
  return `var(--rev-${base})`;
}

/** The revision's colour as ink (asterisks), readable on its own page tint. */
export function revisionInk(color: RevisionColor | null): string {
  const base = (color ?? "WHITE").replace("DOUBLE_", "").toLowerCase();
  return `var(--rev-${base}-ink)`;
}

function Inline({ text }: { text: string }) {
  const spans = parseInline(text);
  return (
    <>
      {spans.map((s, i) => {
        const key = `${i}-${s.text}`;
        if (s.note)
          return (
            <span key={key} className="fx-note" title="Writer's note">
              [[{s.text}]]
            </span>
          );
        let node = <>{s.text}</>;
        if (s.underline) node = <u>{node}</u>;
        if (s.italic) node = <em>{node}</em>;
        if (s.bold) node = <strong>{node}</strong>;
        return <span key={key}>{node}</span>;
      })}
    </>
  );
}

/**
 * The screenplay laid out as pages, one row per source line so selections map to API line numbers.
 * Lines are selected in the gutter: click, Shift+click to extend, or drag.
 */
export const ScreenplayView = memo(function ScreenplayView(props: Props) {
  const { script, notes, selection, onSelect, selectedNoteId, onNoteClick, others } = props;
  const { carried, changedLines } = props;
  const dragAnchor = useRef<number | null>(null);
  const lastClicked = useRef<number | null>(null);

  const { startsAt, covered, selectedLines } = useMemo(() => {
    const startsAt = new Map<number, NoteItemFragment[]>();
    const covered = new Map<number, number>();
    let selectedLines: [number, number] | null = null;
    for (const n of notes) {
      if (n.anchor.__typename !== "ScriptAnchor") continue;
      const list = startsAt.get(n.anchor.lineStart) ?? [];
      list.push(n);
      startsAt.set(n.anchor.lineStart, list);
      for (let l = n.anchor.lineStart; l <= n.anchor.lineEnd; l++) covered.set(l, (covered.get(l) ?? 0) + 1);
      if (n.id === selectedNoteId) selectedLines = [n.anchor.lineStart, n.anchor.lineEnd];
    }
    return { startsAt, covered, selectedLines };
  }, [notes, selectedNoteId]);
  const carriedAt = useMemo(() => {
    const m = new Map<number, CarriedPlacementFragment[]>();
    for (const c of carried ?? []) {
      if (c.anchor.__typename !== "ScriptAnchor") continue;
      m.set(c.anchor.lineStart, [...(m.get(c.anchor.lineStart) ?? []), c]);
    }
    return m;
  }, [carried]);

  useEffect(() => {
    const up = () => {
      dragAnchor.current = null;
    };
    window.addEventListener("mouseup", up);
    return () => window.removeEventListener("mouseup", up);
  }, []);

  const onGutterDown = useCallback(
    (line: number, shift: boolean) => {
      if (shift && lastClicked.current !== null) {
        onSelect(range(lastClicked.current, line));
      } else {
        lastClicked.current = line;
        dragAnchor.current = line;
        onSelect({ start: line, end: line });
      }
    },
    [onSelect],
  );
  const onGutterEnter = useCallback(
    (line: number) => {
      if (dragAnchor.current !== null) onSelect(range(dragAnchor.current, line));
    },
    [onSelect],
  );

  const tint = revisionTint(props.revisionColor);
  const ink = revisionInk(props.revisionColor);
  const renderRow = (l: ScriptLine) => {
    if (HIDDEN.has(l.type)) return null;
    const inSelection = !!selection && l.line >= selection.start && l.line <= selection.end;
    const inNote = !!selectedLines && l.line >= selectedLines[0] && l.line <= selectedLines[1];
    const starting = startsAt.get(l.line);
    const here = others.get(l.line);
    return (
      <div
        key={l.line}
        className="sp-row"
        data-line={l.line}
        data-selected={inSelection || undefined}
        data-noted={covered.has(l.line) || undefined}
        data-active-note={inNote || undefined}
      >
        <button
          type="button"
          className="sp-gutter"
          aria-label={`Line ${l.line}`}
          aria-pressed={inSelection}
          onMouseDown={(e) => {
            e.preventDefault();
            onGutterDown(l.line, e.shiftKey);
          }}
          onMouseEnter={() => onGutterEnter(l.line)}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === " ") {
              e.preventDefault();
              onGutterDown(l.line, e.shiftKey);
            }
          }}
        >
          {l.line}
        </button>
        <div className={`sp-el sp-${l.type}`} data-scene={l.sceneNumber}>
          <Inline text={l.text} />
          {l.type === "scene" && l.sceneNumber ? <span className="sp-scene-no">{l.sceneNumber}</span> : null}
        </div>
        {changedLines?.has(l.line) ? (
          <span
            className="sp-rev-mark"
            style={{ color: ink }}
            title="Changed in this revision"
            data-testid="rev-mark"
          >
            *
          </span>
        ) : null}
        <div className="sp-margin">
          {here?.map((p) => (
            <span
              key={p.id}
              className="avatar xs"
              style={{ background: personColor(p.id) }}
              title={`${p.name} is here`}
            >
              {p.initials}
            </span>
          ))}
          {starting?.map((n) => (
            <button
              key={n.id}
              type="button"
              className="margin-note"
              data-status={n.status}
              data-selected={n.id === selectedNoteId || undefined}
              onClick={() => onNoteClick(n)}
              title={n.body}
              data-testid="margin-note"
            >
              <span className="avatar xs" style={{ background: personColor(n.author.id) }} aria-hidden="true">
                {n.author.initials}
              </span>
              <span className="margin-text">{plainPreview(n.body)}</span>
              {n.replies.length ? <span className="muted">+{n.replies.length}</span> : null}
            </button>
          ))}
          {carriedAt.get(l.line)?.map((c) => (
            <CarriedMarginNote key={c.id} carried={c} />
          ))}
        </div>
      </div>
    );
  };

  return (
    <div className="screenplay" data-testid="screenplay">
      {script.title.length > 0 ? (
        <div className="sp-page sp-title-page" style={{ background: tint }}>
          {script.title.map((l) => (
            <div
              key={l.line}
              className={`sp-row sp-title-${(l.titleKey ?? "").toLowerCase().replace(/\s+/g, "-")}`}
              data-line={l.line}
            >
              <span className="sp-gutter static">{l.line}</span>
              <div className="sp-el sp-title">{l.text}</div>
              <div className="sp-margin" />
            </div>
          ))}
        </div>
      ) : null}
      {script.pages.map((page) => (
        <section
          key={page.number}
          className="sp-page"
          style={{ background: tint }}
          aria-label={`Page ${page.number}`}
        >
          <span className="sp-page-no" aria-hidden="true">
            {page.number}.
          </span>
          {page.lines.map(renderRow)}
        </section>
      ))}
    </div>
  );
});
