import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const generated = fileURLToPath(new URL("./src/gql/graphql.ts", import.meta.url));
const CALL = /graphql\(\s*`\s*(query|mutation|subscription|fragment)\s+(\w+)[\s\S]*?`\s*\)/g;
const GQL_IMPORT = /import\s*\{\s*graphql\s*\}\s*from\s*["'][./]*\/?gql["'];?\n?/g;
const DOC = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode/gm;

let cache: { mtime: number; docs: Map<string, string> } | null = null;

/** The precompiled documents codegen wrote into src/gql/graphql.ts, by export name. */
function documents(): Map<string, string> {
  const mtime = statSync(generated).mtimeMs;
  if (cache?.mtime === mtime) return cache.docs;
  const docs = new Map<string, string>();
  for (const m of readFileSync(generated, "utf8").matchAll(DOC)) {
    if (m[1] && m[2]) docs.set(m[1], m[2]);
  }
  cache = { mtime, docs };
  return docs;
}

/**
 * Replaces each `graphql(\`...\`)` call with the document AST codegen already emitted for it, inlined
 * in the calling module. The client preset's `graphql()` would otherwise pull every document of the
 * app (one big module) into the initial bundle; inlined, each document ships with the route using it.
 */
export function graphqlDocuments(): Plugin {
  return {
    name: "greenlight-graphql-documents",
    enforce: "pre",
    transform(code, id) {
      if (!/\.(ts|tsx)$/.test(id) || id.includes("/src/gql/") || !code.includes("graphql(`")) return null;
      const docs = documents();
      let missing: string | null = null;
      const out = code.replace(CALL, (m, kind: string, name: string) => {
        const doc = docs.get(`${name}${kind === "fragment" ? "FragmentDoc" : "Document"}`);
        if (!doc) {
          missing = name;
          return m;
        }
        return `(${doc})`;
      });
      // A document codegen hasn't seen yet (dev, before `pnpm codegen`): keep the runtime graphql() call.
      if (missing) return null;
      return { code: out.replace(GQL_IMPORT, ""), map: null };
    },
  };
}
