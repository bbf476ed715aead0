import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

vi.mock("../lib/markdown", () => ({
  renderMarkdown: (body: string) => {
    if (body.startsWith("boom")) throw new RangeError("Maximum call stack size exceeded");
    return `<p>${body}</p>`;
  },
}));

const { Markdown } = await import("./Markdown");

describe("Markdown", () => {
  it("shows a body whose rendering throws as plain text, and its neighbours as usual", () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <>
        <Markdown body="boom <b>1</b>" />
        <Markdown body="fine" />
      </>,
    );
    quiet.mockRestore();
    expect(screen.getByText("boom <b>1</b>").closest(".md-plain")).not.toBeNull();
    expect(screen.getByText("fine").closest(".md")).not.toBeNull();
  });
});
