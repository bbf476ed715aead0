import type { ApolloCache, Reference } from "@apollo/client";
import {
  type NoteItemFragment,
  NoteItemFragmentDoc,
  type ReplyItemFragment,
  ReplyItemFragmentDoc,
  type VersionEventsSubscription,
} from "../../../gql/graphql";

export type VersionEvent = VersionEventsSubscription["versionEvents"];

interface NoteEdgeRef {
  __typename: "NoteEdge";
  cursor: string;
  node: Reference;
}
interface NoteConnectionRef {
  edges: readonly NoteEdgeRef[];
  totalCount: number;
}

/**
 * Adds a note to its version's loaded note list, once. Used by the live stream (others' notes) and by
 * addNote's optimistic/real result (mine): whichever arrives first inserts, the others see it present.
 */
export function insertNoteIntoVersion(cache: ApolloCache, versionId: string, note: NoteItemFragment): void {
  cache.writeFragment({ fragment: NoteItemFragmentDoc, fragmentName: "NoteItem", data: note });
  cache.modify<{ notes: NoteConnectionRef }>({
    id: cache.identify({ __typename: "Version", id: versionId }),
    fields: {
      notes(existing, { readField, toReference }) {
        // Not loaded yet: the first page fetch will bring the note.
        if (!existing || typeof existing !== "object" || !("edges" in existing)) return existing;
        const conn = existing as NoteConnectionRef;
        if (conn.edges.some((e) => readField<string>("id", e.node) === note.id)) return existing;
        const ref = toReference({ __typename: "Note", id: note.id });
        if (!ref) return existing;
        const edge: NoteEdgeRef = { __typename: "NoteEdge", cursor: `live:${note.id}`, node: ref };
        return { ...conn, edges: [...conn.edges, edge], totalCount: conn.totalCount + 1 };
      },
    },
  });
}

/** Drops a note that only ever existed optimistically (the mutation failed). */
export function removeNoteFromVersion(cache: ApolloCache, versionId: string, noteId: string): void {
  cache.modify<{ notes: NoteConnectionRef }>({
    id: cache.identify({ __typename: "Version", id: versionId }),
    fields: {
      notes(existing, { readField }) {
        if (!existing || typeof existing !== "object" || !("edges" in existing)) return existing;
        const conn = existing as NoteConnectionRef;
        const edges = conn.edges.filter((e) => readField<string>("id", e.node) !== noteId);
        return edges.length === conn.edges.length
          ? existing
          : { ...conn, edges, totalCount: conn.totalCount - 1 };
      },
    },
  });
}

/** Appends a reply to its note's thread once (the stream and my own reply's result may both bring it). */
export function appendReply(cache: ApolloCache, noteId: string, reply: ReplyItemFragment): void {
  const replyRef = cache.writeFragment({
    fragment: ReplyItemFragmentDoc,
    fragmentName: "ReplyItem",
    data: reply,
  });
  if (!replyRef) return;
  cache.modify<{ replies: readonly Reference[]; replyCount: number }>({
    id: cache.identify({ __typename: "Note", id: noteId }),
    fields: {
      replies(existing, { readField }) {
        const list = (existing ?? []) as readonly Reference[];
        if (list.some((r) => readField<string>("id", r) === reply.id)) return list;
        return [...list, replyRef];
      },
    },
  });
}

/**
 * Writes one version event into the normalised cache. The event document selects the same fragments
 * the screens render, so Apollo already merged note/version fields when it stored the result; what
 * is left here is list membership, which normalisation cannot infer.
 */
export function applyVersionEvent(cache: ApolloCache, versionId: string, event: VersionEvent): void {
  switch (event.type) {
    case "NOTE_ADDED":
      if (event.note) insertNoteIntoVersion(cache, event.note.version.id ?? versionId, event.note);
      break;
    case "REPLY_ADDED":
      if (event.note) {
        // The note (with its replies) is in the payload; write it so the thread and counts match the server.
        cache.writeFragment({ fragment: NoteItemFragmentDoc, fragmentName: "NoteItem", data: event.note });
        if (event.reply) appendReply(cache, event.note.id, event.reply);
      }
      break;
    case "NOTE_STATUS_CHANGED":
    case "NOTE_UPDATED":
    case "NOTE_DELETED":
      if (event.note)
        cache.writeFragment({ fragment: NoteItemFragmentDoc, fragmentName: "NoteItem", data: event.note });
      break;
    default:
      // Review and status events carry `version { ...ReviewPanelVersion }`, merged on write.
      break;
  }
}
