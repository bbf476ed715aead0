import { fileURLToPath } from "node:url";
import type { CodegenConfig } from "@graphql-codegen/cli";

/** Paths are resolved from the repository root so codegen works from any cwd (root script or client/). */
const root = fileURLToPath(new URL("..", import.meta.url));
// The server's emitted schema (contract + docs/schema-plan.md); the client's types follow it.
const schema = `${root}schema/schema.graphql`;

const config: CodegenConfig = {
  schema,
  documents: [`${root}client/src/**/*.{ts,tsx}`, `!${root}client/src/gql/**`],
  ignoreNoDocuments: true,
  generates: {
    [`${root}client/src/gql/`]: {
      preset: "client",
      presetConfig: {
        // Apollo Client 4 reads fragments straight from the normalised cache; masking would only add ceremony here.
        fragmentMasking: false,
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: "string" },
        skipTypename: false,
        nonOptionalTypename: true,
      },
    },
  },
};

export default config;
