import { describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { buildAsset, buildNote, buildVersion, gqlAs } from "../test/domain-factories.js";
import { useProductionWorld } from "../test/production-world.js";
import { errorCode, expectData } from "../test/harness.js";

const world = useProductionWorld({ WRITER: 1, VIEWER: 1 });

const ADD = `mutation($input: AddVersionInput!) { addVersion(input: $input) { id text } }`;
const NOTES = `query($v: ID!) { version(id: $v) { text noteCounts { open inProgress total } notes(first: 200) {
  totalCount edges { node { id body status author { id } anchor { ... on ScriptAnchor { lineStart lineEnd quote } } } } } } }`;

interface Listed {
  text: string;
  noteCounts: { open: number; inProgress: number; total: number };
  notes: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        body: string;
        status: string;
        author: { id: string };
        anchor: { lineStart: number; lineEnd: number; quote: string };
      };
    }[];
  };
}

async function listed(versionId: string): Promise<Listed> {
  const res = await gqlAs<{ version: Listed }>(world.server, world.prod.as("VIEWER"), NOTES, {
    v: versionId,
  });
  return expectData(res).version;
}

async function addScript(text: string, extra: Record<string, unknown> = {}) {
  const assetId = await buildAsset(world.server, world.prod, AssetKind.SCRIPT);
  return gqlAs<{ addVersion: { id: string; text: string } }>(world.server, world.prod.as("WRITER"), ADD, {
    input: { assetId, text, ...extra },
  });
}

describe("importing a Fountain script's [[notes]] (addVersion)", () => {
  it("turns them into notes on their lines, strips them, and records NOTE_ADDED in the same command", async () => {
    const source = ["INT. LAB - NIGHT [[Too dark?]]", "", "[[Whole-line note]]", "MAYA", "Roll it.", ""].join(
      "\r",
    );
    const res = await addScript(source);
    const { id, text } = expectData(res).addVersion;
    expect(text).toBe(["INT. LAB - NIGHT", "", "MAYA", "Roll it.", ""].join("\r"));
    const v = await listed(id);
    const writerId = world.prod.as("WRITER").user.id;
    expect(
      v.notes.edges.map((e) => [e.node.body, e.node.status, e.node.anchor.lineStart, e.node.anchor.quote]),
    ).toEqual([
      ["Too dark?", "OPEN", 1, "INT. LAB - NIGHT"],
      ["Whole-line note", "OPEN", 2, ""],
    ]);
    expect(v.notes.edges.every((e) => e.node.author.id === writerId)).toBe(true);
    expect(v.noteCounts).toEqual({ open: 2, inProgress: 0, total: 2 });

    const events = await gqlAs<{
      production: { events: { type: string; version: { id: string } | null; note: { id: string } | null }[] };
    }>(
      world.server,
      world.prod.as("VIEWER"),
      `query($p: ID!) { production(id: $p) { events(first: 500) { type version { id } note { id } } } }`,
      { p: world.prod.id },
    );
    const mine = expectData(events).production.events.filter((e) => e.version?.id === id);
    expect(mine.map((e) => e.type)).toEqual(["VERSION_ADDED", "NOTE_ADDED", "NOTE_ADDED"]);
    expect(mine.slice(1).map((e) => e.note?.id)).toEqual(v.notes.edges.map((e) => e.node.id));
  });

  it("keeps the text as given when importFountainNotes is false", async () => {
    const source = "INT. LAB - NIGHT [[kept]]\nMAYA";
    const { id, text } = expectData(await addScript(source, { importFountainNotes: false })).addVersion;
    expect(text).toBe(source);
    expect((await listed(id)).notes.totalCount).toBe(0);
  });

  it("round-trips the export: same text, bodies, statuses and lines", async () => {
    const original = ["INT. LAB - NIGHT", "", "MAYA", "Roll it again.", "", "THE END"].join("\r\n");
    const { versionId: v1 } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT, {
      text: original,
    });
    const writer = world.prod.as("WRITER");
    await buildNote(world.server, writer, v1, { script: { lineStart: 4, lineEnd: 4 } }, "Line reading");
    const busy = await buildNote(
      world.server,
      writer,
      v1,
      { script: { lineStart: 6, lineEnd: 6 } },
      "Ending ]] (sic)",
    );
    await buildNote(world.server, writer, v1, { script: { lineStart: 1, lineEnd: 1 } }, "Multi\nline body");
    await gqlAs(
      world.server,
      writer,
      `mutation($n: ID!) { setNoteStatus(noteId: $n, status: IN_PROGRESS) { id } }`,
      {
        n: busy,
      },
    );
    const exported = await gqlAs<{ version: { fountain: string } }>(
      world.server,
      world.prod.as("VIEWER"),
      `query($v: ID!) { version(id: $v) { fountain } }`,
      { v: v1 },
    );
    const fountain = expectData(exported).version.fountain;
    const { id: v2, text } = expectData(await addScript(fountain)).addVersion;
    expect(text).toBe(original);
    const shape = (l: Listed) =>
      l.notes.edges.map((e) => [e.node.anchor.lineStart, e.node.body, e.node.status]).sort();
    expect(shape(await listed(v2))).toEqual(
      shape(await listed(v1)).map((n) => (n[1] === "Ending ]] (sic)" ? [n[0], "Ending ] ] (sic)", n[2]] : n)),
    );
    expect((await listed(v2)).noteCounts).toEqual({ open: 2, inProgress: 1, total: 3 });
  });

  it("refuses more than 500 [[notes]] with BAD_USER_INPUT, before parsing them", async () => {
    const source = Array.from({ length: 5000 }, (_, i) => `Line ${i} [[n${i}]]`).join("\n");
    const res = await addScript(source);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.message).toMatch(/at most 500 \[\[notes\]\]; this one has 5000/);
  });

  it("reads an unterminated [[ over a long script in linear time, keeping it as text", async () => {
    const source = `[[ never closed\n${"x\n".repeat(200_000)}THE END`;
    const started = performance.now();
    const { id, text } = expectData(await addScript(source)).addVersion;
    expect(text).toBe(source);
    expect((await listed(id)).notes.totalCount).toBe(0);
    // Quadratic rescanning took minutes here; linear is well under the test's own timeout.
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
