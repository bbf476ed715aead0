import { useMemo } from "react";
import type { CompareVersionsQuery, NoteItemFragment } from "../../../gql/graphql";
import { useVersionNotes } from "../../versions/hooks/useVersionNotes";

type Comparison = NonNullable<CompareVersionsQuery["compareVersions"]>;

/** Notes of one side by the line they end on (where a script room shows them). */
function byLastLine(notes: readonly NoteItemFragment[]): Map<number, NoteItemFragment[]> {
  const out = new Map<number, NoteItemFragment[]>();
  for (const n of notes) {
    if (n.deletedAt || n.anchor.__typename !== "ScriptAnchor") continue;
    const list = out.get(n.anchor.lineEnd) ?? [];
    list.push(n);
    out.set(n.anchor.lineEnd, list);
  }
  return out;
}

function Notes({ notes }: { notes: readonly NoteItemFragment[] | undefined }) {
  if (!notes?.length) return null;
  return (
    <ul className="compare-notes">
      {notes.map((n) => (
        <li key={n.id} data-testid="compare-note">
          <strong>{n.author.name}:</strong> {n.body}
        </li>
      ))}
    </ul>
  );
}

/** Two script versions as a line diff, each side with its own notes beside their lines. */
export function CompareScript({ cmp }: { cmp: Comparison }) {
  const notesA = byLastLine(useVersionNotes(cmp.a.id).notes);
  const notesB = byLastLine(useVersionNotes(cmp.b.id).notes);
  const lines = cmp.lines ?? [];
  const changed = useMemo(() => lines.filter((l) => l.kind !== "SAME").length, [lines]);
  return (
    <div className="compare-script" data-testid="compare-script">
      <p className="muted small">
        v{cmp.a.number} → v{cmp.b.number}: {changed} lines changed
        {cmp.diffed ? "" : " (too different to diff line by line: all of each side is shown)"}
      </p>
      <table className="compare-diff">
        <thead>
          <tr>
            <th colSpan={2}>v{cmp.a.number}</th>
            <th colSpan={2}>v{cmp.b.number}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={`${l.aLine ?? "-"}:${l.bLine ?? "-"}`} data-kind={l.kind}>
              <td className="mono muted">{l.aLine ?? ""}</td>
              <td className="diff-a">
                {l.kind === "ADDED" ? null : <span>{l.text}</span>}
                <Notes notes={l.aLine ? notesA.get(l.aLine) : undefined} />
              </td>
              <td className="mono muted">{l.bLine ?? ""}</td>
              <td className="diff-b">
                {l.kind === "REMOVED" ? null : <span>{l.text}</span>}
                <Notes notes={l.bLine ? notesB.get(l.bLine) : undefined} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
