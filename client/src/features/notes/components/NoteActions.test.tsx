import { MockedProvider } from "@apollo/client/testing/react";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCache } from "../../../apollo/cache";
import { EditNoteDocument } from "../../../gql/graphql";
import { buildNote } from "../../../test/factories";
import { NoteActions } from "./NoteActions";

const ed = { __typename: "User" as const, id: "ed", name: "Eddie Editor", initials: "EE" };
const members = [
  { role: "EDITOR" as const, user: { id: "ed", name: "Eddie Editor", email: "ed@x" } },
  { role: "DIRECTOR" as const, user: { id: "di", name: "Dora Director", email: "di@x" } },
];

const note = buildNote("n1", { body: "Trim the pause", author: ed, assignee: ed });

function editMock(input: Record<string, unknown>, assignee: typeof ed | null) {
  return {
    request: { query: EditNoteDocument, variables: { input } },
    result: {
      data: {
        editNote: {
          __typename: "Note" as const,
          id: "n1",
          body: note.body,
          category: null,
          editedAt: null,
          assignee,
          mentions: [],
        },
      },
    },
  };
}

function renderEditing(mock: ReturnType<typeof editMock>) {
  const onEditing = vi.fn();
  render(
    <MockedProvider mocks={[mock]} cache={createCache()}>
      <NoteActions note={note} members={members} editing onEditing={onEditing} />
    </MockedProvider>,
  );
  return onEditing;
}

describe("NoteActions: assignee", () => {
  afterEach(cleanup);

  it("unassigns with clearAssignee (an absent assigneeId would leave it as is)", async () => {
    const onEditing = renderEditing(editMock({ noteId: "n1", clearAssignee: true }, null));
    fireEvent.change(screen.getByLabelText("Assignee"), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onEditing).toHaveBeenCalledWith(false));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("reassigns with assigneeId only, leaving the body alone", async () => {
    const dora = { __typename: "User" as const, id: "di", name: "Dora Director", initials: "DD" };
    const onEditing = renderEditing(editMock({ noteId: "n1", assigneeId: "di" }, dora));
    fireEvent.change(screen.getByLabelText("Assignee"), { target: { value: "di" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onEditing).toHaveBeenCalledWith(false));
  });
});
