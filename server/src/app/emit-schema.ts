import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../config/config.js";
import { buildGreenlightSchema, printSortedSchema } from "./schema.js";

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

async function main(): Promise<void> {
  const printed = printSortedSchema(await buildGreenlightSchema());
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
    return;
  }
  writeFileSync(target, printed);
  process.stdout.write(`Wrote ${target}\n`);
}

await main();
