import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { MentionMember } from "../lib/mentions";
import { MentionTextarea } from "./MentionTextarea";

const members: MentionMember[] = [
  { role: "DIRECTOR", user: { id: "1", name: "Dora Director", email: "d@x.test" } },
  { role: "SOUND_DESIGNER", user: { id: "2", name: "Sam Sound", email: "s@x.test" } },
];

function Harness() {
  const [value, setValue] = useState("");
  return <MentionTextarea label="Note" value={value} onChange={setValue} members={members} />;
}

/** Types text and puts the caret at its end, as a keyboard would. */
function type(el: HTMLTextAreaElement, text: string) {
  fireEvent.change(el, { target: { value: text } });
  el.setSelectionRange(text.length, text.length);
  fireEvent.select(el);
}

afterEach(cleanup);

describe("MentionTextarea", () => {
  it("suggests members and roles for @ and inserts the chosen handle with the keyboard", () => {
    render(<Harness />);
    const box = screen.getByRole("combobox", { name: "Note" }) as HTMLTextAreaElement;
    act(() => type(box, "ping @so"));
    const options = screen.getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Sam Sound"),
        expect.stringContaining("Sound designer"),
      ]),
    );
    expect(box.getAttribute("aria-expanded")).toBe("true");
    const first = options[0]?.textContent ?? "";
    act(() => {
      fireEvent.keyDown(box, { key: "Enter" });
    });
    const inserted = first.includes("@sound_designer") ? "@sound_designer " : "@sam.sound ";
    expect(box.value).toBe(`ping ${inserted}`);
    expect(screen.queryByRole("listbox")).toBeNull();
  });

  it("leaves the caret right after a mention inserted mid-text, in the same commit", () => {
    render(<Harness />);
    const box = screen.getByRole("combobox", { name: "Note" }) as HTMLTextAreaElement;
    act(() => {
      fireEvent.change(box, { target: { value: "ping @sam and more" } });
      box.setSelectionRange(9, 9);
      fireEvent.select(box);
    });
    act(() => {
      fireEvent.keyDown(box, { key: "Enter" });
    });
    expect(box.value).toBe("ping @sam.sound  and more");
    // No frame has passed: the next typed letter goes here, not to the end of the text.
    expect(box.selectionStart).toBe("ping @sam.sound ".length);
    expect(box.selectionEnd).toBe("ping @sam.sound ".length);
  });

  it("closes the list on Escape without changing the text", () => {
    render(<Harness />);
    const box = screen.getByRole("combobox", { name: "Note" }) as HTMLTextAreaElement;
    act(() => type(box, "@do"));
    expect(screen.getByRole("listbox")).toBeTruthy();
    act(() => {
      fireEvent.keyDown(box, { key: "Escape" });
    });
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(box.value).toBe("@do");
  });
});
