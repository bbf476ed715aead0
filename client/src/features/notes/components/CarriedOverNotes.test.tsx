import { MockedProvider } from "@apollo/client/testing/react";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createCache } from "../../../apollo/cache";
import { type CarriedNoteFragment, OpenNotesFromPreviousDocument } from "../../../gql/graphql";
import { CarriedOverNotes } from "./CarriedOverNotes";

const user = { __typename: "User" as const, id: "u1", name: "Dana Editor", initials: "DE" };

function carried(id: string, versionNumber: number, status: CarriedNoteFragment["status"]) {
  return {
    __typename: "Note" as const,
    id,
    body: `note ${id}`,
    status,
    category: null,
    createdAt: "2026-11-21T10:00:00.000Z",
    updatedAt: "2026-11-21T10:00:00.000Z",
    editedAt: null,
    deletedAt: null,
    authorRole: "EDITOR" as const,
    replyCount: 0,
    author: user,
    assignee: null,
    anchor: {
      __typename: "TimeAnchor" as const,
      startFrame: 10,
      endFrame: 10,
      startTimecode: "01:00:00;10",
      endTimecode: "01:00:00;10",
      stem: null,
    },
    mentions: [],
    viewerCan: {
      __typename: "NotePermissions" as const,
      edit: true,
      delete: true,
      setStatus: true,
      reply: true,
    },
    replies: [],
    version: { __typename: "Version" as const, id: `v${versionNumber}`, number: versionNumber },
  };
}

function renderWith(nodes: ReturnType<typeof carried>[], cache = createCache()) {
  const mocks = [
    {
      request: { query: OpenNotesFromPreviousDocument, variables: { versionId: "v3" } },
      result: {
        data: {
          version: {
            __typename: "Version" as const,
            id: "v3",
            openNotesFromPrevious: {
              __typename: "NoteConnection" as const,
              totalCount: nodes.length,
              edges: nodes.map((node) => ({ __typename: "NoteEdge" as const, cursor: node.id, node })),
            },
          },
        },
      },
    },
  ];
  return render(
    <MockedProvider mocks={mocks} cache={cache}>
      <CarriedOverNotes versionId="v3" members={[]} writable onReply={async () => undefined} />
    </MockedProvider>,
  );
}

describe("CarriedOverNotes", () => {
  afterEach(cleanup);

  it("lists the open notes of earlier versions, each with its version number", async () => {
    renderWith([carried("n1", 1, "OPEN"), carried("n2", 2, "IN_PROGRESS"), carried("n3", 2, "RESOLVED")]);
    expect(await screen.findByText("Open from earlier versions (2)")).toBeTruthy();
    expect(screen.getByText("v1")).toBeTruthy();
    expect(screen.getByText("v2")).toBeTruthy();
    expect(screen.getByText("note n2")).toBeTruthy();
    expect(screen.queryByText("note n3")).toBeNull();
  });

  it("shows nothing when no earlier note is open", async () => {
    const cache = createCache();
    const { container } = renderWith([carried("n3", 1, "RESOLVED")], cache);
    // Wait for the answer to reach the cache before asserting the section stayed away.
    await waitFor(() => expect(cache.extract()["Note:n3"]).toBeDefined());
    expect(container.querySelector("[data-testid='carried-notes']")).toBeNull();
  });
});
