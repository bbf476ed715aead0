import { AssetKind } from "../assets/asset.enums.js";
import { requireViewer } from "../auth/auth-checker.js";
import type { Context } from "../core/context.js";
import { notFound } from "../errors/app-errors.js";
import { isId } from "../core/ids.js";
import { type MemberRef, requireMembership, viewerMembership } from "../productions/production.access.js";
import { changedLines, diffScripts } from "./script-diff.js";
import { versionCache } from "./version-cache.js";
import { type VersionDoc } from "./version.model.js";
import { toVersion, type Version } from "./version.type.js";

/** NOT_FOUND unless the version exists and the viewer is a member of its production. */
export async function requireVersion(
  ctx: Context,
  versionId: string,
  options: { forWrite?: boolean } = {},
): Promise<{ version: VersionDoc; member: MemberRef }> {
  requireViewer(ctx);
  const version = isId(versionId)
    ? options.forWrite
      ? await versionForWrite(ctx, versionId)
      : await ctx.loaders.versionById.load(versionId)
    : null;
  if (!version) throw notFound("Version");
  const member = await requireMembership(ctx, String(version.productionId), "Version");
  return { version, member };
}

/**
 * A note command's version, from the process's version cache (version-cache.ts) when it has it:
 * only for checks the command's transaction repeats on its snapshot (the status), or that read
 * what never changes. Never primed into the loaders, which answer reads.
 */
async function versionForWrite(ctx: Context, versionId: string): Promise<VersionDoc | null> {
  const hit = versionCache.get(versionId);
  if (hit) return hit;
  const mark = versionCache.mark();
  const doc = await ctx.loaders.versionById.load(versionId);
  if (doc) versionCache.set(doc, mark);
  return doc;
}

export async function findVersion(ctx: Context, id: string): Promise<Version | null> {
  requireViewer(ctx);
  const doc = isId(id) ? await ctx.loaders.versionById.load(id) : null;
  if (!doc || !(await viewerMembership(ctx, String(doc.productionId)))) return null;
  return toVersion(doc);
}

export async function listVersions(ctx: Context, assetId: string): Promise<Version[]> {
  const docs = await ctx.loaders.versionsByAssetId.load(assetId);
  return [...docs].sort((a, b) => a.number - b.number).map(toVersion);
}

export async function latestVersion(ctx: Context, assetId: string): Promise<Version | null> {
  const all = await listVersions(ctx, assetId);
  return all.at(-1) ?? null;
}

export async function previousVersion(ctx: Context, version: Version): Promise<Version | null> {
  if (version.number <= 1) return null;
  const all = await listVersions(ctx, version.assetId);
  return all.find((v) => v.number === version.number - 1) ?? null;
}

/**
 * The revision marks of a script version: its lines that differ from the previous version's, by
 * the same line diff that carries notes (computed on read: texts never change once added).
 */
export async function revisionMarks(ctx: Context, version: Version): Promise<number[] | null> {
  if (version.kind !== AssetKind.SCRIPT || version.number <= 1) return null;
  const all = await ctx.loaders.versionsByAssetId.load(version.assetId);
  const previous = all.find((v) => v.number === version.number - 1);
  if (!previous) return null;
  return changedLines(diffScripts(previous.text ?? "", version.text ?? ""));
}
