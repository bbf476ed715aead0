import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import {
  ALL_ROLES_ONCE,
  type BuiltProduction,
  buildNote,
  buildProduction,
  buildVersion,
  gqlAs,
} from "../test/domain-factories.js";
import { errorCode, expectData, startTestServer, type TestServer } from "../test/harness.js";
import { DRAWING_LIMITS } from "./drawing.model.js";

let server: TestServer;
let prod: BuiltProduction;
let cut: string;

beforeAll(async () => {
  server = await startTestServer();
  prod = await buildProduction(server, { members: ALL_ROLES_ONCE });
  cut = (await buildVersion(server, prod, AssetKind.CUT)).versionId;
});
afterAll(() => server?.close());

const FIELDS = `id drawing { shapes { tool color size points text } frameioJson }`;
const ADD = `mutation($input: AddNoteInput!) { addNote(input: $input) { ${FIELDS} } }`;
const EDIT = `mutation($input: EditNoteInput!) { editNote(input: $input) { ${FIELDS} } }`;

type Shape = { tool: string; color: string; size: number; points: number[]; text?: string | null };
type NoteOut = { id: string; drawing: { shapes: Shape[]; frameioJson: string } | null };

const ARROW: Shape = { tool: "ARROW", color: "#E74A3C", size: 4, points: [0.1, 0.2, 0.5, 0.6] };
const TEXT: Shape = { tool: "TEXT", color: "#ffffff", size: 24, points: [0.4, 0.4], text: " Boom " };

const add = (drawing: unknown, versionId = cut, anchor: unknown = { time: { startFrame: 12 } }) =>
  gqlAs<{ addNote: NoteOut }>(server, prod.as("DIRECTOR"), ADD, {
    input: { versionId, body: "See drawing", ...(anchor as object), drawing },
  });

describe("addNote with a drawing", () => {
  it("stores the shapes normalised (colour lower case, text trimmed) and as Frame.io JSON", async () => {
    const note = expectData(await add({ shapes: [ARROW, TEXT] })).addNote;
    expect(note.drawing?.shapes).toEqual([
      { ...ARROW, color: "#e74a3c", text: null },
      { ...TEXT, text: "Boom" },
    ]);
    expect(JSON.parse(note.drawing?.frameioJson ?? "")).toEqual([
      { tool: "arrow", color: "#e74a3c", size: 4, x: 0.1, y: 0.2, w: 0.4, h: 0.4 },
      { tool: "text", color: "#ffffff", size: 24, x: 0.4, y: 0.4, text: "Boom" },
    ]);
    const read = await gqlAs<{ note: NoteOut }>(
      server,
      prod.as("VIEWER"),
      `query($id: ID!) { note(id: $id) { ${FIELDS} } }`,
      {
        id: note.id,
      },
    );
    expect(expectData(read).note.drawing?.shapes).toHaveLength(2);
  });

  it("a note without one has drawing null", async () => {
    const id = await buildNote(server, prod.as("DIRECTOR"), cut);
    const read = await gqlAs<{ note: NoteOut }>(
      server,
      prod.as("DIRECTOR"),
      `query($id: ID!) { note(id: $id) { ${FIELDS} } }`,
      {
        id,
      },
    );
    expect(expectData(read).note.drawing).toBeNull();
  });

  it("refuses a drawing on a mix or a script note (BAD_USER_INPUT), keeping line anchors as they are", async () => {
    const mix = (await buildVersion(server, prod, AssetKind.MIX)).versionId;
    const script = (await buildVersion(server, prod, AssetKind.SCRIPT)).versionId;
    const onMix = await add({ shapes: [ARROW] }, mix);
    const onScript = await add({ shapes: [ARROW] }, script, { script: { lineStart: 1, lineEnd: 1 } });
    for (const res of [onMix, onScript]) {
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
      expect(res.body.errors?.[0]?.extensions?.fields).toEqual({ drawing: "only for CUT versions" });
    }
  });

  const pen = (pairs: number) => ({
    tool: "PEN",
    color: "#00ff00",
    size: 3,
    points: Array.from({ length: pairs * 2 }, (_, i) => (i % 100) / 100),
  });
  it.each([
    ["no shapes", { shapes: [] }, "drawing.shapes"],
    ["too many shapes", { shapes: Array(DRAWING_LIMITS.shapes + 1).fill(ARROW) }, "drawing.shapes"],
    [
      "a line with three points",
      { shapes: [{ ...ARROW, tool: "LINE", points: [0, 0, 1, 1, 0.5, 0.5] }] },
      "drawing.shapes.0.points",
    ],
    [
      "an odd number of coordinates",
      { shapes: [{ ...ARROW, points: [0, 0, 1] }] },
      "drawing.shapes.0.points",
    ],
    ["a pen of one point", { shapes: [pen(1)] }, "drawing.shapes.0.points"],
    [
      "a pen over the point limit",
      { shapes: [pen(DRAWING_LIMITS.penPoints + 1)] },
      "drawing.shapes.0.points",
    ],
    ["too many points in all", { shapes: Array(6).fill(pen(DRAWING_LIMITS.penPoints)) }, "drawing.shapes"],
    [
      "a point off the picture",
      { shapes: [{ ...ARROW, points: [0, 0, 1.01, 0.5] }] },
      "drawing.shapes.0.points",
    ],
    [
      "a negative point",
      { shapes: [TEXT, { ...ARROW, points: [-0.1, 0, 1, 0.5] }] },
      "drawing.shapes.1.points",
    ],
    ["a named colour", { shapes: [{ ...ARROW, color: "red" }] }, "drawing.shapes.0.color"],
    ["a size of 0", { shapes: [{ ...ARROW, size: 0 }] }, "drawing.shapes.0.size"],
    [
      "a size over the limit",
      { shapes: [{ ...ARROW, size: DRAWING_LIMITS.maxSize + 1 }] },
      "drawing.shapes.0.size",
    ],
    ["text on an arrow", { shapes: [{ ...ARROW, text: "x" }] }, "drawing.shapes.0.text"],
    ["empty text", { shapes: [{ ...TEXT, text: "  " }] }, "drawing.shapes.0.text"],
    [
      "text over the limit",
      { shapes: [{ ...TEXT, text: "x".repeat(DRAWING_LIMITS.textLength + 1) }] },
      "drawing.shapes.0.text",
    ],
    ["text on two lines", { shapes: [{ ...TEXT, text: "a\nb" }] }, "drawing.shapes.0.text"],
  ])("refuses %s (BAD_USER_INPUT naming the field)", async (_name, drawing, field) => {
    const res = await add(drawing);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(Object.keys(res.body.errors?.[0]?.extensions?.fields as object)).toEqual([field]);
  });

  it("refuses an unknown tool at the schema (BAD_USER_INPUT)", async () => {
    const res = await add({ shapes: [{ ...ARROW, tool: "LASER" }] });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
  });
});

describe("editNote and the drawing", () => {
  it("replaces it, keeps it when only the body changes, and clears it", async () => {
    const { id } = expectData(await add({ shapes: [ARROW] })).addNote;
    const as = prod.as("DIRECTOR");
    const replaced = expectData(
      await gqlAs<{ editNote: NoteOut }>(server, as, EDIT, {
        input: { noteId: id, drawing: { shapes: [TEXT] } },
      }),
    ).editNote;
    expect(replaced.drawing?.shapes.map((s) => s.tool)).toEqual(["TEXT"]);
    const bodyOnly = expectData(
      await gqlAs<{ editNote: NoteOut }>(server, as, EDIT, { input: { noteId: id, body: "Reworded" } }),
    ).editNote;
    expect(bodyOnly.drawing?.shapes.map((s) => s.tool)).toEqual(["TEXT"]);
    const cleared = expectData(
      await gqlAs<{ editNote: NoteOut }>(server, as, EDIT, { input: { noteId: id, clearDrawing: true } }),
    ).editNote;
    expect(cleared.drawing).toBeNull();
  });

  it("validates the new drawing and refuses one on a mix note", async () => {
    const { id } = expectData(await add({ shapes: [ARROW] })).addNote;
    const bad = await gqlAs(server, prod.as("DIRECTOR"), EDIT, {
      input: { noteId: id, drawing: { shapes: [{ ...ARROW, size: 99 }] } },
    });
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    const mix = (await buildVersion(server, prod, AssetKind.MIX)).versionId;
    const mixNote = await buildNote(server, prod.as("DIRECTOR"), mix, { time: { startFrame: 1 } });
    const res = await gqlAs(server, prod.as("DIRECTOR"), EDIT, {
      input: { noteId: mixNote, drawing: { shapes: [ARROW] } },
    });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
  });
});

describe("marker exports", () => {
  it("mention a drawing in each format's text, and only on the note that has one", async () => {
    const versionId = (await buildVersion(server, prod, AssetKind.CUT)).versionId;
    await buildNote(server, prod.as("DIRECTOR"), versionId, { time: { startFrame: 5 } }, "Plain");
    await add({ shapes: [ARROW] }, versionId, { time: { startFrame: 9 } });
    for (const format of ["CSV", "CMX3600_EDL", "RESOLVE_EDL", "AVID_TXT", "FCP7_XML", "OTIO"]) {
      const res = await gqlAs<{ version: { exportMarkers: string } }>(
        server,
        prod.as("VIEWER"),
        `query($v: ID!, $f: MarkerFormat!) { version(id: $v) { exportMarkers(format: $f) } }`,
        { v: versionId, f: format },
      );
      const text = expectData(res).version.exportMarkers;
      expect(text.match(/\[DRAWING\]/g), format).toHaveLength(1);
      expect(text.indexOf("[DRAWING]"), format).toBeGreaterThan(text.indexOf("Plain"));
    }
  });
});
