import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../config/config.js";
import { buildGreenlightSchema, printSortedSchema } from "./schema.js";
import { undescribedCoordinates } from "./schema-descriptions.js";

/**
 * `tsx src/app/emit-schema.ts` writes schema/schema.graphql; `--check` exits 1 when the committed
 * file differs from what the code builds (CI's drift check).
 */
// `--schema-file=<path>` points elsewhere (tests check drift detection on a scratch copy).
const fileArg = process.argv.find((a) => a.startsWith("--schema-file="));
const target = fileArg ? fileArg.slice("--schema-file=".length) : join(REPO_ROOT, "schema", "schema.graphql");

function firstDifference(a: string, b: string): string {
  const al = a.split("\n");
  const bl = b.split("\n");
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i])
      return `line ${i + 1}:\n  committed: ${al[i] ?? "<end of file>"}\n  built:     ${bl[i] ?? "<end of file>"}`;
  }
  return "(no difference)";
}

/**
 * Lists what has no description. Report-only until every coordinate is described; then
 * `--require-descriptions` (added to `check:schema`) makes a gap fail CI.
 */
function reportDescriptions(missing: string[]): void {
  if (missing.length === 0) return;
  const strict = process.argv.includes("--require-descriptions");
  process.stderr.write(
    `${missing.length} schema coordinates have no description${strict ? "" : " (report only)"}:\n  ${missing.join("\n  ")}\n` +
      "Add `description:` to the type-graphql decorator (or registerEnumType valuesConfig).\n",
  );
  if (strict) process.exit(1);
}

async function main(): Promise<void> {
  const schema = await buildGreenlightSchema();
  const printed = printSortedSchema(schema);
  if (process.argv.includes("--check")) {
    let committed = "";
    try {
      committed = readFileSync(target, "utf8");
    } catch {
      committed = "";
    }
    if (committed !== printed) {
      process.stderr.write(
        `schema/schema.graphql is out of date. First difference at ${firstDifference(committed, printed)}\n` +
          "Run `pnpm --filter @greenlight/server emit:schema` and commit the result.\n",
      );
      process.exit(1);
    }
    process.stdout.write("schema/schema.graphql is up to date.\n");
    reportDescriptions(undescribedCoordinates(schema));
    return;
  }
  writeFileSync(target, printed);
  process.stdout.write(`Wrote ${target}\n`);
}

await main();
