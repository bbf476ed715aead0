import { identityCache } from "../auth/identity-cache.js";
import mongoose from "mongoose";
import { generateApiTokenSecret } from "../auth/token.service.js";
import type { Viewer } from "../core/context.js";
import { notFound } from "../errors/app-errors.js";
import { ApiTokenModel } from "./api-token.model.js";
import { type ApiToken, toApiToken } from "./api-token.type.js";
import { validateTokenName } from "./user.validation.js";

export async function createApiToken(
  viewer: Viewer,
  nameInput: string,
): Promise<{ token: string; apiToken: ApiToken }> {
  const name = validateTokenName(nameInput);
  const { token, prefix, hash } = generateApiTokenSecret();
  const doc = await ApiTokenModel.create({
    userId: new mongoose.Types.ObjectId(viewer.userId),
    name,
    prefix,
    hash,
  });
  return { token, apiToken: toApiToken(doc) };
}

export async function listApiTokens(viewer: Viewer): Promise<ApiToken[]> {
  const docs = await ApiTokenModel.find({
    userId: new mongoose.Types.ObjectId(viewer.userId),
    revokedAt: null,
  })
    .sort({ createdAt: -1 })
    .lean();
  return docs.map(toApiToken);
}

/** Someone else's token is NOT_FOUND, like a missing one, so ids reveal nothing. */
export async function revokeApiToken(viewer: Viewer, id: string): Promise<boolean> {
  if (!mongoose.isValidObjectId(id)) throw notFound("API token");
  const res = await ApiTokenModel.updateOne(
    {
      _id: new mongoose.Types.ObjectId(id),
      userId: new mongoose.Types.ObjectId(viewer.userId),
      revokedAt: null,
    },
    { $set: { revokedAt: new Date() } },
  );
  // Forget even when nothing matched: a concurrent revocation may have won the update.
  identityCache.forgetApiToken(id);
  if (res.matchedCount === 0) throw notFound("API token");
  return true;
}
