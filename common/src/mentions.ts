/**
 * How people and roles are written in a note (`@maya.chen`, `@sound_designer`). The server resolves
 * handles with these functions when a body is written (server/src/notes/mentions.ts); the client
 * suggests the same handles while typing, so a suggestion always resolves.
 */

/** A member's handle: their name in lower case, accents dropped, spaces as dots (`Maya Chen` → `maya.chen`). */
export function handleOfName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ".")
    .replace(/[^a-z0-9_.\-']/g, "");
}

/** A role's handle: its name in lower case (`SOUND_DESIGNER` → `sound_designer`). */
export function handleOfRole(role: string): string {
  return role.toLowerCase();
}

/** The role a handle names, singular or plural (`@editor`, `@writers`), among `roles` (upper case), or null. */
export function roleOfHandle<R extends string>(handle: string, roles: readonly R[]): R | null {
  const h = handle.toUpperCase();
  const known = roles as readonly string[];
  if (known.includes(h)) return h as R;
  if (h.endsWith("S") && known.includes(h.slice(0, -1))) return h.slice(0, -1) as R;
  return null;
}
