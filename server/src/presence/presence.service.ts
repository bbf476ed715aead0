import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { runtime } from "../core/runtime.js";
import { requireViewer } from "../auth/auth-checker.js";
import { badInput, notFound } from "../errors/app-errors.js";
import { isId } from "../core/ids.js";
import type { Role } from "../productions/production.enums.js";
import { VersionModel } from "../versions/version.model.js";
import { roleOf } from "../events/event.log.js";
import { type PresenceDoc, PresenceModel, presenceId } from "./presence.model.js";

/** Playhead updates written per viewer and version: at most one per interval (10/s). */
export const PRESENCE_MIN_INTERVAL_MS = 100;

export interface PresencePosition {
  frame?: number | null;
  line?: number | null;
  playing?: boolean | null;
}

interface Throttle {
  lastWrite: number;
  pending: PresencePosition | null;
  timer: NodeJS.Timeout | null;
}

/** Per viewer and version in this process; a timer exists only while a trailing write waits. */
const throttles = new Map<string, Throttle>();

export interface VersionMember {
  versionId: string;
  productionId: string;
  userId: string;
  role: Role;
}

/** The viewer's membership of the version's production, or NOT_FOUND (contract precedence). */
export async function requireVersionMember(ctx: Context, versionId: string): Promise<VersionMember> {
  const viewer = requireViewer(ctx);
  const version = isId(versionId) ? await VersionModel.findById(versionId, { productionId: 1 }).lean() : null;
  if (!version) throw notFound("Version");
  const productionId = String(version.productionId);
  const role = await roleOf(productionId, viewer.userId);
  if (!role) throw notFound("Version");
  return { versionId, productionId, userId: viewer.userId, role };
}

function ttlMs(): number {
  return runtime().config.realtime.presenceTtlSeconds * 1_000;
}

async function write(m: VersionMember, position: PresencePosition | null): Promise<void> {
  const now = new Date();
  const set: Partial<PresenceDoc> = {
    versionId: new Types.ObjectId(m.versionId),
    productionId: new Types.ObjectId(m.productionId),
    userId: new Types.ObjectId(m.userId),
    role: m.role,
    updatedAt: now,
    expiresAt: new Date(now.getTime() + ttlMs()),
  };
  if (position) {
    if (position.frame !== undefined) set.frame = position.frame;
    if (position.line !== undefined) set.line = position.line;
    if (position.playing != null) set.playing = position.playing;
  }
  await PresenceModel.updateOne({ _id: presenceId(m.versionId, m.userId) }, { $set: set }, { upsert: true });
}

/** joinVersion: also the heartbeat (clients repeat it, or updatePresence, within the TTL). */
export async function joinVersion(ctx: Context, versionId: string): Promise<boolean> {
  const m = await requireVersionMember(ctx, versionId);
  await write(m, null);
  return true;
}

export function validatePosition(p: PresencePosition): void {
  const fields: Record<string, string> = {};
  if (p.frame != null && (!Number.isInteger(p.frame) || p.frame < 0))
    fields.frame = "must be a whole number >= 0";
  if (p.line != null && (!Number.isInteger(p.line) || p.line < 1))
    fields.line = "must be a whole number >= 1";
  if (Object.keys(fields).length > 0) throw badInput("Invalid playhead position.", fields);
}

/**
 * updatePresence: throttled per viewer to one write per 100 ms; a faster caller's latest position
 * is written at the end of the interval (trailing), so the last playhead always lands.
 */
export async function updatePresence(
  ctx: Context,
  versionId: string,
  position: PresencePosition,
): Promise<boolean> {
  const m = await requireVersionMember(ctx, versionId);
  validatePosition(position);
  const key = presenceId(m.versionId, m.userId);
  const now = Date.now();
  const t = throttles.get(key) ?? { lastWrite: 0, pending: null, timer: null };
  throttles.set(key, t);
  const wait = t.lastWrite + PRESENCE_MIN_INTERVAL_MS - now;
  if (wait <= 0 && !t.timer) {
    t.lastWrite = now;
    await write(m, position);
    return true;
  }
  t.pending = { ...t.pending, ...position };
  t.timer ??= setTimeout(
    () => {
      const pending = t.pending;
      t.pending = null;
      t.timer = null;
      t.lastWrite = Date.now();
      if (pending)
        write(m, pending).catch((err: unknown) =>
          runtime().logger.warn("presence: trailing write failed", { error: String(err) }),
        );
    },
    Math.max(wait, 1),
  );
  return true;
}

export async function leaveVersion(ctx: Context, versionId: string): Promise<boolean> {
  const m = await requireVersionMember(ctx, versionId);
  const key = presenceId(m.versionId, m.userId);
  const t = throttles.get(key);
  if (t?.timer) clearTimeout(t.timer);
  throttles.delete(key);
  await PresenceModel.deleteOne({ _id: key });
  return true;
}

/** Live (not expired) viewers of a version, for the query and a process's first subscriber. */
export async function loadPresence(versionId: string): Promise<PresenceDoc[]> {
  if (!isId(versionId)) return [];
  const since = new Date(Date.now() - ttlMs());
  return PresenceModel.find({ versionId: new Types.ObjectId(versionId), updatedAt: { $gte: since } })
    .sort({ _id: 1 })
    .limit(500)
    .lean();
}
