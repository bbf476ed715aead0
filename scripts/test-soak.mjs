// `pnpm test:soak [--minutes 3] [--sample 2] [--heapsnapshots]`: runs the compiled server as
// `pnpm start:prod` does (NODE_ENV=production, embedded store, a free port, a temp DATA_DIR),
// seeds one production, then for N minutes sends a modest mix of GraphQL reads, addNote and
// replyToNote mutations, and productionEvents subscriptions over graphql-ws whose sockets come and
// go. Every few seconds it reads the server's RSS and used V8 heap from /metrics, and at the end
// compares the growth rate of the last third with the first (scripts/soak-analysis.mjs): exit 1
// when memory is still rising. --heapsnapshots sends SIGUSR2 (--heapsnapshot-signal) after the
// warm-up and at the end, leaving two .heapsnapshot files to compare in Chrome DevTools.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { COMPILED_NODE_ARGS, checkNode, ensureInstalled, ensureServerBuilt, root } from "./lib.mjs";
import { analyzeMemory, describeAnalysis } from "./soak-analysis.mjs";

checkNode();
ensureInstalled();
const WebSocket = createRequire(join(root, "tests", "package.json"))("ws");
const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "3" },
    sample: { type: "string", default: "2" },
    workers: { type: "string", default: "3" },
    subscribers: { type: "string", default: "8" },
    heapsnapshots: { type: "boolean", default: false },
  },
});
const minutes = Number(values.minutes);
if (!(minutes > 0)) {
  console.error(`--minutes must be a positive number, got '${values.minutes}'`);
  process.exit(2);
}
const sampleMs = Number(values.sample) * 1_000;
const WORKERS = Number(values.workers);
const SUBSCRIBERS = Number(values.subscribers);
/** Pause between one worker's requests: keeps the load (and this machine's CPU) modest. */
const PACE_MS = 15;

ensureServerBuilt();
const dataDir = mkdtempSync(join(tmpdir(), "greenlight-soak-"));
const server = spawn(
  process.execPath,
  [...COMPILED_NODE_ARGS, "--heapsnapshot-signal=SIGUSR2", join(root, "server", "dist", "main.js")],
  {
    cwd: dataDir, // heap snapshots are written to the working directory
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      SEED_DEMO: "false",
      LOG_LEVEL: "info",
      MONGODB_URI: "",
      SIGNUP_MAX_PER_IP: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  },
);
let output = "";
const ready = new Promise((resolve, reject) => {
  const onData = (d) => {
    output += d;
    const m = /Greenlight ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
    if (m) resolve(m[1]);
  };
  server.stdout.on("data", onData);
  server.stderr.on("data", onData);
  server.once("exit", (code) => reject(new Error(`server exited (${code}) before ready:\n${output}`)));
});
const base = await ready;
const wsUrl = `${base.replace(/^http/, "ws")}/graphql`;
console.log(`› soak: server pid ${server.pid} at ${base}, ${minutes} min, data in ${dataDir}`);

const stats = { reads: 0, writes: 0, errors: 0, subscribed: 0, events: 0, lastError: "" };

async function gql(query, variables, token) {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors ?? body).slice(0, 300));
  return body.data;
}

async function seed() {
  const users = [];
  for (const name of ["Showrunner", "Editor", "Director", "Producer"]) {
    const email = `${name.toLowerCase()}.${process.pid}@example.test`;
    const { signUp } = await gql("mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }", {
      i: { name, email, password: "soak test horse battery staple" },
    });
    users.push({ name, email, token: signUp.token });
  }
  const [sr, ...members] = users;
  const p = (await gql('mutation { createProduction(input: { title: "Soak" }) { id } }', {}, sr.token))
    .createProduction.id;
  for (const [m, role] of members.map((m, i) => [m, ["EDITOR", "DIRECTOR", "PRODUCER"][i]]))
    await gql(
      "mutation($p: ID!, $e: String!, $r: Role!) { addMember(productionId: $p, email: $e, role: $r) { role } }",
      { p, e: m.email, r: role },
      sr.token,
    );
  const assetId = (
    await gql(
      "mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }",
      { i: { productionId: p, kind: "CUT", title: "Reel 1" } },
      sr.token,
    )
  ).createAsset.id;
  const versionId = (
    await gql("mutation($i: AddVersionInput!) { addVersion(input: $i) { id } }", { i: { assetId } }, sr.token)
  ).addVersion.id;
  return { productionId: p, versionId, tokens: users.map((u) => u.token) };
}

const READ = `query($p: ID!, $v: ID!) {
  production(id: $p) { title stage myRole members { role user { name } } assets { title versions { number status } } }
  version(id: $v) { status notes(first: 20) { totalCount edges { node { body status author { name } replies { body } } } } }
}`;
const NOTES = "query($v: ID!) { version(id: $v) { notes(first: 50) { edges { node { id } } } } }";

/** One client's loop: mostly reads, some notes and replies, until `deadline`. */
async function worker(setup, w, deadline) {
  let i = 0;
  let noteIds = [];
  while (Date.now() < deadline) {
    const token = setup.tokens[(w + i) % setup.tokens.length];
    const roll = i++ % 20;
    try {
      if (roll < 12) {
        await gql(READ, { p: setup.productionId, v: setup.versionId }, token);
        stats.reads++;
      } else if (roll < 16) {
        const body = `soak note ${w}-${i} ${"lorem ipsum ".repeat(1 + (i % 20))}`;
        await gql(
          "mutation($i: AddNoteInput!) { addNote(input: $i) { id } }",
          {
            i: { versionId: setup.versionId, body, time: { startFrame: i % 5000 } },
          },
          token,
        );
        stats.writes++;
      } else if (roll < 17) {
        noteIds = (await gql(NOTES, { v: setup.versionId }, token)).version.notes.edges.map((e) => e.node.id);
        stats.reads++;
      } else if (noteIds.length) {
        await gql(
          "mutation($n: ID!, $b: String!) { replyToNote(noteId: $n, body: $b) { id } }",
          {
            n: noteIds[i % noteIds.length],
            b: `soak reply ${w}-${i}`,
          },
          token,
        );
        stats.writes++;
      }
    } catch (e) {
      stats.errors++;
      stats.lastError = String(e.message ?? e);
    }
    await new Promise((r) => setTimeout(r, PACE_MS));
  }
}

/** A graphql-ws subscriber that lives for `lifeMs`, then closes its socket. */
function subscriber(setup, n, lifeMs) {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl, "graphql-transport-ws");
    const done = () => resolve();
    ws.on("open", () =>
      ws.send(
        JSON.stringify({
          type: "connection_init",
          payload: { authorization: `Bearer ${setup.tokens[n % 4]}` },
        }),
      ),
    );
    ws.on("message", (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.type === "connection_ack") {
        stats.subscribed++;
        ws.send(
          JSON.stringify({
            id: "1",
            type: "subscribe",
            payload: {
              query:
                "subscription($p: ID!) { productionEvents(productionId: $p) { cursor type note { body author { name } } } }",
              variables: { p: setup.productionId },
            },
          }),
        );
        setTimeout(() => ws.close(1000), lifeMs);
      } else if (msg.type === "next") stats.events++;
      else if (msg.type === "ping") ws.send(JSON.stringify({ type: "pong" }));
      else if (msg.type === "error") {
        stats.errors++;
        stats.lastError = JSON.stringify(msg.payload).slice(0, 300);
      }
    });
    ws.on("error", (e) => {
      stats.errors++;
      stats.lastError = String(e.message);
    });
    ws.on("close", done);
  });
}

/** Keeps `SUBSCRIBERS` subscribers alive, each for 3–15 s, replaced as they leave. */
async function subscribers(setup, slot, deadline) {
  for (let n = slot; Date.now() < deadline; n += SUBSCRIBERS)
    await subscriber(setup, n, Math.min(3_000 + ((n * 1_777) % 12_000), Math.max(0, deadline - Date.now())));
}

async function sample(t0) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const metric = (name) => Number(new RegExp(`^${name} (\\S+)`, "m").exec(text)?.[1] ?? Number.NaN);
  return {
    t: (Date.now() - t0) / 1_000,
    rss: metric("greenlight_process_resident_memory_bytes"),
    heap: metric("greenlight_nodejs_heap_size_used_bytes"),
  };
}

/**
 * Takes the closing heap snapshot and waits until it is written: V8 writes it on the main thread,
 * so once the file exists, the next answer from /metrics comes after the write.
 */
async function lastSnapshot() {
  const count = () => readdirSync(dataDir).filter((f) => f.endsWith(".heapsnapshot")).length;
  const before = count();
  server.kill("SIGUSR2");
  while (count() === before) await new Promise((r) => setTimeout(r, 100));
  // A kept-alive connection may have timed out meanwhile (ECONNRESET): ask again on a new one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await (await fetch(`${base}/metrics`)).text();
    } catch (e) {
      if (attempt >= 5) throw e;
    }
  }
}

let exitCode = 1;
try {
  const setup = await seed();
  const t0 = Date.now();
  const deadline = t0 + minutes * 60_000;
  const samples = [];
  const load = Promise.all([
    ...Array.from({ length: WORKERS }, (_, w) => worker(setup, w, deadline)),
    ...Array.from({ length: SUBSCRIBERS }, (_, s) => subscribers(setup, s, deadline)),
  ]);
  // Inside the middle third: the snapshot's own GC and memory spike stay out of the compared thirds.
  let snapshotAt = values.heapsnapshots ? t0 + minutes * 60_000 * 0.4 : Number.POSITIVE_INFINITY;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, Math.min(sampleMs, Math.max(1, deadline - Date.now()))));
    const s = await sample(t0);
    samples.push(s);
    if (Date.now() >= snapshotAt) {
      server.kill("SIGUSR2");
      snapshotAt = Number.POSITIVE_INFINITY;
    }
    console.log(
      `${s.t.toFixed(0).padStart(5)} s  rss ${(s.rss / 1_048_576).toFixed(0).padStart(4)} MB  heap ${(s.heap / 1_048_576).toFixed(0).padStart(4)} MB  ` +
        `reads ${stats.reads} writes ${stats.writes} subscribed ${stats.subscribed} events ${stats.events} errors ${stats.errors}`,
    );
  }
  await load;
  if (values.heapsnapshots) await lastSnapshot();
  const analysis = analyzeMemory(samples);
  console.log(`\n━━ soak summary: ${minutes} min, ${samples.length} samples ━━`);
  console.log(
    `${stats.reads} reads, ${stats.writes} writes, ${stats.subscribed} subscriptions, ${stats.events} events delivered, ${stats.errors} errors`,
  );
  if (stats.lastError) console.log(`last error: ${stats.lastError}`);
  for (const line of describeAnalysis(analysis)) console.log(line);
  if (!analysis.enough) console.log("too few samples for a verdict: run longer or sample more often");
  console.log(analysis.levelsOff ? "✔ memory levels off" : "✘ memory is still rising (or no verdict)");
  exitCode = analysis.levelsOff && stats.events > 0 ? 0 : 1;
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  const snaps = readdirSync(dataDir).filter((f) => f.endsWith(".heapsnapshot"));
  if (snaps.length) console.log(`heap snapshots kept in ${dataDir}: ${snaps.join(", ")}`);
  else rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
