import { describe, expect, it } from "vitest";
import { gql, listEvents } from "./support/api.js";
import { ResumingSubscriber } from "./support/subscriber.js";
import { clusterSuite } from "./support/suite.js";

/**
 * Chaos: 4 concurrent writers on 2 server processes sharing one standalone store. Each round kills
 * (SIGKILL) a random server, or the store, while requests are in flight, and restarts it. Then:
 * every note has exactly one NOTE_ADDED event and every NOTE_ADDED event its note; no seq twice;
 * every acknowledged addNote is whole (note, counters, event); and subscribers that lived through
 * every kill received every event exactly once, in Production.events order.
 *
 * CHAOS_ROUNDS (default 10) sets the rounds: `pnpm test:chaos --rounds 100` for a long run.
 * CHAOS_SEED makes the kill moments repeatable.
 */
const ROUNDS = Number(process.env.CHAOS_ROUNDS ?? 10);
let seed = Number(process.env.CHAOS_SEED ?? Date.now() % 100_000);
const SEED = seed;
/** mulberry32: a tiny seeded generator, so a failing run can be replayed with its seed. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

const t = clusterSuite(2);

/** Counts something and lets the test wait for a number of it (no sleeps). */
class Counter {
  count = 0;
  private waiters: Array<{ n: number; resolve: () => void }> = [];
  bump(): void {
    this.count++;
    const due = this.waiters.filter((w) => this.count >= w.n);
    this.waiters = this.waiters.filter((w) => this.count < w.n);
    for (const w of due) w.resolve();
  }
  reach(n: number): Promise<void> {
    return this.count >= n ? Promise.resolve() : new Promise((resolve) => this.waiters.push({ n, resolve }));
  }
}

/** Sent with an Idempotency-Key: the writers retry a failed note under the same key. */
async function addNote(url: string, token: string, versionId: string, body: string): Promise<string> {
  const data = await gql<{ addNote: { id: string } }>(
    url,
    `mutation($i: AddNoteInput!) { addNote(input: $i) { id } }`,
    { i: { versionId, body, time: { startFrame: 0 } } },
    token,
    { "idempotency-key": `note-${body}` },
  );
  return data.addNote.id;
}

interface Ev {
  cursor: string;
  type: string;
  note: { id: string } | null;
}

async function allEvents(
  url: string,
  token: string,
  productionId: string,
  after: string | null,
): Promise<Ev[]> {
  const out: Ev[] = [];
  for (let cursor = after; ; ) {
    const page = (
      await gql<{ production: { events: Ev[] } }>(
        url,
        `query($p: ID!, $a: String) { production(id: $p) { events(after: $a, first: 500) { cursor type note { id } } } }`,
        { p: productionId, a: cursor },
        token,
      )
    ).production.events;
    out.push(...page);
    if (page.length < 500) return out;
    cursor = page.at(-1)?.cursor ?? cursor;
  }
}

async function allNotes(url: string, token: string, versionId: string) {
  const ids: string[] = [];
  let counts = { total: 0 };
  let totalCount = 0;
  for (let after: string | null = null; ; ) {
    const v: {
      version: {
        noteCounts: { total: number };
        notes: {
          totalCount: number;
          edges: Array<{ node: { id: string } }>;
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      };
    } = await gql(
      url,
      `query($v: ID!, $a: String) { version(id: $v) { noteCounts { total }
        notes(first: 200, after: $a, includeDeleted: true) { totalCount edges { node { id } } pageInfo { endCursor hasNextPage } } } }`,
      { v: versionId, a: after },
      token,
    );
    counts = v.version.noteCounts;
    totalCount = v.version.notes.totalCount;
    ids.push(...v.version.notes.edges.map((e) => e.node.id));
    if (!v.version.notes.pageInfo.hasNextPage) return { ids, counts, totalCount };
    after = v.version.notes.pageInfo.endCursor;
  }
}

async function noteBodies(url: string, token: string, versionId: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let after: string | null = null; ; ) {
    const v: {
      version: {
        notes: {
          edges: Array<{ node: { id: string; body: string } }>;
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      };
    } = await gql(
      url,
      `query($v: ID!, $a: String) { version(id: $v) { notes(first: 200, after: $a, includeDeleted: true) {
        edges { node { id body } } pageInfo { endCursor hasNextPage } } } }`,
      { v: versionId, a: after },
      token,
    );
    for (const { node } of v.version.notes.edges)
      out.set(node.body, [...(out.get(node.body) ?? []), node.id]);
    if (!v.version.notes.pageInfo.hasNextPage) return out;
    after = v.version.notes.pageInfo.endCursor;
  }
}

describe(`chaos: ${ROUNDS} rounds of SIGKILL (seed ${SEED})`, () => {
  it("keeps every acknowledged mutation whole and every subscriber exact across kills", async () => {
    const { urls, servers, store } = t.cluster;
    const { showrunner, members, productionId, versionId } = t.setup;
    const users = [showrunner, ...members];
    const start = (await listEvents(urls[0] as string, showrunner.token, productionId, null)).at(-1) ?? null;
    const subs = [0, 1].map(
      (i) =>
        new ResumingSubscriber(t.wsUrls, (users[i] as (typeof users)[number]).token, productionId, start, i),
    );
    t.subs.push(...subs);
    await Promise.all(subs.map((s) => s.start()));

    const acknowledged = new Set<string>();
    /** Note body -> the id its acknowledged request answered. */
    const answered = new Map<string, string>();
    /** Notes whose first request failed and a retry answered. */
    let answeredByRetry = 0;
    const sent = new Counter();
    const acked = new Counter();
    let writing = true;
    const writers = users.map(async (u, w) => {
      for (let i = 0; writing; i++) {
        // A failed request may or may not have committed: issue 13 finding 8 saw 16 of 21 such
        // notes saved, so a plain retry duplicated them. The retry, to either server, reuses the
        // request's Idempotency-Key, until one answer comes back.
        const body = `w${w}-${i}`;
        for (let attempt = 0; ; attempt++) {
          const request = addNote(urls[(w + i + attempt) % 2] as string, u.token, versionId, body);
          sent.bump();
          const id = await request.catch(() => null);
          if (id === null) {
            if (!writing && attempt > 50) break;
            continue;
          }
          acknowledged.add(id);
          answered.set(body, id);
          if (attempt > 0) answeredByRetry++;
          acked.bump();
          break;
        }
      }
    });

    for (let round = 0; round < ROUNDS; round++) {
      // A random moment: after a random number of further requests went out, so some are in flight.
      await sent.reach(sent.count + between(1, 12));
      const victim = round % 2 === 0 ? servers[between(0, 1)] : store;
      await victim?.stop("SIGKILL");
      await victim?.start();
      // The cluster writes again before the next round.
      await acked.reach(acked.count + 4);
    }
    writing = false;
    await Promise.all(writers);

    const events = await allEvents(urls[0] as string, showrunner.token, productionId, start);
    const notes = await allNotes(urls[1] as string, showrunner.token, versionId);
    const added = events.filter((e) => e.type === "NOTE_ADDED").map((e) => e.note?.id ?? "(no note)");
    const noteSet = new Set(notes.ids);
    expect({
      duplicateCursors: events.filter((e, i) => events.findIndex((f) => f.cursor === e.cursor) !== i).length,
      eventsWithoutNote: added.filter((id) => !noteSet.has(id)),
      notesWithoutEvent: notes.ids.filter((id) => !added.includes(id)),
      notesWithTwoEvents: added.filter((id, i) => added.indexOf(id) !== i),
      acknowledgedMissing: [...acknowledged].filter((id) => !noteSet.has(id)),
      counters: notes.counts.total,
      totalCount: notes.totalCount,
    }).toEqual({
      duplicateCursors: 0,
      eventsWithoutNote: [],
      notesWithoutEvent: [],
      notesWithTwoEvents: [],
      acknowledgedMissing: [],
      counters: notes.ids.length,
      totalCount: notes.ids.length,
    });
    expect(acknowledged.size).toBeGreaterThanOrEqual(ROUNDS * 4);
    // Every body was written once, and its answer (first attempt or a retry) names that note.
    const bodies = await noteBodies(urls[0] as string, showrunner.token, versionId);
    const twice = [...bodies.entries()].filter(([, ids]) => ids.length > 1);
    expect(twice).toEqual([]);
    for (const [body, id] of answered) expect(bodies.get(body)).toEqual([id]);
    console.log(`chaos: ${answered.size} notes, ${answeredByRetry} answered only by a retry`);

    const cursors = events.map((e) => e.cursor);
    await Promise.all(subs.map((s) => s.waitForCursor(cursors.at(-1) as string, 90_000)));
    for (const s of subs) {
      const repeated = s.cursors.filter((c, i) => s.cursors.indexOf(c) !== i);
      expect(repeated).toEqual([]);
      expect(s.cursors).toEqual(cursors); // every event once, in Production.events order
    }
    // The subscribers on a killed process, at least, had to reconnect.
    if (ROUNDS > 0) expect(subs.some((s) => s.reconnects > 0)).toBe(true);
  }, 600_000);
});
