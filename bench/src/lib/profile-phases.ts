/** A V8 CPU profile as the inspector's Profiler.stop (or `--cpu-prof`) returns it. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

type Frame = CpuProfile["nodes"][number]["callFrame"];

/**
 * Where a server's time per request goes, by the frames on each sampled stack. A sample belongs
 * to the first phase, in this order, that any frame of its stack matches: the change stream's
 * handling wins over everything (it runs from the driver's cursor, never inside a request); auth
 * and loaders over the command that calls them; the command over the GraphQL execution that
 * calls it, so what is left of execution is completing and serialising the result.
 *
 * Work resumed after an `await` has lost its caller's frames (V8 keeps no async stacks), so a
 * reply the driver decodes shows up as driver code with no request phase above it: that is its
 * own line, not guessed into a phase.
 */
export type Phases = { name: string; match: (f: Frame) => boolean }[];

export const SERVER_PHASES: Phases = [
  // In-process only: the store answers the server's commands from its own socket handlers.
  { name: "store (in-process)", match: (f) => f.url.includes("/embedded-mongo/src/") },
  {
    name: "change-stream decode",
    match: (f) =>
      /mongodb\/lib\/(change_stream|cursor\/)/.test(f.url) || f.url.includes("/server/src/realtime/"),
  },
  {
    name: "auth + loaders",
    match: (f) =>
      /\/server\/src\/(auth\/|app\/context|core\/context|core\/lean-loaders|app\/loaders|app\/primed-loaders)/.test(
        f.url,
      ) ||
      /\.loaders\.ts$|\/dataloader\//.test(f.url) ||
      f.functionName === "authChecker",
  },
  {
    name: "command",
    match: (f) => /\.command\.ts$|\/server\/src\/events\/|note-counters\.ts$|\.service\.ts$/.test(f.url),
  },
  {
    name: "parse + validate",
    match: (f) => /\/graphql\/(language|validation)\//.test(f.url) || /document-cache\.ts$/.test(f.url),
  },
  {
    name: "GraphQL execution + result serialisation",
    match: (f) =>
      /\/graphql\/(execution|jsutils)\/|\/type-graphql\//.test(f.url) ||
      f.functionName === "stringify" ||
      f.functionName === "prettyJSONStringify",
  },
  {
    name: "driver + BSON (reply decode, caller lost at an await)",
    match: (f) => /\/(mongodb|bson)\//.test(f.url),
  },
  {
    name: "sockets (write/read syscalls)",
    match: (f) =>
      /^(writeBuffer|writev|writeUtf8String|writeLatin1String|onStreamRead)$/.test(f.functionName),
  },
  {
    name: "HTTP + Apollo + request scope",
    match: (f) =>
      /@apollo\/|node:_http|_http_|\/server\/src\/(app|core)\//.test(f.url) || f.url.startsWith("node:http"),
  },
  { name: "garbage collector", match: (f) => f.functionName === "(garbage collector)" },
];

const STORE = (dir: string) => (f: Frame) => f.url.includes(`/embedded-mongo/src/${dir}`);

/** The store process's side, by what it was doing (first match wins, as above). */
export const STORE_PHASES: Phases = [
  { name: "change streams (getMore, change events, post-image lookups)", match: STORE("changestreams/") },
  { name: "journal (encode, write, fsync)", match: STORE("storage/") },
  { name: "reads (find)", match: (f) => /\/embedded-mongo\/src\/(commands\/read|cursors\/)/.test(f.url) },
  {
    name: "writes (insert, update, findAndModify)",
    match: (f) => /\/embedded-mongo\/src\/commands\/(write|update-exec|find-and-modify)/.test(f.url),
  },
  { name: "transactions (sessions, commit)", match: STORE("sessions/") },
  { name: "engine (matching, indexes, updates)", match: STORE("engine/") },
  {
    name: "wire (message framing, BSON, dispatch)",
    match: (f) => /\/embedded-mongo\/src\/(wire|server|commands)\/|\/bson\//.test(f.url),
  },
  {
    name: "sockets (write/read syscalls)",
    match: (f) => /^(writeBuffer|writev|onStreamRead)$/.test(f.functionName),
  },
  { name: "garbage collector", match: (f) => f.functionName === "(garbage collector)" },
];

const OTHER = "other (Node's promise and timer machinery, libraries)";

export interface PhaseShare {
  phase: string;
  sampledMs: number;
  share: number;
}

export interface PhaseBreakdown {
  /** Sampled non-idle ms in the window. */
  sampledMs: number;
  phases: PhaseShare[];
  /** The heaviest functions (self time) of the unattributed lines, to say what they are. */
  topOfUnattributed: { frame: string; ms: number }[];
}

export function phaseBreakdown(p: CpuProfile, PHASES: Phases = SERVER_PHASES): PhaseBreakdown {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = phaseOf.get(id);
    if (known) return known;
    let best = PHASES.length;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)?.callFrame;
      if (!f) continue;
      for (let i = 0; i < best; i++) if (PHASES[i]?.match(f)) best = i;
    }
    const name = PHASES[best]?.name ?? OTHER;
    phaseOf.set(id, name);
    return name;
  };
  const ms = new Map<string, number>();
  const selfUnattributed = new Map<string, number>();
  let total = 0;
  for (const [i, id] of p.samples.entries()) {
    const f = byId.get(id)?.callFrame;
    if (!f || f.functionName === "(idle)") continue;
    const d = (p.timeDeltas[i] ?? 0) / 1000;
    total += d;
    const phase = classify(id);
    ms.set(phase, (ms.get(phase) ?? 0) + d);
    if (phase === OTHER || phase.startsWith("driver")) {
      const label = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, "")}:${f.lineNumber + 1}`;
      selfUnattributed.set(label, (selfUnattributed.get(label) ?? 0) + d);
    }
  }
  const phases = [...PHASES.map((x) => x.name), OTHER].map((phase) => ({
    phase,
    sampledMs: Math.round(ms.get(phase) ?? 0),
    share: total > 0 ? Number(((ms.get(phase) ?? 0) / total).toFixed(3)) : 0,
  }));
  const topOfUnattributed = [...selfUnattributed]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([frame, v]) => ({ frame, ms: Math.round(v) }));
  return { sampledMs: Math.round(total), phases, topOfUnattributed };
}
