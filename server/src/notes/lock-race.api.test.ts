import { describe, expect, it, vi } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { buildVersion, gqlAs, setVersionStatus } from "../test/domain-factories.js";
import { useProductionWorld } from "../test/production-world.js";
import { errorCode, expectData } from "../test/harness.js";
import { NoteModel } from "./note.model.js";

/**
 * A lock that commits between addNote's checks (which read the version before the transaction) and
 * its transaction: the note must be refused, not written to a locked version.
 */
const gate = vi.hoisted(() => ({ hold: null as Promise<void> | null, reached: () => {} }));
vi.mock("../versions/version.service.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../versions/version.service.js")>();
  return {
    ...original,
    requireVersion: async (...args: Parameters<typeof original.requireVersion>) => {
      const found = await original.requireVersion(...args);
      const hold = gate.hold;
      if (hold) {
        gate.hold = null;
        gate.reached();
        await hold;
      }
      return found;
    },
  };
});

const world = useProductionWorld({ DIRECTOR: 1, EDITOR: 1 });

const ADD = `mutation($v: ID!) { addNote(input: { versionId: $v, body: "late", time: { startFrame: 1 } }) { id } }`;
const LOCK = `mutation($v: ID!) { lockVersion(versionId: $v) { status } }`;

describe("addNote against a concurrent lock", () => {
  it("refuses the note with CONFLICT when the lock commits after addNote's checks", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    await setVersionStatus(world.server, world.prod, versionId, "APPROVED");
    let release = () => {};
    gate.hold = new Promise<void>((r) => {
      release = r;
    });
    const reached = new Promise<void>((r) => {
      gate.reached = r;
    });
    // addNote reads the version (APPROVED: accepts notes) and waits at the gate...
    const adding = gqlAs(world.server, world.prod.as("EDITOR"), ADD, { v: versionId });
    await reached;
    // ...while the showrunner locks it.
    expect(expectData(await gqlAs(world.server, world.prod.showrunner, LOCK, { v: versionId }))).toEqual({
      lockVersion: { status: "LOCKED" },
    });
    release();
    expect(errorCode(await adding)).toBe("CONFLICT");
    expect(await NoteModel.countDocuments({ versionId })).toBe(0);
  });

  it("lets exactly one of a note and a lock be last: racing them, no note follows the lock", async () => {
    for (let round = 0; round < 5; round++) {
      const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
      await setVersionStatus(world.server, world.prod, versionId, "APPROVED");
      const [added, locked] = await Promise.all([
        gqlAs(world.server, world.prod.as("EDITOR"), ADD, { v: versionId }),
        gqlAs(world.server, world.prod.showrunner, LOCK, { v: versionId }),
      ]);
      expectData(locked);
      const code = errorCode(added);
      if (code) expect(code).toBe("CONFLICT");
      const notes = await NoteModel.countDocuments({ versionId });
      expect(notes).toBe(code ? 0 : 1);
    }
  }, 60_000);
});
