import { spawn } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { testConfig } from "../config/config.js";
import { createLogger } from "../core/logger.js";
import { connectDatabase, type Database } from "./database.js";

/**
 * #13 finding 11: the in-process embedded store has no authentication, so a loopback TCP port let
 * any local process read everything (password hashes, sessions). The server now reaches it over a
 * Unix socket only another process of the same user can open.
 */

/** TCP ports this process listens on, from /proc (its socket inodes matched to the LISTEN rows). */
function listeningPorts(): Set<number> {
  const inodes = new Set<string>();
  for (const fd of readdirSync("/proc/self/fd")) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
      if (m?.[1]) inodes.add(m[1]);
    } catch {
      // An fd closed while listing.
    }
  }
  const ports = new Set<number>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT, st 0A is LISTEN, the inode is column 10.
      if (cols[3] === "0A" && cols[9] && inodes.has(cols[9]))
        ports.add(Number.parseInt(cols[1]?.split(":")[1] ?? "", 16));
    }
  }
  return ports;
}

/** Tries to open the socket from a child process, as `uid` (another user) if given; its error code or "connected". */
function connectFromChild(target: string | number, uid?: number): Promise<string> {
  const where = typeof target === "number" ? `{port:${target},host:"127.0.0.1"}` : JSON.stringify(target);
  const script = `const s=require("node:net").connect(${where});s.on("connect",()=>{process.stdout.write("connected");s.destroy()});s.on("error",(e)=>process.stdout.write(e.code||String(e)));`;
  const child = spawn(process.execPath, ["-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((resolve) => child.on("exit", () => resolve(out)));
}

const socketPathOf = (uri: string) => decodeURIComponent(/^mongodb:\/\/([^/]+)\//.exec(uri)?.[1] ?? "");
const logger = createLogger("silent");
let db: Database | undefined;

afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe.skipIf(process.platform !== "linux")("the in-process embedded store's listeners", () => {
  it("opens no TCP port by default; its Unix socket is 0600 in a 0700 directory", async () => {
    const before = listeningPorts();
    db = await connectDatabase(testConfig(), logger, { dbPath: null, dbName: "listeners" });
    expect([...listeningPorts()].filter((p) => !before.has(p))).toEqual([]);
    const path = socketPathOf(db.uri);
    expect(path).toMatch(/store\.sock$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
    // The owner's tools can still reach it (and so can this test's control below).
    expect(await connectFromChild(path)).toBe("connected");
  });

  it.skipIf(process.getuid?.() !== 0)("refuses another local user on every listener it opened", async () => {
    const before = listeningPorts();
    db = await connectDatabase(testConfig(), logger, { dbPath: null, dbName: "listeners" });
    const targets: (string | number)[] = [...listeningPorts()].filter((p) => !before.has(p));
    if (db.uri.includes("store.sock")) targets.push(socketPathOf(db.uri));
    expect(targets.length).toBeGreaterThan(0);
    // uid 65534 is "nobody": a different local account attacking the store.
    for (const target of targets)
      expect([target, await connectFromChild(target, 65_534)]).toEqual([target, "EACCES"]);
  });

  it("listens on loopback TCP only when EMBEDDED_STORE_TCP=true (tools opting in)", async () => {
    const before = listeningPorts();
    db = await connectDatabase(testConfig({ EMBEDDED_STORE_TCP: "true" }), logger, {
      dbPath: null,
      dbName: "listeners",
    });
    const port = Number(/^mongodb:\/\/127\.0\.0\.1:(\d+)\//.exec(db.uri)?.[1]);
    expect([...listeningPorts()].filter((p) => !before.has(p))).toEqual([port]);
  });
});
