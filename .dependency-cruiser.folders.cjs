/**
 * No cycles between folders of server/src (`pnpm check:deps`, second pass). Tests are left out (they
 * reach any module to set up a case), and so are L1 files (enums, models, policies, the version life
 * cycle): every layer may import them, so they are the shared vocabulary the folders' behaviour is
 * written in, not a dependency between behaviours. Cycles among L1 files are still file cycles, which
 * the first pass forbids.
 */
const base = require("./.dependency-cruiser.cjs");
const { L1, TEST, EXCLUDE } = base.layers;

module.exports = {
  forbidden: [
    {
      name: "no-folder-cycles",
      comment: "folders of server/src import each other one way only",
      severity: "error",
      scope: "folder",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    ...base.options,
    exclude: { path: [EXCLUDE, TEST, L1].map((r) => `(${r})`).join("|") },
  },
};
