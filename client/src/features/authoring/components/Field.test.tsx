import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Field } from "./Field";

describe("Field", () => {
  afterEach(cleanup);

  it("labels the control and links its error and hint with aria-describedby", () => {
    render(
      <Field id="tc" label="Start timecode" error="Invalid timecode" hint="HH:MM:SS:FF">
        {(a) => <input {...a} />}
      </Field>,
    );
    const input = screen.getByLabelText("Start timecode");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe("tc-error tc-hint");
    expect(document.getElementById("tc-error")?.textContent).toBe("Invalid timecode");
  });

  it("is valid and describes only the hint without an error", () => {
    render(
      <Field id="tc" label="Start timecode" hint="HH:MM:SS:FF">
        {(a) => <input {...a} />}
      </Field>,
    );
    const input = screen.getByLabelText("Start timecode");
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(input.getAttribute("aria-describedby")).toBe("tc-hint");
  });
});
