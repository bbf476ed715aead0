import mongoose from "mongoose";
import type { Viewer } from "../core/context.js";
import { ApiTokenModel } from "./api-token.model.js";
import { type ApiToken, toApiToken } from "./api-token.type.js";

export async function listApiTokens(viewer: Viewer): Promise<ApiToken[]> {
  const docs = await ApiTokenModel.find({
    userId: new mongoose.Types.ObjectId(viewer.userId),
    revokedAt: null,
    $or: [{ expiresAt: null }, { expiresAt: { $gt: new Date() } }],
  })
    .sort({ createdAt: -1 })
    .lean();
  return docs.map(toApiToken);
}
