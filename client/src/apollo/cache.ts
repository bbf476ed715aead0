import { InMemoryCache, type Reference, type StoreObject } from "@apollo/client";

type Edge = { cursor: string; node: Reference | StoreObject };
type Connection = { __typename?: string; edges: readonly Edge[]; pageInfo: unknown; totalCount: number };

/**
 * Merges pages of a note connection into one list, keeping order and dropping duplicates by node
 * identity: a page refetched after live inserts must not duplicate the notes those inserts added.
 */
function mergeNoteConnection(
  existing: Connection | undefined,
  incoming: Connection,
  readId: (node: Reference | StoreObject) => string | undefined,
  isFirstPage: boolean,
): Connection {
  if (!existing) return incoming;
  const base = isFirstPage ? [] : existing.edges;
  const seen = new Set(base.map((e) => readId(e.node)));
  const edges = [...base];
  for (const e of incoming.edges) {
    const id = readId(e.node);
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push(e);
  }
  if (isFirstPage) {
    // Keep notes inserted live (or later pages) that this refetched first page does not include.
    for (const e of existing.edges) {
      const id = readId(e.node);
      if (!seen.has(id)) {
        seen.add(id);
        edges.push(e);
      }
    }
  }
  return { ...incoming, edges, totalCount: Math.max(incoming.totalCount, edges.length) };
}

/** Objects without ids that live inside their parent: merge field by field instead of replacing. */
const embedded = [
  "NoteCounts",
  "Loudness",
  "ScriptRevision",
  "VersionPermissions",
  "NotePermissions",
  "ProductionPermissions",
];

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes: { NoteAnchor: ["ScriptAnchor", "TimeAnchor"] },
    typePolicies: {
      ...Object.fromEntries(embedded.map((t) => [t, { merge: true }])),
      Version: {
        fields: {
          notes: {
            // The review screens load every note of a version and filter on the client.
            keyArgs: false,
            merge(existing: Connection | undefined, incoming: Connection, { args, readField }) {
              return mergeNoteConnection(existing, incoming, (n) => readField<string>("id", n), !args?.after);
            },
          },
        },
      },
      Production: {
        fields: {
          events: {
            keyArgs: false,
            merge(existing: readonly Reference[] = [], incoming: readonly Reference[], { readField }) {
              const seen = new Set(existing.map((e) => readField<string>("cursor", e)));
              return [...existing, ...incoming.filter((e) => !seen.has(readField<string>("cursor", e)))];
            },
          },
        },
      },
      Query: {
        fields: {
          presence: { keyArgs: ["versionId"], merge: false },
        },
      },
    },
  });
}
