import type { PresenceViewerItemFragment } from "../../../gql/graphql";
import { ROLE_LABEL } from "../../notes/lib/mentions";

/** A stable colour per person so their avatar and playhead match everywhere. */
export function personColor(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) % 360;
  return `hsl(${h} 70% 62%)`;
}

export function PresenceAvatars({ viewers }: { viewers: readonly PresenceViewerItemFragment[] }) {
  if (viewers.length === 0) return <span className="muted small">Only you here</span>;
  return (
    <ul className="avatars" aria-label={`${viewers.length} others in the room`} data-testid="presence">
      {viewers.map((v) => {
        const who = `${v.user.name}${v.role ? `, ${ROLE_LABEL[v.role]}` : ""}${v.playing ? " (playing)" : ""}`;
        return (
          <li
            key={v.user.id}
            className="avatar"
            style={{ background: personColor(v.user.id), listStyle: "none" }}
            title={who}
          >
            <span aria-hidden="true">{v.user.initials}</span>
            <span className="visually-hidden">{who}</span>
          </li>
        );
      })}
    </ul>
  );
}
