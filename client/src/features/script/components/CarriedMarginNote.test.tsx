import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { CarriedPlacementFragment } from "../../../gql/graphql";
import { CarriedMarginNote, carryBadge } from "./CarriedMarginNote";

const anchor = (lineStart: number, lineEnd: number, quote: string) =>
  ({ __typename: "ScriptAnchor", lineStart, lineEnd, quote }) as const;

function placement(
  outcome: CarriedPlacementFragment["outcome"],
  before: ReturnType<typeof anchor>,
  now: ReturnType<typeof anchor>,
): CarriedPlacementFragment {
  return {
    __typename: "CarriedNote",
    id: `c-${outcome}`,
    outcome,
    method: "LINE_DIFF",
    detail: null,
    run: 1,
    anchor: now,
    previousAnchor: before,
    fromVersion: { __typename: "Version", id: "v1", number: 1 },
    note: {
      __typename: "Note",
      id: "n1",
      body: "Tighten this",
      status: "OPEN",
      deletedAt: null,
      author: { __typename: "User", id: "u1", name: "Ada Okafor", initials: "AO" },
    },
  };
}

afterEach(cleanup);

describe("carried notes in the script margin", () => {
  it("names what happened to each note", () => {
    expect(carryBadge(placement("MOVED", anchor(95, 95, "a"), anchor(94, 94, "a")))).toBe(
      "moved from line 95",
    );
    expect(carryBadge(placement("MOVED", anchor(9, 10, "a"), anchor(8, 9, "a")))).toBe(
      "moved from lines 9–10",
    );
    expect(carryBadge(placement("TEXT_CHANGED", anchor(4, 4, "a"), anchor(6, 6, "b")))).toBe("text changed");
    expect(carryBadge(placement("LINES_REMOVED", anchor(6, 7, "a"), anchor(8, 8, "a")))).toBe(
      "lines removed",
    );
    expect(carryBadge(placement("UNCHANGED", anchor(3, 3, "a"), anchor(3, 3, "a")))).toBeNull();
  });

  it("shows the old quote beside the new one when the text changed", () => {
    render(
      <CarriedMarginNote
        carried={placement(
          "TEXT_CHANGED",
          anchor(4, 4, "Roll it again."),
          anchor(6, 6, "Roll it again, Otis."),
        )}
      />,
    );
    expect(screen.getByTestId("carry-badge").textContent).toBe("text changed");
    expect(screen.queryByTestId("carry-detail")).toBeNull();
    fireEvent.click(screen.getByRole("button"));
    const detail = screen.getByTestId("carry-detail");
    expect(detail.querySelector("del")?.textContent).toBe("Roll it again.");
    expect(detail.querySelector("ins")?.textContent).toBe("Roll it again, Otis.");
    expect(detail.textContent).toContain("Was (line 4)");
  });

  it("keeps the removed lines' quote", () => {
    render(
      <CarriedMarginNote
        carried={placement("LINES_REMOVED", anchor(6, 7, "OTIS\nNot tonight."), anchor(8, 8, "x"))}
      />,
    );
    fireEvent.click(screen.getByRole("button"));
    expect(screen.getByTestId("carry-detail").querySelector("del")?.textContent).toBe("OTIS\nNot tonight.");
  });
});
