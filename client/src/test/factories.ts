/**
 * Builders for the cache shapes tests write and render, so each test states only what it is about.
 * Imported by tests only (nothing in the app bundle reaches this file).
 */
import type { NoteItemFragment } from "../gql/graphql";

export function buildUser(id: string, name = `User ${id}`) {
  const initials = name
    .split(/\s+/)
    .map((w) => w.charAt(0))
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return { __typename: "User" as const, id, name, initials };
}

export function buildNote(id: string, extra: Partial<NoteItemFragment> = {}): NoteItemFragment {
  return {
    __typename: "Note",
    id,
    body: `note ${id}`,
    status: "OPEN",
    category: null,
    createdAt: "2026-11-21T10:00:00.000Z",
    updatedAt: "2026-11-21T10:00:00.000Z",
    editedAt: null,
    deletedAt: null,
    authorRole: "EDITOR",
    replyCount: 0,
    author: buildUser("u1", "Dana Editor"),
    assignee: null,
    anchor: { __typename: "ScriptAnchor", lineStart: 1, lineEnd: 1, quote: null },
    mentions: [],
    viewerCan: { __typename: "NotePermissions", edit: true, delete: true, setStatus: true, reply: true },
    replies: [],
    drawing: null,
    ...extra,
  };
}
