import { describe, expect, it } from "vitest";
import { createCache } from "../../../apollo/cache";
import { buildNote } from "../../../test/factories";
import { type NoteItemFragment, VersionNotesDocument } from "../../../gql/graphql";
import {
  appendReply,
  applyVersionEvent,
  insertNoteIntoVersion,
  removeNoteFromVersion,
  type VersionEvent,
} from "./eventToCache";

const user = { __typename: "User" as const, id: "u1", name: "Dana Editor", initials: "DE" };

function note(id: string, extra: Partial<NoteItemFragment> = {}): NoteItemFragment {
  return buildNote(id, {
    author: user,
    anchor: {
      __typename: "TimeAnchor",
      startFrame: 10,
      endFrame: 10,
      startTimecode: "01:00:00:10",
      endTimecode: "01:00:00:10",
      stem: null,
    },
    ...extra,
  });
}

const counts = {
  __typename: "NoteCounts" as const,
  total: 2,
  open: 2,
  inProgress: 0,
  resolved: 0,
  wontFix: 0,
};

function seeded() {
  const cache = createCache();
  cache.writeQuery({
    query: VersionNotesDocument,
    variables: { versionId: "v1", after: null },
    data: {
      __typename: "Query",
      version: {
        __typename: "Version",
        id: "v1",
        notes: {
          __typename: "NoteConnection",
          totalCount: 1,
          pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: "c1" },
          edges: [{ __typename: "NoteEdge", cursor: "c1", node: note("n1") }],
        },
      },
    },
  });
  const read = () =>
    cache.readQuery({ query: VersionNotesDocument, variables: { versionId: "v1", after: null } });
  return { cache, read };
}

function event(
  type: VersionEvent["type"],
  n: NoteItemFragment,
  extra: Partial<VersionEvent> = {},
): VersionEvent {
  return {
    __typename: "ProductionEvent",
    id: `e-${type}-${n.id}`,
    cursor: `cur-${n.id}`,
    type,
    at: "2026-11-21T10:00:01.000Z",
    actor: user,
    note: { ...n, version: { __typename: "Version", id: "v1", noteCounts: counts } },
    reply: null,
    carriedNote: null,
    version: null,
    asset: null,
    ...extra,
  };
}

describe("version events into the cache", () => {
  it("NOTE_ADDED appends the note to the loaded list once", () => {
    const { cache, read } = seeded();
    applyVersionEvent(cache, "v1", event("NOTE_ADDED", note("n2")));
    applyVersionEvent(cache, "v1", event("NOTE_ADDED", note("n2")));
    const data = read();
    expect(data?.version?.notes.edges.map((e) => e.node.id)).toEqual(["n1", "n2"]);
    expect(data?.version?.notes.totalCount).toBe(2);
  });

  it("my own note inserted from the mutation is not duplicated by its event", () => {
    const { cache, read } = seeded();
    insertNoteIntoVersion(cache, "v1", note("n3"));
    applyVersionEvent(cache, "v1", event("NOTE_ADDED", note("n3")));
    expect(read()?.version?.notes.edges.map((e) => e.node.id)).toEqual(["n1", "n3"]);
  });

  it("removes an optimistic note whose mutation failed", () => {
    const { cache, read } = seeded();
    insertNoteIntoVersion(cache, "v1", note("temp-1"));
    removeNoteFromVersion(cache, "v1", "temp-1");
    expect(read()?.version?.notes.edges.map((e) => e.node.id)).toEqual(["n1"]);
  });

  it("NOTE_STATUS_CHANGED updates the normalised note in place", () => {
    const { cache, read } = seeded();
    applyVersionEvent(cache, "v1", event("NOTE_STATUS_CHANGED", note("n1", { status: "RESOLVED" })));
    expect(read()?.version?.notes.edges[0]?.node.status).toBe("RESOLVED");
  });

  it("REPLY_ADDED adds the reply to the thread once", () => {
    const { cache, read } = seeded();
    const reply = {
      __typename: "Reply" as const,
      id: "r1",
      body: "On it",
      createdAt: "2026-11-21T10:00:02.000Z",
      authorRole: "DIRECTOR" as const,
      author: { ...user, id: "u2", name: "Dir", initials: "D" },
    };
    applyVersionEvent(
      cache,
      "v1",
      event("REPLY_ADDED", note("n1", { replyCount: 1, replies: [reply] }), { reply }),
    );
    appendReply(cache, "n1", reply);
    const n1 = read()?.version?.notes.edges[0]?.node;
    expect(n1?.replies.map((r) => r.id)).toEqual(["r1"]);
    expect(n1?.replyCount).toBe(1);
  });

  it("a refetched first page keeps notes that arrived live", () => {
    const { cache, read } = seeded();
    insertNoteIntoVersion(cache, "v1", note("n2"));
    cache.writeQuery({
      query: VersionNotesDocument,
      variables: { versionId: "v1", after: null },
      data: {
        __typename: "Query",
        version: {
          __typename: "Version",
          id: "v1",
          notes: {
            __typename: "NoteConnection",
            totalCount: 1,
            pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: "c1" },
            edges: [{ __typename: "NoteEdge", cursor: "c1", node: note("n1") }],
          },
        },
      },
    });
    expect(read()?.version?.notes.edges.map((e) => e.node.id)).toEqual(["n1", "n2"]);
  });
});
