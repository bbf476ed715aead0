import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { Role } from "../productions/production.enums.js";
import { DrawingTool } from "./drawing.enums.js";
import { NoteCategory } from "./note.enums.js";
import { NoteModel } from "./note.model.js";
import { newNoteDoc } from "./note.document.js";

const base = () => ({
  _id: new Types.ObjectId(),
  versionId: new Types.ObjectId(),
  assetId: new Types.ObjectId(),
  productionId: new Types.ObjectId(),
  authorId: new Types.ObjectId(),
  authorRole: Role.DIRECTOR,
  body: "Lift the dialogue @Sam",
  category: Object.values(NoteCategory)[0] as NoteCategory | null,
  assigneeId: null,
  mentions: [{ kind: "USER" as const, label: "Sam", userId: new Types.ObjectId() }],
  drawing: null,
  createdAt: new Date("2026-01-02T03:04:05Z"),
});

// The driver insert in addNote must store what NoteModel.create would: same fields, same defaults.
describe("newNoteDoc", () => {
  it("matches the schema's cast of a TIME note, defaults included", async () => {
    const doc = newNoteDoc({
      ...base(),
      anchor: { type: "TIME", startFrame: 1, endFrame: 2, startTimecode: "a", endTimecode: "b", stem: null },
    });
    const viaModel = new NoteModel({ ...doc, updatedAt: doc.createdAt }).toObject();
    await expect(new NoteModel(doc).validate()).resolves.toBeUndefined();
    expect(doc).toEqual(viaModel);
  });

  it("matches the schema's cast of a SCRIPT note (no undefined fields, stem null)", () => {
    const anchor = {
      type: "SCRIPT" as const,
      lineStart: 1,
      lineEnd: 1,
      quote: "INT.",
      startFrame: undefined,
    };
    const doc = newNoteDoc({ ...base(), category: null, anchor });
    expect(Object.values(doc.anchor)).not.toContain(undefined);
    expect(doc).toEqual(new NoteModel(doc).toObject());
    expect(Object.keys(doc).sort()).toEqual(Object.keys(new NoteModel(doc).toObject()).sort());
  });

  it("matches the schema's cast of a drawing", () => {
    const drawing = {
      shapes: [
        { tool: DrawingTool.ARROW, color: "#e74a3c", size: 4, points: [0.1, 0.2, 0.3, 0.4], text: null },
        { tool: DrawingTool.TEXT, color: "#ffffff", size: 24, points: [0.5, 0.5], text: "Boom" },
      ],
    };
    const anchor = {
      type: "TIME" as const,
      startFrame: 1,
      endFrame: 1,
      startTimecode: "a",
      endTimecode: "a",
    };
    const doc = newNoteDoc({ ...base(), anchor, drawing });
    expect(doc).toEqual(new NoteModel(doc).toObject());
  });
});
