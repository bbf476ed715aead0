import { MongoClient, ObjectId } from "mongodb";
import type { RunContext } from "../lib/context.js";
import { gql } from "../lib/gql.js";
import { DB_NAME } from "../lib/stack.js";
import { roundSummary, type Summary, summarize } from "../lib/stats.js";

/** The review screen's notes page: 50 notes with authors, anchors and replies with their authors. */
const NOTES_PAGE = `query NotesPage($v: ID!, $first: Int, $after: String) {
  version(id: $v) {
    id status
    notes(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id body status createdAt category authorRole replyCount
        author { id name initials }
        anchor { __typename ... on TimeAnchor { startFrame endFrame startTimecode endTimecode stem } ... on ScriptAnchor { lineStart lineEnd quote } }
        replies { id body createdAt author { id name initials } }
      } }
    }
  }
}`;

const EVENTS_PAGE = `query EventsPage($p: ID!, $after: String, $first: Int) {
  production(id: $p) {
    events(after: $after, first: $first) { id cursor type at actor { id name initials } note { id body status } }
  }
}`;

export interface Measured {
  name: string;
  latencyMs: Summary;
  /** Store commands per request (all values seen; one value means constant). */
  roundTrips: number[];
  /** Commands of one request per distinct round-trip count (to see what varies). */
  roundTripsByCommand: Record<string, Record<string, number>>;
}

export interface ReadPathResult {
  notes: number;
  events: number;
  seedSeconds: number;
  notesPage: Measured[];
  eventsPage: Measured[];
}

const tc = (frame: number) => {
  const f = frame % 24;
  const s = Math.floor(frame / 24);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(1 + Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}:${p(f)}`;
};

/** Seeds straight into the store (the API would take minutes for 100,000 events), shaped like the models. */
async function seed(ctx: RunContext, versionId: string, productionId: string): Promise<number> {
  const { plan, fixture } = ctx;
  const client = await MongoClient.connect(ctx.store.uri);
  try {
    const db = client.db(DB_NAME);
    const version = await db.collection("versions").findOne({ _id: new ObjectId(versionId) });
    if (!version) throw new Error("seed: version not found");
    const authors = [fixture.owner, ...fixture.viewers].map((p) => new ObjectId(p.id));
    const categories = ["DIALOGUE", "MUSIC", "PACING", "STORY", "VFX"];
    const statuses = ["OPEN", "IN_PROGRESS", "RESOLVED"];
    const noteIds: ObjectId[] = [];
    const now = Date.now();
    for (let start = 0; start < plan.notes; start += 1000) {
      const notes = [];
      const replies = [];
      for (let i = start; i < Math.min(plan.notes, start + 1000); i++) {
        const _id = new ObjectId();
        noteIds.push(_id);
        const startFrame = 1000 + i * 3;
        notes.push({
          _id,
          versionId: version._id,
          assetId: version.assetId,
          productionId: version.productionId,
          authorId: authors[i % authors.length],
          authorRole: "EDITOR",
          body: `Note ${i}: the dialogue dips under the music around here; lift DX 2 dB.`,
          anchor: {
            type: "TIME",
            startFrame,
            endFrame: startFrame + 24,
            startTimecode: tc(startFrame),
            endTimecode: tc(startFrame + 24),
            stem: null,
          },
          status: statuses[i % statuses.length],
          category: categories[i % categories.length],
          assigneeId: null,
          mentions: [],
          statusChangedBy: null,
          statusChangedAt: null,
          editedAt: null,
          deletedAt: null,
          deletedBy: null,
          replyCount: i % 3 === 0 ? 2 : 0,
          createdAt: new Date(now + i),
          updatedAt: new Date(now + i),
        });
        if (i % 3 === 0) {
          for (const r of [1, 2]) {
            replies.push({
              noteId: _id,
              versionId: version._id,
              productionId: version.productionId,
              authorId: authors[(i + r) % authors.length],
              authorRole: "DIRECTOR",
              body: `Reply ${r}: agreed, done in the next cut.`,
              createdAt: new Date(now + i + r),
            });
          }
        }
      }
      await db.collection("notes").insertMany(notes, { ordered: false });
      if (replies.length) await db.collection("replies").insertMany(replies, { ordered: false });
    }
    const prod = await db.collection("productions").findOne({ _id: new ObjectId(productionId) });
    const base = Number(prod?.eventSeq ?? 0);
    for (let start = 0; start < plan.events; start += 5000) {
      const events = [];
      for (let i = start; i < Math.min(plan.events, start + 5000); i++) {
        events.push({
          productionId: new ObjectId(productionId),
          seq: base + i + 1,
          type: "NOTE_ADDED",
          at: new Date(now + i),
          actorId: authors[i % authors.length],
          versionId: version._id,
          noteId: noteIds[i % noteIds.length],
          replyId: null,
          reviewId: null,
          assetId: version.assetId,
          episodeId: null,
          memberUserId: null,
          memberRole: null,
          stage: null,
        });
      }
      await db.collection("events").insertMany(events, { ordered: false });
    }
    await db
      .collection("productions")
      .updateOne({ _id: new ObjectId(productionId) }, { $inc: { eventSeq: plan.events } });
    return base + plan.events;
  } finally {
    await client.close();
  }
}

/**
 * Notes page on a version with `plan.notes` notes and `Production.events` paging over
 * `plan.events` events, on the writer server (no subscribers), one request at a time so the
 * proxy's command count between two requests belongs to that request.
 */
export async function runReadPath(ctx: RunContext): Promise<ReadPathResult> {
  const { plan, fixture, writer, log } = ctx;
  const token = fixture.owner.token;
  const p = await gql<{ createProduction: { id: string } }>(
    writer.url,
    `mutation($input: CreateProductionInput!) { createProduction(input: $input) { id } }`,
    { input: { title: "Bench read path" } },
    token,
  );
  const productionId = p.createProduction.id;
  const a = await gql<{ createAsset: { id: string } }>(
    writer.url,
    `mutation($input: CreateAssetInput!) { createAsset(input: $input) { id } }`,
    { input: { productionId, kind: "MIX", title: "Reel 1 mix" } },
    token,
  );
  const v = await gql<{ addVersion: { id: string } }>(
    writer.url,
    `mutation($input: AddVersionInput!) { addVersion(input: $input) { id } }`,
    { input: { assetId: a.createAsset.id, durationFrames: 10_000_000 } },
    token,
  );
  const versionId = v.addVersion.id;
  const t0 = performance.now();
  const total = await seed(ctx, versionId, productionId);
  const seedSeconds = (performance.now() - t0) / 1000;
  log(`  seeded ${plan.notes} notes and ${plan.events} events in ${seedSeconds.toFixed(1)} s`);

  const measure = async <T>(
    name: string,
    times: number,
    request: (i: number, last: T | null) => Promise<T>,
  ): Promise<Measured> => {
    const latencies: number[] = [];
    const trips = new Set<number>();
    const byCommand: Record<string, Record<string, number>> = {};
    let last: T | null = null;
    for (let i = 0; i < times; i++) {
      const before = writer.proxy.snapshot();
      const s = performance.now();
      last = await request(i, last);
      latencies.push(performance.now() - s);
      const work = writer.proxy.workSince(before);
      trips.add(work.total);
      byCommand[work.total] ??= work.byName;
    }
    const m = {
      name,
      latencyMs: roundSummary(summarize(latencies), 2),
      roundTrips: [...trips].sort((x, y) => x - y),
      roundTripsByCommand: byCommand,
    };
    log(
      `  ${name}: p50 ${m.latencyMs.p50} ms, p99 ${m.latencyMs.p99} ms, round trips ${m.roundTrips.join("|")}`,
    );
    return m;
  };

  type NotesPage = { version: { notes: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
  const notesPage = (first: number, after: string | null) =>
    gql<NotesPage>(writer.url, NOTES_PAGE, { v: versionId, first, after }, token);
  for (let i = 0; i < 10; i++) await notesPage(50, null); // warm-up (JIT, caches)
  const notesResults = [
    await measure<NotesPage>(
      `notes page: walk ${plan.pageRequests} pages of 50 by cursor`,
      plan.pageRequests,
      (_i, last) => {
        const info = last?.version.notes.pageInfo;
        return notesPage(50, info?.hasNextPage ? (info.endCursor ?? null) : null);
      },
    ),
    await measure("notes page: first 50", Math.max(20, plan.pageRequests / 2), () => notesPage(50, null)),
    await measure("notes page: first 10", 20, () => notesPage(10, null)),
  ];

  // Opaque cursors are built here only to jump into the middle and the end of the log.
  const cursorAt = (seq: number) => Buffer.from(`ev1:${productionId}:${seq}`, "utf8").toString("base64url");
  const eventsPage = (after: string | null) =>
    gql(writer.url, EVENTS_PAGE, { p: productionId, after, first: 100 }, token);
  for (let i = 0; i < 5; i++) await eventsPage(null);
  const n = Math.max(10, plan.pageRequests / 4);
  const eventsResults = [
    await measure("events: first 100", n, () => eventsPage(null)),
    await measure(`events: 100 after #${Math.round(total / 2)}`, n, () =>
      eventsPage(cursorAt(Math.round(total / 2))),
    ),
    await measure(`events: last 100 of ${plan.events}`, n, () => eventsPage(cursorAt(total - 100))),
  ];
  return {
    notes: plan.notes,
    events: plan.events,
    seedSeconds: Number(seedSeconds.toFixed(1)),
    notesPage: notesResults,
    eventsPage: eventsResults,
  };
}
