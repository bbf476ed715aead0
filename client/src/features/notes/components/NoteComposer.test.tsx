import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NoteComposer } from "./NoteComposer";

const members = [
  { role: "EDITOR" as const, user: { id: "ed", name: "Eddie Editor", email: "ed@x" } },
  { role: "DIRECTOR" as const, user: { id: "di", name: "Dora Director", email: "di@x" } },
];

describe("NoteComposer", () => {
  afterEach(cleanup);

  it("sends the chosen assignee with the note", () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<NoteComposer anchorLabel="01:00:00;00" members={members} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText("Note"), { target: { value: "Tighten the cut" } });
    fireEvent.change(screen.getByLabelText("Assignee"), { target: { value: "ed" } });
    fireEvent.click(screen.getByRole("button", { name: "Add note" }));
    expect(onSubmit).toHaveBeenCalledWith("Tighten the cut", null, "ed");
    expect((screen.getByLabelText("Assignee") as HTMLSelectElement).value).toBe("");
  });

  it("sends null when nobody is assigned", () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<NoteComposer anchorLabel="01:00:00;00" members={members} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText("Note"), { target: { value: "Music swells early" } });
    fireEvent.click(screen.getByRole("button", { name: "Add note" }));
    expect(onSubmit).toHaveBeenCalledWith("Music swells early", null, null);
  });
});
