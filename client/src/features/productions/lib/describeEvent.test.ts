import { describe, expect, it } from "vitest";
import type { ActivityEventFragment } from "../../../gql/graphql";
import { event } from "./activityEvent.fixture";
import { describeEvent } from "./describeEvent";

/** v1 as it is now (locked): every line below must still tell what happened at its own time. */
const lockedV1 = {
  __typename: "Version" as const,
  id: "v1",
  number: 1,
  status: "LOCKED" as const,
  asset: { __typename: "Asset" as const, id: "a1", title: "Cut", kind: "CUT" as const, latestVersion: null },
} satisfies ActivityEventFragment["version"];

const review = (decision: "APPROVE" | "REQUEST_CHANGES") =>
  ({ __typename: "Review", decision, role: "DIRECTOR", comment: null }) as const;

describe("describeEvent", () => {
  it("tells the whole approval sequence as it happened, not as the version is now", () => {
    const lines = [
      event(1, "REVIEW_REQUESTED", { version: lockedV1 }),
      event(2, "VERSION_STATUS_CHANGED", { version: lockedV1, fromStatus: "DRAFT", toStatus: "IN_REVIEW" }),
      event(3, "REVIEW_DECIDED", { version: lockedV1, review: review("REQUEST_CHANGES") }),
      event(4, "VERSION_STATUS_CHANGED", {
        version: lockedV1,
        fromStatus: "IN_REVIEW",
        toStatus: "CHANGES_REQUESTED",
      }),
      event(5, "REVIEW_DECIDED", {
        version: lockedV1,
        review: review("APPROVE"),
        approvals: 1,
        approvalsRequired: 2,
      }),
      event(6, "REVIEW_DECIDED", {
        version: lockedV1,
        review: review("APPROVE"),
        approvals: 2,
        approvalsRequired: 2,
      }),
      event(7, "VERSION_STATUS_CHANGED", {
        version: lockedV1,
        fromStatus: "IN_REVIEW",
        toStatus: "APPROVED",
      }),
      event(8, "VERSION_STATUS_CHANGED", { version: lockedV1, fromStatus: "APPROVED", toStatus: "LOCKED" }),
    ].map((e) => describeEvent(e).text);
    expect(lines).toEqual([
      "submitted Cut v1 for review",
      "moved Cut v1: Draft → In review",
      "requested changes on Cut v1",
      "moved Cut v1: In review → Changes requested",
      "approved Cut v1 (1 of 2)",
      "approved Cut v1 (2 of 2)",
      "moved Cut v1: In review → Approved",
      "locked Cut v1",
    ]);
    expect(lines.filter((l) => l.includes("lock"))).toHaveLength(1);
  });

  it("says only that the status changed for events recorded without it", () => {
    expect(describeEvent(event(1, "VERSION_STATUS_CHANGED", { version: lockedV1 })).text).toBe(
      "changed the status of Cut v1",
    );
  });

  it("names the version a carried note was confirmed on, the one it was carried to", () => {
    const v2 = { ...lockedV1, id: "v2", number: 2, status: "DRAFT" as const };
    expect(describeEvent(event(1, "NOTE_CARRY_CONFIRMED", { version: v2 }))).toEqual({
      text: "confirmed a carried note still applies on Cut v2",
      to: "/cut/v2",
    });
  });
});
