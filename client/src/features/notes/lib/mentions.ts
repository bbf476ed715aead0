import { handleOfName, handleOfRole } from "@greenlight/common/mentions";
import type { Role } from "../../../gql/graphql";

export interface MentionMember {
  readonly role: Role;
  readonly user: { readonly id: string; readonly name: string; readonly email: string };
}

export type MentionCandidate =
  | {
      readonly kind: "USER";
      readonly key: string;
      readonly label: string;
      readonly detail: string;
      readonly handle: string;
    }
  | {
      readonly kind: "ROLE";
      readonly key: string;
      readonly label: string;
      readonly detail: string;
      readonly handle: string;
    };

export const ROLE_LABEL: Record<Role, string> = {
  SHOWRUNNER: "Showrunner",
  DIRECTOR: "Director",
  EDITOR: "Editor",
  SOUND_DESIGNER: "Sound designer",
  WRITER: "Writer",
  PRODUCER: "Producer",
  EXECUTIVE: "Executive",
  VIEWER: "Viewer",
};

/** How a role is written in a note, as the server resolves it: `@sound_designer`. */
export const roleHandle: (role: Role) => string = handleOfRole;

/**
 * How a person is written in a note, as the server resolves it (`@maya.chen`): the server's own
 * function. Emails are not offered: demo addresses like director@... would read as roles.
 */
export const userHandle: (name: string) => string = handleOfName;

/** The `@query` being typed just before the caret, if any. */
export function activeMention(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|[\s(])@([\w.'-]*)$/.exec(before);
  if (!m) return null;
  const query = m[2] ?? "";
  return { start: caret - query.length - 1, query };
}

/** Members and roles matching the query, people first, best matches (prefix) before contains. */
export function mentionCandidates(
  query: string,
  members: readonly MentionMember[],
  limit = 8,
): MentionCandidate[] {
  const q = query.toLowerCase();
  const score = (...fields: string[]) => {
    if (!q) return 1;
    if (fields.some((f) => f.toLowerCase().startsWith(q))) return 2;
    if (
      fields.some((f) =>
        f
          .toLowerCase()
          .split(/[\s.-]/)
          .some((w) => w.startsWith(q)),
      )
    )
      return 1.5;
    if (fields.some((f) => f.toLowerCase().includes(q))) return 1;
    return 0;
  };
  const people = members
    .map((m) => {
      const handle = userHandle(m.user.name);
      return {
        s: score(m.user.name, handle),
        c: {
          kind: "USER",
          key: `u:${m.user.id}`,
          label: m.user.name,
          detail: ROLE_LABEL[m.role],
          handle,
        } as const,
      };
    })
    .filter((x) => x.s > 0);
  const roles = [...new Set(members.map((m) => m.role))]
    .map((role) => {
      const handle = roleHandle(role);
      return {
        s: score(ROLE_LABEL[role], handle) * 0.9,
        c: {
          kind: "ROLE",
          key: `r:${role}`,
          label: ROLE_LABEL[role],
          detail: "Everyone in this role",
          handle,
        } as const,
      };
    })
    .filter((x) => x.s > 0);
  return [...people, ...roles]
    .sort((a, b) => b.s - a.s || a.c.label.localeCompare(b.c.label))
    .slice(0, limit)
    .map((x) => x.c);
}

/** Replaces the `@query` at the caret with the chosen handle and a trailing space. */
export function applyMention(
  text: string,
  caret: number,
  candidate: MentionCandidate,
): { text: string; caret: number } | null {
  const active = activeMention(text, caret);
  if (!active) return null;
  const insert = `@${candidate.handle} `;
  const next = text.slice(0, active.start) + insert + text.slice(caret);
  return { text: next, caret: active.start + insert.length };
}

/** Avatar letters for an optimistic answer (the server's `initials` replaces them): first and last word. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.charAt(0) ?? "";
  const last = words.length > 1 ? (words[words.length - 1]?.charAt(0) ?? "") : "";
  return (first + last).toUpperCase() || "•";
}
