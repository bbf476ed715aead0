import { Types } from "mongoose";
import { requireViewer } from "../auth/auth-checker.js";
import type { Context } from "../core/context.js";
import { requireAsset } from "../assets/asset.service.js";
import { canAddVersion } from "../assets/asset.policy.js";
import { conflict, forbidden, notFound } from "../errors/app-errors.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { isId } from "../core/ids.js";
import { type MemberRef, requireMembership, viewerMembership } from "../productions/production.access.js";
import { isDuplicateKey } from "../core/text.js";
import { VersionStatus } from "./version.enums.js";
import { VersionModel, type VersionDoc } from "./version.model.js";
import { validateVersionFields, type VersionFieldsInput } from "./version.rules.js";
import { toVersion, type Version } from "./version.type.js";

/** NOT_FOUND unless the version exists and the viewer is a member of its production. */
export async function requireVersion(
  ctx: Context,
  versionId: string,
): Promise<{ version: VersionDoc; member: MemberRef }> {
  requireViewer(ctx);
  const version = isId(versionId) ? await ctx.loaders.versionById.load(versionId) : null;
  if (!version) throw notFound("Version");
  const member = await requireMembership(ctx, String(version.productionId), "Version");
  return { version, member };
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

const MAX_NUMBERING_ATTEMPTS = 8;

/**
 * Version numbers are previous max + 1 per asset. Two concurrent addVersion calls may pick the
 * same number: the unique (assetId, number) index rejects the second, which retries.
 */
export async function addVersion(
  ctx: Context,
  input: VersionFieldsInput & { assetId: string },
): Promise<Version> {
  const { asset, member } = await requireAsset(ctx, input.assetId);
  if (!canAddVersion(member, asset.kind)) {
    throw forbidden(`Your role (${member.role}) cannot add ${asset.kind.toLowerCase()} versions.`);
  }
  const userId = new Types.ObjectId(member.userId);
  for (let attempt = 0; attempt < MAX_NUMBERING_ATTEMPTS; attempt++) {
    const last = await VersionModel.findOne({ assetId: asset._id }, { number: 1 })
      .sort({ number: -1 })
      .lean();
    const number = (last?.number ?? 0) + 1;
    const now = new Date();
    const fields = validateVersionFields(asset.kind, input, number, now);
    try {
      const created = await VersionModel.create({
        ...fields,
        assetId: asset._id,
        productionId: asset.productionId,
        kind: asset.kind,
        number,
        status: VersionStatus.DRAFT,
        createdBy: userId,
        createdAt: now,
        round: 0,
        submittedAt: null,
        statusHistory: [{ from: null, to: VersionStatus.DRAFT, by: userId, at: now }],
      });
      ctx.loaders.versionsByAssetId.clear(String(asset._id));
      await recordEvents(asset.productionId, userId, [
        { type: EventType.VERSION_ADDED, versionId: created._id, assetId: asset._id },
      ]);
      return toVersion(created.toObject());
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  throw conflict("Too many versions were added at once; try again.");
}
