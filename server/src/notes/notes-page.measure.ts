/**
 * Measures the notes page (50 notes with authors, anchors, replies and their authors) on a
 * version holding 10,000 notes: latency p50/p99 over 200 requests walking every page by cursor,
 * plus 100 requests of the first page, and database round trips per request.
 *
 *   pnpm --filter @greenlight/server exec tsx src/notes/notes-page.measure.ts [notes] [requests]
 */
import "reflect-metadata";
import { Types } from "mongoose";
import { AssetKind } from "../assets/asset.enums.js";
import { Role } from "../productions/production.enums.js";
import { buildProduction, buildVersion, gqlAs } from "../test/domain-factories.js";
import { startTestServer } from "../test/harness.js";
import { NoteCategory, NoteStatus } from "./note.enums.js";
import { recountNotes } from "./note-counters.js";
import { NoteModel } from "./note.model.js";
import { NOTES_PAGE_QUERY } from "./notes-page.query.js";
import { ReplyModel } from "./reply.model.js";
import { countDbOps } from "./roundtrips.js";

const NOTES = Number(process.argv[2] ?? 10_000);
const REQUESTS = Number(process.argv[3] ?? 200);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summary(name: string, times: number[], ops: number[]) {
  const t = [...times].sort((a, b) => a - b);
  const o = [...new Set(ops)].sort((a, b) => a - b);
  return `${name}: n=${t.length} p50=${percentile(t, 50).toFixed(1)}ms p99=${percentile(t, 99).toFixed(1)}ms max=${t.at(-1)?.toFixed(1)}ms round trips/request=${o.join("|")}`;
}

async function main() {
  const server = await startTestServer();
  try {
    const prod = await buildProduction(server, {
      members: { DIRECTOR: 1, EDITOR: 2, SOUND_DESIGNER: 1, PRODUCER: 1 },
    });
    const { versionId } = await buildVersion(server, prod, AssetKind.MIX, { durationFrames: 1_000_000 });
    const authors = [Role.SHOWRUNNER, Role.DIRECTOR, Role.EDITOR, Role.SOUND_DESIGNER, Role.PRODUCER].map(
      (r) => prod.as(r),
    );
    const v = new Types.ObjectId(versionId);
    const version = await NoteModel.db.collection("versions").findOne({ _id: v });
    const categories = Object.values(NoteCategory);
    const statuses = Object.values(NoteStatus);
    const t0 = performance.now();
    const now = Date.now();
    for (let start = 0; start < NOTES; start += 1000) {
      const notes = Array.from({ length: Math.min(1000, NOTES - start) }, (_, k) => {
        const i = start + k;
        return {
          _id: new Types.ObjectId(),
          versionId: v,
          assetId: version?.assetId,
          productionId: version?.productionId,
          authorId: new Types.ObjectId(authors[i % authors.length]?.user.id),
          authorRole: Role.EDITOR,
          body: `Note ${i}: the dialogue dips under the music around here; lift DX 2 dB.`,
          anchor: {
            type: "TIME",
            startFrame: i * 3,
            endFrame: i * 3 + 24,
            startTimecode: "",
            endTimecode: "",
            stem: "DIALOGUE",
          },
          status: statuses[i % statuses.length],
          category: categories[i % categories.length],
          replyCount: i % 3 === 0 ? 2 : 0,
          createdAt: new Date(now + i),
          updatedAt: new Date(now + i),
        };
      });
      await NoteModel.insertMany(notes, { lean: true });
      const replies = notes
        .filter((_, k) => (start + k) % 3 === 0)
        .flatMap((n, k) =>
          [1, 2].map((r) => ({
            noteId: n._id,
            versionId: v,
            productionId: n.productionId,
            authorId: new Types.ObjectId(authors[(k + r) % authors.length]?.user.id),
            authorRole: Role.DIRECTOR,
            body: `Reply ${r}`,
            createdAt: new Date(now + start + k),
          })),
        );
      await ReplyModel.insertMany(replies, { lean: true });
    }
    await recountNotes(v); // bulk inserts bypass the services' counters
    console.log(`Seeded ${NOTES} notes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const viewer = prod.as(Role.EDITOR);
    const run = async (after: string | null) => {
      const start = performance.now();
      const { result, ops } = await countDbOps(() =>
        gqlAs<{
          version: {
            notes: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
          };
        }>(server, viewer, NOTES_PAGE_QUERY, { v: versionId, first: 50, after }),
      );
      const ms = performance.now() - start;
      if (result.body.errors) throw new Error(JSON.stringify(result.body.errors));
      return { ms, ops, page: result.body.data?.version.notes };
    };
    for (let i = 0; i < 10; i++) await run(null); // warm-up

    const walkTimes: number[] = [];
    const walkOps: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < REQUESTS; i++) {
      const r = await run(after);
      walkTimes.push(r.ms);
      walkOps.push(r.ops);
      after = r.page?.pageInfo.hasNextPage ? (r.page.pageInfo.endCursor ?? null) : null;
    }
    const firstTimes: number[] = [];
    const firstOps: number[] = [];
    for (let i = 0; i < 100; i++) {
      const r = await run(null);
      firstTimes.push(r.ms);
      firstOps.push(r.ops);
    }
    console.log(summary(`pages 1..${REQUESTS} by cursor`, walkTimes, walkOps));
    console.log(summary("first page", firstTimes, firstOps));
  } finally {
    await server.close();
  }
}

await main();
