import { MockedProvider } from "@apollo/client/testing/react";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createCache } from "../../../apollo/cache";
import { type CarriedNoteFragment, OpenNotesFromPreviousDocument } from "../../../gql/graphql";
import { buildNote } from "../../../test/factories";
import { CarriedOverNotes } from "./CarriedOverNotes";

function carried(id: string, versionNumber: number, status: CarriedNoteFragment["status"]) {
  return {
    ...buildNote(id, {
      status,
      anchor: {
        __typename: "TimeAnchor",
        startFrame: 10,
        endFrame: 10,
        startTimecode: "01:00:00;10",
        endTimecode: "01:00:00;10",
        stem: null,
      },
    }),
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
