import { describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { buildVersion, gqlAs } from "../test/domain-factories.js";
import type { BuiltUser } from "../test/factories.js";
import { expectData } from "../test/harness.js";
import { useProductionWorld } from "../test/production-world.js";

const world = useProductionWorld({ DIRECTOR: 1, EDITOR: 1 });

const run = async (u: BuiltUser, mutation: string, v: string) =>
  expectData(await gqlAs(world.server, u, `mutation($v: ID!) { ${mutation} { id status } }`, { v }));

interface Ev {
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  approvals: number | null;
  approvalsRequired: number | null;
  version: { id: string; status: string } | null;
  review: { decision: string } | null;
}

describe("the event log keeps each status change as it happened", () => {
  it("records from/to and the approval count of every step of submit, changes, approve and lock", async () => {
    const { versionId: v } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const editor = world.prod.as("EDITOR");
    const director = world.prod.as("DIRECTOR");
    await run(editor, "submitForReview(versionId: $v)", v);
    await run(director, "reviewVersion(versionId: $v, decision: REQUEST_CHANGES)", v);
    await run(editor, "submitForReview(versionId: $v)", v);
    await run(director, "reviewVersion(versionId: $v, decision: APPROVE)", v);
    await run(world.prod.showrunner, "reviewVersion(versionId: $v, decision: APPROVE)", v);
    await run(world.prod.showrunner, "lockVersion(versionId: $v)", v);

    const { production } = expectData(
      await gqlAs<{ production: { events: Ev[] } }>(
        world.server,
        world.prod.showrunner,
        `query($p: ID!) { production(id: $p) { events(first: 500) {
          type fromStatus toStatus approvals approvalsRequired version { id status } review { decision }
        } } }`,
        { p: world.prod.id },
      ),
    );
    const mine = production.events.filter((e) => e.version?.id === v && e.type !== "VERSION_ADDED");
    // The version is LOCKED now; each event still says what it was then.
    expect(mine.every((e) => e.version?.status === "LOCKED")).toBe(true);
    expect(
      mine.map((e) => [e.type, e.fromStatus, e.toStatus, e.review?.decision ?? null, e.approvals]),
    ).toEqual([
      ["REVIEW_REQUESTED", null, null, null, null],
      ["VERSION_STATUS_CHANGED", "DRAFT", "IN_REVIEW", null, null],
      ["REVIEW_DECIDED", null, null, "REQUEST_CHANGES", null],
      ["VERSION_STATUS_CHANGED", "IN_REVIEW", "CHANGES_REQUESTED", null, null],
      ["REVIEW_REQUESTED", null, null, null, null],
      ["VERSION_STATUS_CHANGED", "CHANGES_REQUESTED", "IN_REVIEW", null, null],
      ["REVIEW_DECIDED", null, null, "APPROVE", 1],
      ["REVIEW_DECIDED", null, null, "APPROVE", 2],
      ["VERSION_STATUS_CHANGED", "IN_REVIEW", "APPROVED", null, null],
      ["VERSION_STATUS_CHANGED", "APPROVED", "LOCKED", null, null],
    ]);
    expect(mine.filter((e) => e.approvals !== null).map((e) => e.approvalsRequired)).toEqual([2, 2]);
  });
});
