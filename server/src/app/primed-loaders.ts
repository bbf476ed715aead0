import DataLoader from "dataloader";
import { createLoaders, type Loaders } from "./loaders.js";
import type { NoteDoc } from "../notes/note.model.js";
import type { User } from "../users/user.type.js";
import type { VersionDoc } from "../versions/version.model.js";
import type { ExecutionScope } from "../realtime/ports.js";

/** Loader values channels may remember (see Channel.invalidate), keyed "<loader>:<id>". */
const REMEMBERED = ["userById", "versionById"] as const;
type Remembered = (typeof REMEMBERED)[number];

/**
 * A loader that reads through `inner` and keeps its values in a cache map we own (DataLoader's
 * `cacheMap` option), so what an execution loaded can be listed afterwards without touching the
 * loader's methods.
 */
function recording<V>(inner: DataLoader<string, V>, cache: Map<string, Promise<V>>): DataLoader<string, V> {
  return new DataLoader<string, V>(async (ids) => inner.loadMany(ids), { cacheMap: cache });
}

/**
 * Loaders for the executions of one event, primed with what the channel knows — the event's note
 * as the change stream carried it, users and versions read by earlier events and not changed
 * since — and recording what they read, so the channel can remember it (`scope.collect`).
 */
export function primedLoaders(scope: ExecutionScope): Loaders {
  const loaders = createLoaders();
  const users = new Map<string, Promise<User | null>>();
  const versions = new Map<string, Promise<VersionDoc | null>>();
  loaders.userById = recording(loaders.userById, users);
  loaders.versionById = recording(loaders.versionById, versions);
  for (const [id, doc] of scope.primeNotes ?? []) loaders.noteById.prime(id, doc as NoteDoc);
  for (const [key, value] of scope.primeCached ?? []) {
    const [name, id] = key.split(":") as [Remembered, string];
    if (name === "userById") loaders.userById.prime(id, value as User);
    else if (name === "versionById") loaders.versionById.prime(id, value as VersionDoc);
  }
  scope.collect = async () => {
    const out: Array<[string, unknown]> = [];
    // Values loaded (or primed) by the executions already: no read here.
    for (const [name, cache] of [
      ["userById", users],
      ["versionById", versions],
    ] as const) {
      for (const [id, pending] of cache) {
        const value = await (pending as Promise<unknown>).catch(() => null);
        if (value && !(value instanceof Error)) out.push([`${name}:${id}`, value]);
      }
    }
    return out;
  };
  return loaders;
}
