/**
 * The operations of `schema/examples` (the tool guide's examples), bundled at build time so the
 * explorer opens with each as a tab, offline. The file's own comments (what it does, example
 * variables) stay at the top of its tab.
 */
const files = import.meta.glob<string>("../../../../schema/examples/*.graphql", {
  query: "?raw",
  import: "default",
  eager: true,
});

export interface ExampleTab {
  /** The file name without `.graphql`, e.g. `production-events`. */
  name: string;
  query: string;
}

/** In file-name order, so the tabs do not move between builds. */
export const EXAMPLE_TABS: readonly ExampleTab[] = Object.entries(files)
  .map(([path, query]) => ({ name: path.replace(/^.*\/|\.graphql$/g, ""), query }))
  .sort((a, b) => a.name.localeCompare(b.name));
