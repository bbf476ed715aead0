import { useState } from "react";
import type { NoteCategory, NoteStatus, Role } from "../../../gql/graphql";
import {
  emptyFilter,
  isFiltered,
  NOTE_STATUSES,
  type NoteFilter,
  STATUS_LABEL,
  toggleStatus,
} from "../lib/filters";
import { type MentionMember, ROLE_LABEL } from "../lib/mentions";
import { CATEGORIES, categoryLabel } from "./NoteComposer";

interface Props {
  filter: NoteFilter;
  onChange: (f: NoteFilter) => void;
  counts: Readonly<Record<NoteStatus, number>>;
  total: number;
  shown: number;
  members: readonly MentionMember[];
}

/** How many of the "more" filters (people, role, category, mine, assigned) are set. */
function moreSet(f: NoteFilter): number {
  return [f.mine, f.assignedToMe, f.authorId, f.role, f.category].filter(Boolean).length;
}

/**
 * Compact filters: search and the status chips on two short rows; people, role, category, "Mine"
 * and "Assigned to me" fold under "More" so the note cards keep the panel (4+ at 1280×720).
 */
export function NoteFilters({ filter, onChange, counts, total, shown, members }: Props) {
  const roles = [...new Set(members.map((m) => m.role))];
  const extra = moreSet(filter);
  const [open, setOpen] = useState(extra > 0);
  return (
    <section className="note-filters" aria-label="Filter notes">
      <div className="row filter-row">
        <input
          className="input sm"
          type="search"
          placeholder="Search notes  /"
          aria-label="Search notes"
          data-shortcut="/"
          value={filter.text}
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
        />
        <span className="small muted nowrap" data-testid="notes-shown" aria-live="polite">
          {shown} of {total}
        </span>
        {isFiltered(filter) ? (
          <button
            type="button"
            className="btn ghost sm"
            onClick={() => onChange({ ...emptyFilter, stem: filter.stem })}
            title="Clear filters"
          >
            Clear
          </button>
        ) : null}
        <button
          type="button"
          className="btn ghost sm"
          aria-expanded={open}
          aria-controls="more-filters"
          onClick={() => setOpen((o) => !o)}
          data-testid="more-filters"
        >
          More{extra ? ` (${extra})` : ""} {open ? "▴" : "▾"}
        </button>
      </div>
      <fieldset className="row filter-row status-chips">
        <legend className="visually-hidden">Status</legend>
        {NOTE_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className="chip"
            data-status={s}
            aria-pressed={filter.statuses.has(s)}
            onClick={() => onChange(toggleStatus(filter, s))}
            data-testid={`filter-${s}`}
          >
            {STATUS_LABEL[s]} <span className="chip-count">{counts[s]}</span>
          </button>
        ))}
      </fieldset>
      {open ? (
        <div className="row wrap filter-row" id="more-filters">
          <button
            type="button"
            className="chip"
            aria-pressed={filter.mine}
            onClick={() => onChange({ ...filter, mine: !filter.mine })}
          >
            Mine
          </button>
          <button
            type="button"
            className="chip"
            aria-pressed={!!filter.assignedToMe}
            onClick={() => onChange({ ...filter, assignedToMe: !filter.assignedToMe })}
            data-testid="filter-assigned-to-me"
          >
            Assigned to me
          </button>
          <select
            className="select"
            aria-label="Author"
            value={filter.authorId ?? ""}
            onChange={(e) => onChange({ ...filter, authorId: e.target.value || null })}
          >
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.user.id} value={m.user.id}>
                {m.user.name}
              </option>
            ))}
          </select>
          <select
            className="select"
            aria-label="Author's role"
            value={filter.role ?? ""}
            onChange={(e) => onChange({ ...filter, role: (e.target.value || null) as Role | null })}
          >
            <option value="">Any role</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
          <select
            className="select"
            aria-label="Category"
            value={filter.category ?? ""}
            onChange={(e) =>
              onChange({ ...filter, category: (e.target.value || null) as NoteCategory | null })
            }
          >
            <option value="">Any category</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </section>
  );
}
