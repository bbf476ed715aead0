import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CarriedTimePlacementFragment, Stem } from "../../../gql/graphql";
import { carriedOnLane, StemLanes } from "./StemLanes";

// The lanes' waveforms are not under test: no audio is fetched or decoded.
vi.mock("../lib/stemPeaks", () => ({ stemPeaks: () => Promise.resolve(null) }));

const LABELS: Record<Stem, string> = {
  FULL_MIX: "Full mix",
  DIALOGUE: "Dialogue",
  MUSIC: "Music",
  EFFECTS: "Effects",
};

function carried(
  id: string,
  startFrame: number,
  stem: Stem | null,
  wasFrame: number,
): CarriedTimePlacementFragment {
  const tc = (f: number) => `01:00:${String(Math.floor(f / 24)).padStart(2, "0")}:00`;
  return {
    __typename: "CarriedNote",
    id,
    outcome: "MOVED",
    method: "EDIT",
    detail: "moved -00:00:08:00 (shot reordered); follows picture: cut v1 → v2",
    anchor: {
      __typename: "TimeAnchor",
      startFrame,
      endFrame: startFrame,
      startTimecode: tc(startFrame),
      endTimecode: tc(startFrame),
      stem,
    },
    previousAnchor: {
      __typename: "TimeAnchor",
      startFrame: wasFrame,
      endFrame: wasFrame,
      startTimecode: tc(wasFrame),
      stem,
    },
    fromVersion: { __typename: "Version", id: "mix-v1", number: 1 },
    note: {
      __typename: "Note",
      id: `note-${id}`,
      body: "Lift DX",
      status: "IN_PROGRESS",
      deletedAt: null,
      author: { __typename: "User", id: "u1", name: "Ada Okafor", initials: "AO" },
    },
  };
}

const TRACKS = (["FULL_MIX", "DIALOGUE", "MUSIC"] as const).map((stem) => ({
  stem,
  mediaUrl: `/m/${stem}.ogg`,
}));

afterEach(cleanup);

describe("carried notes on the stem lanes", () => {
  it("puts each carried note on its stem's lane, a note with no stem on the full mix", () => {
    const list = [carried("a", 288, "DIALOGUE", 480), carried("b", 0, null, 0)];
    expect(carriedOnLane(list, "DIALOGUE").map((c) => c.id)).toEqual(["a"]);
    expect(carriedOnLane(list, "FULL_MIX").map((c) => c.id)).toEqual(["b"]);
    expect(carriedOnLane(list, "MUSIC")).toEqual([]);
  });

  it("draws them at their new place with their provenance, and selects one on click", () => {
    const onCarriedClick = vi.fn();
    const note = carried("a", 288, "DIALOGUE", 480);
    render(
      <StemLanes
        tracks={TRACKS}
        labels={LABELS}
        active="FULL_MIX"
        notes={[]}
        frame={0}
        durationFrames={1080}
        selectedNoteId={null}
        peaksVersion={0}
        onStem={() => {}}
        onNoteClick={() => {}}
        carried={[note]}
        carriedSelectedId="a"
        onCarriedClick={onCarriedClick}
      />,
    );
    const markers = screen.getAllByTestId("lane-carried-marker");
    expect(markers).toHaveLength(1);
    const marker = markers[0]!;
    expect(screen.getByTestId("lane-DIALOGUE").contains(marker)).toBe(true);
    expect(marker.style.left).toBe(`${(288 / 1080) * 100}%`);
    expect(marker.getAttribute("data-outcome")).toBe("MOVED");
    expect(marker.hasAttribute("data-selected")).toBe(true);
    expect(marker.getAttribute("aria-label")).toBe(
      "Carried note at 01:00:12:00, carried from v1 at 01:00:20:00 by Ada Okafor",
    );
    fireEvent.click(marker);
    expect(onCarriedClick).toHaveBeenCalledWith(note);
  });
});
