import type { MentionMember } from "../lib/mentions";
import { ROLE_LABEL } from "../lib/mentions";

interface Props {
  id: string;
  members: readonly MentionMember[];
  value: string;
  onChange: (userId: string) => void;
}

/** Who should act on a note: any member of the production, or nobody ("" means unassigned). */
export function AssigneeSelect({ id, members, value, onChange }: Props) {
  const sorted = [...members].sort((a, b) => a.user.name.localeCompare(b.user.name));
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        Assignee
      </label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="assignee-select"
      >
        <option value="">Unassigned</option>
        {sorted.map((m) => (
          <option key={m.user.id} value={m.user.id}>
            {m.user.name} · {ROLE_LABEL[m.role]}
          </option>
        ))}
      </select>
    </>
  );
}
