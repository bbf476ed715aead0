// `pnpm check:deploy`: validates the image and compose files as far as a machine without a Docker
// engine allows. Structure is checked here (the parts docs/deploy.md relies on); `caddy validate`
// and `docker compose config` run too when those tools are installed (skipped with a note if not).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { root } from "./lib.mjs";

const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
};
const has = (cmd, args) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;

// ---- Dockerfile ----
const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8").replace(/\\\n/g, " ");
const lines = dockerfile
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
const stages = lines.filter((l) => /^FROM /i.test(l));
check(stages.length >= 2, "Dockerfile: multi-stage (at least a build and a runtime stage)");
const final = lines.slice(lines.lastIndexOf(stages.at(-1)));
const user = final.filter((l) => /^USER /i.test(l)).at(-1);
check(
  user && !/^USER\s+(root|0)(\s|:|$)/i.test(user),
  "Dockerfile: the runtime stage runs as a non-root USER",
);
check(
  final.some((l) => /^HEALTHCHECK .*\/readyz/i.test(l)),
  "Dockerfile: a HEALTHCHECK on /readyz",
);
const cmd = final.find((l) => /^CMD /i.test(l)) ?? "";
check(
  /server\/dist\/main\.js/.test(cmd) && /greenlight-compiled/.test(cmd),
  "Dockerfile: CMD runs the compiled server",
);
check(!/tsx/.test(final.join("\n")), "Dockerfile: no tsx in the runtime stage");
for (const l of lines.filter((x) => /^COPY /i.test(x) && !/--from=/.test(x))) {
  const parts = l
    .split(/\s+/)
    .slice(1)
    .filter((p) => !p.startsWith("--"));
  for (const src of parts.slice(0, -1))
    check(existsSync(join(root, src)), `Dockerfile: COPY source ${src} exists`);
}
const ignored = readFileSync(join(root, ".dockerignore"), "utf8");
check(
  /node_modules/.test(ignored) && /\.env/.test(ignored),
  ".dockerignore: keeps node_modules and .env out of the context",
);

// ---- compose ----
const composePath = join(root, "deploy", "compose.yml");
const compose = parse(readFileSync(composePath, "utf8"), { merge: true });
const services = compose.services ?? {};
const mongos = Object.entries(services).filter(([, s]) => (s.command ?? []).includes("--replSet"));
check(mongos.length === 3, "compose: three MongoDB members started with --replSet");
const init = Object.values(services).find((s) => JSON.stringify(s.command ?? "").includes("rs.initiate"));
check(init, "compose: a replica-set init service");
for (const [name] of mongos)
  check(JSON.stringify(init?.command ?? "").includes(`${name}:27017`), `compose: the init adds ${name}`);
const apps = Object.entries(services).filter(([, s]) => s.build?.dockerfile === "Dockerfile");
check(apps.length >= 2, "compose: at least two Greenlight replicas built from the Dockerfile");
for (const [name, s] of apps) {
  const uri = String(s.environment?.MONGODB_URI ?? "");
  check(/replicaSet=rs0/.test(uri), `compose: ${name} connects to the replica set`);
  for (const [m] of mongos) check(uri.includes(`${m}:27017`), `compose: ${name}'s URI lists ${m}`);
  check(
    existsSync(join(root, "deploy", s.build.context, s.build.dockerfile)),
    `compose: ${name}'s Dockerfile`,
  );
  const dep = Object.values(s.depends_on ?? {})[0];
  check(
    dep?.condition === "service_completed_successfully",
    `compose: ${name} waits for the replica-set init`,
  );
}
const proxy = services.proxy;
const caddyMount = (proxy?.volumes ?? []).find((v) => String(v).includes("Caddyfile"));
check(caddyMount, "compose: the proxy mounts deploy/Caddyfile");
for (const [name, s] of Object.entries(services)) {
  for (const n of s.networks ?? [])
    check(compose.networks?.[n] !== undefined, `compose: ${name}'s network ${n} is declared`);
  for (const v of s.volumes ?? []) {
    const src = String(v).split(":")[0];
    if (src.startsWith(".")) check(existsSync(join(root, "deploy", src)), `compose: ${name} mounts ${src}`);
    else check(compose.volumes?.[src] !== undefined, `compose: ${name}'s volume ${src} is declared`);
  }
}
const caddyfile = readFileSync(join(root, "deploy", "Caddyfile"), "utf8");
for (const [name] of apps) check(caddyfile.includes(`${name}:4000`), `Caddyfile: proxies to ${name}`);

// ---- the tools' own checks, where installed ----
const notes = [];
if (has("caddy", ["version"])) {
  const r = spawnSync(
    "caddy",
    ["validate", "--config", join(root, "deploy", "Caddyfile"), "--adapter", "caddyfile"],
    {
      encoding: "utf8",
    },
  );
  check(r.status === 0, `caddy validate: ${r.stderr.split("\n").filter(Boolean).at(-1)}`);
  notes.push("caddy validate: ok");
} else notes.push("caddy not installed: Caddyfile syntax not validated");
if (has("docker", ["compose", "version"])) {
  const r = spawnSync("docker", ["compose", "-f", composePath, "config", "--quiet"], { encoding: "utf8" });
  check(r.status === 0, `docker compose config: ${r.stderr.trim()}`);
  notes.push("docker compose config: ok");
} else notes.push("docker compose not installed: compose file checked structurally only");

if (problems.length > 0) {
  console.error(`Deployment files fail:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`Deployment files ok (${notes.join("; ")}).`);
