import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { graphqlDocuments } from "./vite.graphql-docs.ts";

/** The API server the dev server proxies to (`pnpm dev` runs both). */
const apiTarget = process.env.GREENLIGHT_API_URL ?? "http://127.0.0.1:4000";

export default defineConfig({
  plugins: [graphqlDocuments(), react()],
  server: {
    port: 5173,
    proxy: {
      // The page's Host kept: the server honours the session cookie only when Origin names the Host.
      "/graphql": { target: apiTarget, ws: true, changeOrigin: false },
      "/media": { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    outDir: "dist",
    sourcemap: true,
    // Route chunks are split with React.lazy; keep the warning meaningful for the initial chunk.
    chunkSizeWarningLimit: 400,
  },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
  },
});
