import { MockedProvider } from "@apollo/client/testing/react";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { createCache } from "../../../apollo/cache";
import {
  type CarriedNoteFragment,
  ConfirmCarriedNoteDocument,
  OpenNotesFromPreviousDocument,
  SetNoteStatusDocument,
} from "../../../gql/graphql";
import { buildNote } from "../../../test/factories";
import { CarriedOverNotes } from "./CarriedOverNotes";

const maya = { __typename: "User" as const, id: "u-maya", name: "Maya Chen", initials: "MC" };

function carried(id: string, versionNumber: number, status: CarriedNoteFragment["status"], canSet = true) {
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
    // As asked from the note's own (locked) version: no status change there.
    viewerCan: {
      __typename: "NotePermissions" as const,
      edit: false,
      delete: false,
      setStatus: false,
      reply: false,
    },
    inRoom: { __typename: "NotePermissions" as const, setStatus: canSet },
    version: { __typename: "Version" as const, id: `v${versionNumber}`, number: versionNumber },
  };
}

function placement(noteId: string, confirmed = false) {
  return {
    __typename: "CarriedNote" as const,
    id: `c-${noteId}`,
    stillApplies: confirmed,
    confirmedAt: confirmed ? new Date().toISOString() : null,
    confirmedBy: confirmed ? maya : null,
    note: { __typename: "Note" as const, id: noteId },
  };
}

type Mock = { request: { query: unknown; variables: Record<string, unknown> }; result: unknown };

function renderWith(nodes: ReturnType<typeof carried>[], extra: Mock[] = [], cache = createCache()) {
  const room = {
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
          carriedNotes: {
            __typename: "CarriedNoteConnection" as const,
            edges: nodes.map((n) => ({ __typename: "CarriedNoteEdge" as const, node: placement(n.id) })),
          },
        },
      },
    },
  };
  return render(
    <MockedProvider mocks={[room, ...extra] as never} cache={cache}>
      <CarriedOverNotes versionId="v3" members={[]} writable onReply={async () => undefined} />
    </MockedProvider>,
  );
}

const statusMock = (result: unknown): Mock => ({
  request: {
    query: SetNoteStatusDocument,
    variables: { noteId: "n1", status: "RESOLVED", inVersionId: "v3" },
  },
  result,
});
const confirmMock = (result: unknown): Mock => ({
  request: { query: ConfirmCarriedNoteDocument, variables: { noteId: "n1", versionId: "v3" } },
  result,
});

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
    const { container } = renderWith([carried("n3", 1, "RESOLVED")], [], cache);
    // Wait for the answer to reach the cache before asserting the section stayed away.
    await waitFor(() => expect(cache.extract()["Note:n3"]).toBeDefined());
    expect(container.querySelector("[data-testid='carried-notes']")).toBeNull();
  });

  it("resolves a note of a locked version from this room (inVersionId), which drops it", async () => {
    const done = statusMock({
      data: {
        setNoteStatus: {
          __typename: "Note",
          id: "n1",
          status: "RESOLVED",
          statusChangedAt: new Date().toISOString(),
          statusChangedBy: maya,
          version: {
            __typename: "Version",
            id: "v1",
            noteCounts: {
              __typename: "NoteCounts",
              total: 1,
              open: 0,
              inProgress: 0,
              resolved: 1,
              wontFix: 0,
            },
          },
        },
      },
    });
    renderWith([carried("n1", 1, "OPEN")], [done]);
    // The select shows although the note's own viewerCan says no: this room's answer decides.
    const select = await screen.findByRole("combobox", { name: "Status" });
    fireEvent.change(select, { target: { value: "RESOLVED" } });
    await waitFor(() => expect(screen.queryByText("note n1")).toBeNull());
  });

  it("hides the status select and Still applies when this room says the viewer may not", async () => {
    renderWith([carried("n1", 1, "OPEN", false)]);
    expect(await screen.findByText("note n1")).toBeTruthy();
    expect(screen.queryByRole("combobox", { name: "Status" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Still applies" })).toBeNull();
  });

  it("marks a note as still applying and then says who confirmed it", async () => {
    renderWith(
      [carried("n1", 1, "OPEN")],
      [confirmMock({ data: { confirmCarriedNote: placement("n1", true) } })],
    );
    fireEvent.click(await screen.findByRole("button", { name: "Still applies" }));
    const line = await screen.findByTestId("still-applies");
    expect(line.textContent).toContain("confirmed by Maya Chen");
    expect(screen.queryByRole("button", { name: "Still applies" })).toBeNull();
  });

  it("explains a CONFLICT or FORBIDDEN in plain words", async () => {
    const conflict = confirmMock({
      errors: [
        new GraphQLError("The note is closed; it was not carried on.", { extensions: { code: "CONFLICT" } }),
      ],
    });
    const forbidden = statusMock({
      errors: [new GraphQLError("Not yours.", { extensions: { code: "FORBIDDEN" } })],
    });
    renderWith([carried("n1", 1, "OPEN")], [conflict, forbidden]);
    fireEvent.click(await screen.findByRole("button", { name: "Still applies" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /it changed meanwhile.*The note is closed/,
    );
    fireEvent.change(screen.getByRole("combobox", { name: "Status" }), { target: { value: "RESOLVED" } });
    await waitFor(() =>
      expect(
        screen
          .getAllByRole("alert")
          .some((a) => /can't change this note's status from this version/.test(a.textContent ?? "")),
      ).toBe(true),
    );
  });
});
