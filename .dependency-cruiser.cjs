/**
 * The server's layers (issue #11, docs/architecture.md): an import may point only to the same or a
 * lower layer. `pnpm check:deps` runs this (and .dependency-cruiser.folders.cjs, folder cycles). Files
 * stay within 300 lines and functions within 120 (biome.json overrides).
 *
 *   L0 errors, config, core                                         each other only
 *   L1 <domain>/*.{enums,model,policy}.ts, versions/version.lifecycle.ts   L0, other L1 files
 *   L2 auth                                                         L0, L1
 *   L3 domain behaviour                          L0-L2, any L1 file, earlier domains (DOMAINS)
 *   L4 realtime (the engine, against its ports)                     L0 only
 *   L5 app (composition root), main.ts, seed                        everything
 *
 * Tests (*.test.ts, server/src/test/) are not layered: they reach any module to set up a case.
 * Production code never imports them. There is no baseline: every violation fails the check.
 */
const S = "^server/src/";
/** L3 domains, earliest first; domains in one inner list are peers and may not import each other. */
const DOMAINS = [
  ["events"],
  ["users"],
  ["productions"],
  ["assets"],
  ["versions"],
  ["notes", "reviews", "edits"],
  ["presence", "exports"],
  ["webhooks"],
];
const ALL = DOMAINS.flat();
const L0 = `${S}(errors|config|core)/`;
const L1 = `${S}(${ALL.join("|")})/[^/]+[.](enums|model|policy)[.]ts$|${S}versions/version[.]lifecycle[.]ts$`;
const TEST = `[.]test[.]ts$|${S}test/`;
const any = (...res) => res.map((r) => `(${r})`).join("|");
const folder = (names) => `${S}(${names.join("|")})/`;

const domainRules = DOMAINS.flatMap((peers, rank) =>
  peers.map((domain) => {
    const laterOrPeer = DOMAINS.slice(rank)
      .flat()
      .filter((d) => d !== domain);
    return {
      name: `L3-${domain}`,
      comment: `${domain} may import L0-L2, any L1 file and earlier domains only (${DOMAINS.slice(0, rank).flat().join(", ") || "none"})`,
      severity: "error",
      from: { path: `${S}${domain}/`, pathNot: any(L1, TEST) },
      to: {
        path: any(
          `${S}(realtime|app|seed|test)/`,
          `${S}main[.]ts$`,
          ...(laterOrPeer.length ? [folder(laterOrPeer)] : []),
        ),
        pathNot: L1,
      },
    };
  }),
);

const EXCLUDE = any("node_modules", "[.]d[.]ts$", "^client/src/gql/");

module.exports = {
  forbidden: [
    {
      name: "L0-core",
      comment: "errors, config and core import each other only",
      severity: "error",
      from: { path: L0, pathNot: TEST },
      to: { path: S, pathNot: L0 },
    },
    {
      name: "L1-definitions",
      comment: "enums, models, policies and the version life cycle import L0 and other L1 files only",
      severity: "error",
      from: { path: L1 },
      to: { path: S, pathNot: any(L0, L1) },
    },
    {
      name: "L2-auth",
      comment: "auth imports L0 and L1 only",
      severity: "error",
      from: { path: `${S}auth/`, pathNot: TEST },
      to: { path: S, pathNot: any(L0, L1, `${S}auth/`) },
    },
    ...domainRules,
    {
      name: "L4-realtime",
      comment:
        "realtime is the engine: it imports L0 only and reaches the domains through ports wired in app/",
      severity: "error",
      from: { path: `${S}realtime/`, pathNot: TEST },
      to: { path: S, pathNot: any(L0, `${S}realtime/`) },
    },
    {
      name: "no-test-code-in-production",
      comment: "production code never imports tests or server/src/test/",
      severity: "error",
      from: { path: S, pathNot: TEST },
      to: { path: TEST },
    },
    {
      name: "client-not-on-server",
      comment: "the client shares code with the server only through the shared workspace package",
      severity: "error",
      from: { path: "^client/" },
      to: { path: "^server/" },
    },
    {
      name: "server-not-on-bench",
      comment:
        "the bench builds its baselines from the server (app/server-parts.ts), never the other way round",
      severity: "error",
      from: { path: "^server/" },
      to: { path: "^bench/" },
    },
    {
      name: "common-stands-alone",
      comment: "common/ (rules the server and the client share) imports no other workspace code",
      severity: "error",
      from: { path: "^common/" },
      to: { path: "^(server|client|embedded-mongo|bench|tests)/" },
    },
    {
      name: "no-file-cycles",
      comment: "no import cycle between files (tests aside)",
      severity: "error",
      from: { pathNot: TEST },
      to: { circular: true, viaOnly: { pathNot: TEST } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: EXCLUDE },
    tsPreCompilationDeps: true,
    // NodeNext resolution (./x.js names ./x.ts), as the compiler does it.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
  },
};

Object.defineProperty(module.exports, "layers", { value: { L1, TEST, EXCLUDE }, enumerable: false });
