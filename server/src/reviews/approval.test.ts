import { describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { Role } from "../productions/production.enums.js";
import { approvalState, isFullyApproved } from "./approval.js";
import { ReviewDecision } from "./review.enums.js";

const at = new Date("2026-11-21T10:00:00Z");
const approve = (reviewerId: string, role: Role) => ({
  reviewerId,
  role,
  decision: ReviewDecision.APPROVE,
  createdAt: at,
});

describe("approval rule", () => {
  it("waits for every approving role that has a member", () => {
    const roles = new Set([Role.DIRECTOR, Role.SHOWRUNNER]);
    expect(isFullyApproved(approvalState(AssetKind.CUT, roles, [approve("d", Role.DIRECTOR)]))).toBe(false);
    expect(
      isFullyApproved(
        approvalState(AssetKind.CUT, roles, [approve("d", Role.DIRECTOR), approve("s", Role.SHOWRUNNER)]),
      ),
    ).toBe(true);
  });

  it("does not wait for roles nobody holds", () => {
    const roles = new Set([Role.SHOWRUNNER]);
    const state = approvalState(AssetKind.MIX, roles, [approve("s", Role.SHOWRUNNER)]);
    expect(state.find((s) => s.role === Role.DIRECTOR)?.required).toBe(false);
    expect(isFullyApproved(state)).toBe(true);
  });

  it("needs only the showrunner for scripts", () => {
    expect(
      isFullyApproved(
        approvalState(AssetKind.SCRIPT, new Set([Role.SHOWRUNNER, Role.DIRECTOR]), [
          approve("s", Role.SHOWRUNNER),
        ]),
      ),
    ).toBe(true);
  });

  it("ignores requests for changes and other roles", () => {
    const roles = new Set([Role.DIRECTOR, Role.SHOWRUNNER]);
    const state = approvalState(AssetKind.CUT, roles, [
      { reviewerId: "d", role: Role.DIRECTOR, decision: ReviewDecision.REQUEST_CHANGES, createdAt: at },
      approve("p", Role.PRODUCER),
      approve("s", Role.SHOWRUNNER),
    ]);
    expect(isFullyApproved(state)).toBe(false);
    expect(state.find((s) => s.role === Role.SHOWRUNNER)?.approvedBy).toBe("s");
  });
});
