import { handleOfName, roleOfHandle } from "@greenlight/common/mentions";
import { Role } from "../productions/production.enums.js";

/**
 * @mentions in note and reply bodies.
 *
 * Handles (documented for users): a member is mentioned by their name in lower case with spaces
 * replaced by dots (`@maya.chen` for "Maya Chen"), or by the part of their email before "@"
 * (`@maya` for maya@studio.example). A role is mentioned by its name in lower case, singular or
 * plural (`@editor`, `@sound_designer`, `@writers`) and reaches everyone holding it. Unknown handles
 * stay plain text. Mentions are resolved once, when the body is written, and stored.
 */
export interface MentionCandidate {
  userId: string;
  name: string;
  email: string;
}

export interface ResolvedMention {
  kind: "USER" | "ROLE";
  label: string;
  userId: string | null;
  role: Role | null;
}

const HANDLE = /(^|[^A-Za-z0-9_.@])@([A-Za-z0-9_][A-Za-z0-9_.\-']*[A-Za-z0-9_]|[A-Za-z0-9_])/g;
const MAX_MENTIONS = 50;
const ROLES = Object.values(Role);

export function parseMentions(body: string, members: readonly MentionCandidate[]): ResolvedMention[] {
  const byHandle = new Map<string, MentionCandidate>();
  for (const m of members) byHandle.set(handleOfName(m.name), m);
  for (const m of members) {
    const local = m.email.split("@")[0]?.toLowerCase();
    if (local && !byHandle.has(local)) byHandle.set(local, m);
  }
  const out: ResolvedMention[] = [];
  const seen = new Set<string>();
  for (const match of body.matchAll(HANDLE)) {
    const raw = match[2] ?? "";
    const handle = raw.toLowerCase();
    const role = roleOfHandle(handle, ROLES);
    const key = role ? `role:${role}` : `user:${byHandle.get(handle)?.userId ?? ""}`;
    if (seen.has(key)) continue;
    if (role) {
      out.push({ kind: "ROLE", label: `@${raw}`, userId: null, role });
    } else {
      const user = byHandle.get(handle);
      if (!user) continue;
      out.push({ kind: "USER", label: `@${raw}`, userId: user.userId, role: null });
    }
    seen.add(key);
    if (out.length >= MAX_MENTIONS) break;
  }
  return out;
}
