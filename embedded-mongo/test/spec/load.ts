// Finding the spec files, parsing them as Extended JSON, and deciding which tests apply to a
// single-node replica set of MongoDB 7.0 (each file's and test's runOnRequirements).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { type Document, EJSON } from "bson";

/** Areas reported, in order (folders of ../shared/mongodb-spec). */
export const AREAS = [
  "crud",
  "change-streams",
  "collection-management",
  "sessions",
  "retryable-writes",
  "transactions",
  "transactions-convenient-api",
] as const;

/** The newest unified-format schema version this runner understands. */
const SUPPORTED_SCHEMA = [1, 21];

export interface SpecFile {
  area: string;
  /** Path below the area folder, without ".json" (e.g. "tests/unified/find"). */
  name: string;
  doc: Document;
}

export interface ServerFacts {
  /** e.g. [7, 0, 14] */
  version: number[];
  topology: "single" | "replicaset" | "sharded" | "load-balanced";
  /** Server parameters as reported by getParameter: "*" (only those asked for are compared). */
  parameters: Document;
  /** Whether configureFailPoint is implemented (tests that need it are otherwise not applicable). */
  failPoints: boolean;
  /** Replica-set members reported by hello (1 for the embedded store). */
  members: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return walk(path);
      return entry.endsWith(".json") ? [path] : [];
    });
}

export function loadArea(specRoot: string, area: string): SpecFile[] {
  const dir = join(specRoot, area);
  if (!existsSync(dir)) return [];
  return walk(dir).map((path) => ({
    area,
    name: relative(dir, path).replace(/\.json$/, ""),
    // Canonical parsing keeps int32/int64/double distinct, as the files intend.
    doc: EJSON.parse(readFileSync(path, "utf8"), { relaxed: false }) as Document,
  }));
}

/** A stable test id: area, file name and the test's description. */
export function testId(file: SpecFile, description: string): string {
  return `${file.area}/${basename(file.name)}: ${description}`;
}

function parseVersion(v: string): number[] {
  return v.split(".").map((p) => Number.parseInt(p, 10) || 0);
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function schemaSupported(version: string): boolean {
  const [major, minor] = parseVersion(version);
  return major === SUPPORTED_SCHEMA[0] && (minor ?? 0) <= (SUPPORTED_SCHEMA[1] ?? 0);
}

/** Why a runOnRequirement is not met, or undefined when it is. */
function unmet(req: Document, facts: ServerFacts): string | undefined {
  if (req.minServerVersion && compareVersions(facts.version, parseVersion(req.minServerVersion)) < 0)
    return `needs server >= ${req.minServerVersion}`;
  if (req.maxServerVersion) {
    // "7.0" as a maximum means any 7.0.x.
    const max = parseVersion(req.maxServerVersion);
    const cut = facts.version.slice(0, max.length);
    if (compareVersions(cut, max) > 0) return `needs server <= ${req.maxServerVersion}`;
  }
  if (req.topologies && !(req.topologies as string[]).includes(facts.topology))
    return `needs topology ${(req.topologies as string[]).join("/")}`;
  if (req.serverless === "require") return "needs serverless";
  if (req.auth === true) return "needs auth";
  if (req.authMechanism) return `needs auth mechanism ${req.authMechanism}`;
  if (req.csfle) return "needs client-side encryption";
  for (const [name, value] of Object.entries((req.serverParameters as Document) ?? {})) {
    if (EJSON.stringify(facts.parameters[name]) !== EJSON.stringify(value)) {
      const same =
        typeof facts.parameters[name] !== "undefined" &&
        Number(facts.parameters[name]) === Number(value) &&
        !Number.isNaN(Number(value));
      if (!same) return `needs server parameter ${name}=${EJSON.stringify(value)}`;
    }
  }
  return undefined;
}

/** Undefined when some requirement is met (or there are none); otherwise the first reason. */
export function requirementsUnmet(reqs: Document[] | undefined, facts: ServerFacts): string | undefined {
  if (!reqs || reqs.length === 0) return undefined;
  const reasons = reqs.map((r) => unmet(r, facts));
  return reasons.includes(undefined) ? undefined : reasons[0];
}

const FAILPOINT_OPS = new Set(["failPoint", "targetedFailPoint"]);

function usesFailPoint(ops: Document[]): boolean {
  return ops.some(
    (op) =>
      (op.object === "testRunner" && FAILPOINT_OPS.has(op.name)) ||
      (op.name === "withTransaction" && usesFailPoint((op.arguments?.callback as Document[]) ?? [])) ||
      (op.name === "loop" && usesFailPoint((op.arguments?.operations as Document[]) ?? [])),
  );
}

/** Clients created by the file or the test (createEntities operations included). */
function clientSpecs(file: SpecFile, test: Document): Document[] {
  const fromOps = ((test.operations ?? []) as Document[])
    .filter((op) => op.object === "testRunner" && op.name === "createEntities")
    .flatMap((op) => (op.arguments?.entities ?? []) as Document[]);
  return [...((file.doc.createEntities ?? []) as Document[]), ...fromOps]
    .map((e) => e.client as Document | undefined)
    .filter((c): c is Document => Boolean(c));
}

/**
 * The driver's connect() (and its auto-connect) selects a server with the client's read preference,
 * so a client whose URI asks for "secondary" cannot connect to a one-member replica set at all.
 */
function needsSecondary(file: SpecFile, test: Document): boolean {
  return clientSpecs(file, test).some((c) => c.uriOptions?.readPreference === "secondary");
}

/** Why a test does not apply (not counted in "applicable"), or undefined when it does. */
export function notApplicable(file: SpecFile, test: Document, facts: ServerFacts): string | undefined {
  if (!schemaSupported(String(file.doc.schemaVersion)))
    return `schema version ${file.doc.schemaVersion} is newer than the runner`;
  const fileReason = requirementsUnmet(file.doc.runOnRequirements, facts);
  if (fileReason) return fileReason;
  const testReason = requirementsUnmet(test.runOnRequirements, facts);
  if (testReason) return testReason;
  if (test.skipReason) return `skipped by the spec: ${test.skipReason}`;
  if (!facts.failPoints && usesFailPoint(test.operations ?? [])) return "needs configureFailPoint";
  if (facts.members === 1 && needsSecondary(file, test))
    return "needs a secondary (a client with readPreference secondary cannot connect to one member)";
  return undefined;
}
