/**
 * Preloaded into a server by tools/memory-breakdown.ts (NODE_OPTIONS=--require): on SIGWINCH it
 * writes where the process's memory is to MEMORY_PROBE_OUT (JSON), as it is and, when the request
 * file MEMORY_PROBE_OUT.gc exists (and --expose-gc is on), again after a full GC. When the request
 * file MEMORY_PROBE_OUT.alloc says "start", it starts V8's sampling heap profiler counting every
 * allocation (also those collected since); "stop" writes the profile to MEMORY_PROBE_OUT.heapprofile.
 * Diagnostics only: a benchmarked server never runs with it.
 */
const { existsSync, readFileSync, writeFileSync } = require("node:fs");
const v8 = require("node:v8");
const inspector = require("node:inspector");

// MEMORY_V8_FLAGS: V8 flags NODE_OPTIONS does not accept (e.g. --trace-gc), set before the app loads.
if (process.env.MEMORY_V8_FLAGS) v8.setFlagsFromString(process.env.MEMORY_V8_FLAGS);

function kb(status, field) {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
  return m ? Number(m[1]) * 1024 : null;
}

function reading() {
  const status = readFileSync("/proc/self/status", "utf8");
  const spaces = {};
  for (const s of v8.getHeapSpaceStatistics()) {
    spaces[s.space_name] = { committed: s.physical_space_size, used: s.space_used_size };
  }
  const mu = process.memoryUsage();
  return {
    rss: kb(status, "VmRSS"),
    rssAnon: kb(status, "RssAnon"),
    heapTotal: mu.heapTotal,
    heapUsed: mu.heapUsed,
    external: mu.external,
    arrayBuffers: mu.arrayBuffers,
    mallocedMemory: v8.getHeapStatistics().malloced_memory,
    spaces,
  };
}

let session = null;

/** Starts or stops (writing the profile) allocation sampling, as the request file asks. */
function allocationProfile(out) {
  if (!existsSync(`${out}.alloc`)) return;
  const action = readFileSync(`${out}.alloc`, "utf8").trim();
  if (action === "start" && !session) {
    session = new inspector.Session();
    session.connect();
    session.post("HeapProfiler.startSampling", {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  } else if (action === "stop" && session) {
    session.post("HeapProfiler.stopSampling", (err, result) => {
      if (!err) writeFileSync(`${out}.heapprofile`, JSON.stringify(result.profile));
      session.disconnect();
      session = null;
    });
  }
}

process.on("SIGWINCH", () => {
  allocationProfile(process.env.MEMORY_PROBE_OUT);
  const before = reading();
  let afterGc = null;
  const out = process.env.MEMORY_PROBE_OUT;
  if (existsSync(`${out}.gc`) && typeof globalThis.gc === "function") {
    globalThis.gc();
    afterGc = reading();
  }
  writeFileSync(out, JSON.stringify({ before, afterGc }));
});
