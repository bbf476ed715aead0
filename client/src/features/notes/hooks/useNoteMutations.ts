import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import type {
  AddNoteInput,
  NoteCountsItemFragment,
  NoteItemFragment,
  NoteStatus,
  ReplyItemFragment,
  Role,
} from "../../../gql/graphql";
import { connection } from "../../../realtime/connection";
import { describeError } from "../../../lib/errors";
import { appendReply, insertNoteIntoVersion } from "../../versions/lib/eventToCache";
import { AddNoteDocument, ReplyToNoteDocument, SetNoteStatusDocument } from "../graphql/operations";
import { initialsOf, type MentionMember } from "../lib/mentions";
import { idempotent, newClientKey, outbox } from "../outbox/outbox";

export interface Author {
  readonly id: string;
  readonly name: string;
  readonly initials: string;
}

type Anchor = NoteItemFragment["anchor"];

const countKey: Record<NoteStatus, keyof Omit<NoteCountsItemFragment, "__typename" | "total">> = {
  OPEN: "open",
  IN_PROGRESS: "inProgress",
  RESOLVED: "resolved",
  WONT_FIX: "wontFix",
};

/** The counts after a note enters (`from` null) or changes status, for optimistic answers. */
export function shiftCounts(
  counts: NoteCountsItemFragment,
  from: NoteStatus | null,
  to: NoteStatus,
): NoteCountsItemFragment {
  const next = { ...counts };
  if (from) next[countKey[from]] = Math.max(0, next[countKey[from]] - 1);
  else next.total += 1;
  next[countKey[to]] += 1;
  return next;
}

const tempId = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const connectionDown = () => {
  const s = connection.getSnapshot().status;
  return s === "offline" || s === "reconnecting";
};

/**
 * addNote with an optimistic note (shown at once, marked "sending") inserted into the version's list;
 * the server's note replaces it, and the stream's copy of the same note is deduplicated by id.
 * While the connection is down, or when the send fails on the network, the note goes to the outbox
 * instead (shown as queued, sent on reconnect under the same Idempotency-Key, so never twice).
 */
export function useAddNote(
  versionId: string,
  me: Author | null | undefined,
  myRole: Role | null | undefined,
  counts: NoteCountsItemFragment,
  members: readonly MentionMember[] = [],
) {
  const [mutate, state] = useMutation(AddNoteDocument);
  const add = useCallback(
    async (input: Omit<AddNoteInput, "versionId">, anchor: Anchor) => {
      const now = new Date().toISOString();
      const key = newClientKey();
      const queue = () => outbox.add({ key, userId: me?.id ?? "", versionId, input, anchor, queuedAt: now });
      if (connectionDown()) return queue();
      const optimistic: NoteItemFragment = {
        __typename: "Note",
        id: tempId("temp-note"),
        body: input.body,
        status: "OPEN",
        category: input.category ?? null,
        createdAt: now,
        updatedAt: now,
        editedAt: null,
        deletedAt: null,
        authorRole: myRole ?? null,
        replyCount: 0,
        author: {
          __typename: "User",
          id: me?.id ?? "me",
          name: me?.name ?? "You",
          initials: me?.initials ?? "•",
        },
        assignee: optimisticUser(members, input.assigneeId == null ? null : String(input.assigneeId)),
        anchor,
        mentions: [],
        viewerCan: { __typename: "NotePermissions", edit: true, delete: true, setStatus: true, reply: true },
        replies: [],
        drawing: input.drawing
          ? {
              __typename: "Drawing",
              shapes: input.drawing.shapes.map((s) => ({
                __typename: "DrawingShape",
                ...s,
                text: s.text ?? null,
              })),
            }
          : null,
      };
      try {
        await mutate({
          variables: { input: { ...input, versionId } },
          context: idempotent(key),
          optimisticResponse: {
            __typename: "Mutation",
            addNote: {
              ...optimistic,
              version: {
                __typename: "Version",
                id: versionId,
                noteCounts: shiftCounts(counts, null, "OPEN"),
              },
            },
          },
          update(cache, { data }) {
            if (data?.addNote) insertNoteIntoVersion(cache, versionId, data.addNote);
          },
        });
      } catch (e) {
        // Maybe it reached the server and only the answer was lost: the key makes the re-send safe.
        if (describeError(e).kind === "network") return queue();
        throw e;
      }
    },
    [mutate, versionId, me, myRole, counts, members],
  );
  return [add, state] as const;
}

export function useReply(me: Author | null | undefined, myRole: Role | null | undefined) {
  const [mutate, state] = useMutation(ReplyToNoteDocument);
  const reply = useCallback(
    (noteId: string, body: string) => {
      const optimistic: ReplyItemFragment = {
        __typename: "Reply",
        id: tempId("temp-reply"),
        body,
        createdAt: new Date().toISOString(),
        authorRole: myRole ?? null,
        author: {
          __typename: "User",
          id: me?.id ?? "me",
          name: me?.name ?? "You",
          initials: me?.initials ?? "•",
        },
      };
      return mutate({
        variables: { noteId, body },
        optimisticResponse: { __typename: "Mutation", replyToNote: optimistic },
        update(cache, { data }) {
          if (data?.replyToNote) appendReply(cache, noteId, data.replyToNote);
        },
      });
    },
    [mutate, me, myRole],
  );
  return [reply, state] as const;
}

export function useSetNoteStatus(versionId: string, counts: NoteCountsItemFragment) {
  const [mutate, state] = useMutation(SetNoteStatusDocument);
  const set = useCallback(
    (note: Pick<NoteItemFragment, "id" | "status">, status: NoteStatus) =>
      mutate({
        variables: { noteId: note.id, status },
        // The status and counts flip at once; the server's answer replaces them.
        optimisticResponse: {
          __typename: "Mutation",
          setNoteStatus: {
            __typename: "Note",
            id: note.id,
            status,
            statusChangedAt: new Date().toISOString(),
            statusChangedBy: null,
            version: {
              __typename: "Version",
              id: versionId,
              noteCounts: shiftCounts(counts, note.status, status),
            },
          },
        },
      }),
    [mutate, versionId, counts],
  );
  return [set, state] as const;
}

function optimisticUser(members: readonly MentionMember[], userId: string | null | undefined) {
  const m = userId ? members.find((x) => x.user.id === userId) : undefined;
  return m
    ? { __typename: "User" as const, id: m.user.id, name: m.user.name, initials: initialsOf(m.user.name) }
    : null;
}
