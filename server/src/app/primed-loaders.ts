import { createLoaders, type Loaders } from "./loaders.js";
import type { NoteDoc } from "../notes/note.model.js";
import type { User } from "../users/user.type.js";
import type { VersionDoc } from "../versions/version.model.js";
import type { ExecutionScope } from "../realtime/ports.js";

/** Loader values channels may remember (see Channel.invalidate), keyed "<loader>:<id>". */
const REMEMBERED = ["userById", "versionById"] as const;
type Remembered = (typeof REMEMBERED)[number];
type AnyLoader = { load(id: string): Promise<unknown> };

/**
 * Loaders for the executions of one event, primed with what the channel knows — the event's note
 * as the change stream carried it, users and versions read by earlier events and not changed
 * since — and recording what they read, so the channel can remember it (`scope.collect`).
 */
export function primedLoaders(scope: ExecutionScope): Loaders {
  const loaders = createLoaders();
  for (const [id, doc] of scope.primeNotes ?? []) loaders.noteById.prime(id, doc as NoteDoc);
  for (const [key, value] of scope.primeCached ?? []) {
    const [name, id] = key.split(":") as [Remembered, string];
    if (name === "userById") loaders.userById.prime(id, value as User);
    else if (name === "versionById") loaders.versionById.prime(id, value as VersionDoc);
  }
  const read: Array<[Remembered, string]> = [];
  const originals = new Map<Remembered, AnyLoader["load"]>();
  for (const name of REMEMBERED) {
    const loader = loaders[name] as unknown as AnyLoader;
    const load = loader.load.bind(loader);
    originals.set(name, load);
    const seen = new Set<string>();
    loader.load = (id: string) => {
      if (!seen.has(id)) {
        seen.add(id);
        read.push([name, id]);
      }
      return load(id);
    };
  }
  scope.collect = async () => {
    const out: Array<[string, unknown]> = [];
    // The unwrapped loads: loaded by the execution already (the loader's own cache), no read.
    for (const [name, id] of read) {
      const value = await (originals.get(name) as AnyLoader["load"])(id).catch(() => null);
      if (value) out.push([`${name}:${id}`, value]);
    }
    return out;
  };
  return loaders;
}
