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

export function NoteFilters({ filter, onChange, counts, total, shown, members }: Props) {
  const roles = [...new Set(members.map((m) => m.role))];
  return (
    <section className="note-filters stack" aria-label="Filter notes">
      <fieldset className="row wrap">
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
      </fieldset>
      <div className="row wrap">
        <input
          className="input sm"
          type="search"
          placeholder="Search notes  /"
          aria-label="Search notes"
          data-shortcut="/"
          value={filter.text}
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
        />
      </div>
      <div className="row wrap">
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
          onChange={(e) => onChange({ ...filter, category: (e.target.value || null) as NoteCategory | null })}
        >
          <option value="">Any category</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </div>
      <div className="row small muted" aria-live="polite">
        <span data-testid="notes-shown">
          {shown} of {total} notes
        </span>
        <span className="spacer" />
        {isFiltered(filter) ? (
          <button
            type="button"
            className="btn ghost sm"
            onClick={() => onChange({ ...emptyFilter, stem: filter.stem })}
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </section>
  );
}
