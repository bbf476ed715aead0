import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { CarryMethod, CarryOutcome } from "../notes/note-carry.enums.js";
import { ProductionStage, Role } from "../productions/production.enums.js";
import { EventType } from "./event.enums.js";
import { ALL_PAYLOAD_FIELDS, EVENT_PAYLOADS, type EventDraft, payloadProblem } from "./event.model.js";

const id = () => new Types.ObjectId();
const check = (e: Record<string, unknown> & { type: unknown }) => payloadProblem(e);

describe("event payloads", () => {
  it("name every event type", () => {
    expect(Object.keys(EVENT_PAYLOADS).sort()).toEqual(Object.values(EventType).sort());
    expect([...ALL_PAYLOAD_FIELDS].sort()).toEqual([
      "approvals",
      "approvalsRequired",
      "assetId",
      "carryId",
      "carryMethod",
      "carryOutcome",
      "episodeId",
      "fromStatus",
      "memberRole",
      "memberUserId",
      "noteId",
      "replyId",
      "reviewId",
      "stage",
      "toStatus",
      "versionId",
    ]);
  });

  it("accept each type's own payload", () => {
    const drafts: EventDraft[] = [
      { type: EventType.NOTE_ADDED, noteId: id(), versionId: id() },
      { type: EventType.REPLY_ADDED, noteId: id(), versionId: id(), replyId: id() },
      { type: EventType.MEMBER_ADDED, memberUserId: id(), memberRole: Role.EDITOR },
      { type: EventType.STAGE_CHANGED, stage: ProductionStage.FILMING },
      {
        type: EventType.NOTE_CARRIED,
        noteId: id(),
        versionId: id(),
        carryId: id(),
        carryOutcome: CarryOutcome.MOVED,
        carryMethod: CarryMethod.EDIT,
      },
    ];
    for (const d of drafts) expect(check(d)).toBeNull();
    // Documents written before payloads were typed hold null for the other fields.
    expect(check({ type: EventType.EPISODE_ADDED, episodeId: id(), noteId: null, stage: null })).toBeNull();
  });

  it("refuse a missing field, a field of the wrong kind, another type's field and an unknown type", () => {
    expect(check({ type: EventType.NOTE_ADDED, noteId: id() })).toBe("NOTE_ADDED.versionId must be a id");
    expect(check({ type: EventType.NOTE_ADDED, noteId: String(id()), versionId: id() })).toMatch(/noteId/);
    expect(check({ type: EventType.MEMBER_REMOVED, memberUserId: id(), memberRole: "KING" })).toMatch(
      /memberRole must be a role/,
    );
    expect(check({ type: EventType.STAGE_CHANGED, stage: "NOWHERE" })).toMatch(/stage must be a stage/);
    expect(check({ type: EventType.ASSET_CREATED, assetId: id(), noteId: id() })).toBe(
      "ASSET_CREATED carries no noteId",
    );
    const carry = { type: EventType.NOTE_CARRIED, noteId: id(), versionId: id(), carryId: id() };
    expect(check({ ...carry, carryOutcome: "LOST", carryMethod: "EDIT" })).toBe(
      "NOTE_CARRIED.carryOutcome must be a carry outcome",
    );
    expect(check({ ...carry, carryOutcome: "MOVED" })).toBe(
      "NOTE_CARRIED.carryMethod must be a carry method",
    );
    expect(check({ type: "NOTE_EATEN" })).toBe("unknown event type NOTE_EATEN");
  });
});
